package io.netwright.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Training progress on the console: epoch and step with a bar, running loss and accuracy, images/s and ETA. On a
 * terminal it is one line redrawn with {@code \r} (at most ten times a second); otherwise plain lines, about ten
 * per epoch, so logs stay readable.
 *
 * <pre>{@code epoch 1/3 [=========>          ]  23/47  loss 0.6123  acc 77.8%  1,234 img/s  ETA 0:12}</pre>
 */
final class ConsoleProgress {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 20;

    private final PrintWriter out;
    private final boolean terminal;
    private final int epochs;
    private long lastDraw;
    private int lastLength;
    private int lastDecile = -1;
    private boolean open;
    private String lastShown;

    /** Progress for a run of {@code epochs} epochs, drawn on {@code out}. */
    ConsoleProgress(PrintWriter out, boolean terminal, int epochs) {
        this.out = out;
        this.terminal = terminal;
        this.epochs = epochs;
    }

    /**
     * Reports step {@code step} (1-based) of {@code steps} in epoch {@code epoch} (1-based); throttled, except the
     * last step of an epoch, which is always shown.
     *
     * @param loss     mean training loss of the epoch so far
     * @param accuracy training accuracy of the epoch so far, in [0, 1]
     * @param eta      seconds left for the whole run, or negative when unknown
     */
    void step(int epoch, int step, int steps, double loss, double accuracy, double imagesPerSecond, double eta) {
        draw(epoch, step, steps, loss, accuracy, imagesPerSecond, eta, false);
    }

    /**
     * Shows step {@code step} now, unthrottled, unless it is the line last shown: where a run stopped, so the last
     * progress line and the stop message agree.
     */
    void show(int epoch, int step, int steps, double loss, double accuracy, double imagesPerSecond, double eta) {
        draw(epoch, step, steps, loss, accuracy, imagesPerSecond, eta, true);
    }

    private void draw(int epoch, int step, int steps, double loss, double accuracy, double imagesPerSecond,
            double eta, boolean force) {
        boolean last = step == steps;
        String line = line(epoch, step, steps, loss, accuracy, imagesPerSecond, eta);
        if (force && line.equals(lastShown)) {
            return;
        }
        if (terminal) {
            long now = System.nanoTime();
            if (!force && !last && open && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
            open = true;
            if (last) {
                finishLine();
            }
        } else {
            int decile = (int) ((long) step * 10 / steps);
            if (!force && decile == lastDecile && !last) {
                return;
            }
            lastDecile = last ? -1 : decile;
            out.println(line);
        }
        lastShown = line;
        out.flush();
    }

    /** Prints a whole line (an epoch's evaluation, a note), ending any bar being drawn first. */
    void println(String text) {
        finishLine();
        out.println(text);
        out.flush();
    }

    /** Ends the line being redrawn, if any. */
    void finishLine() {
        if (open) {
            out.println();
            open = false;
            lastLength = 0;
        }
    }

    /** The progress line without carriage return or padding. */
    String line(int epoch, int step, int steps, double loss, double accuracy, double imagesPerSecond, double eta) {
        int filled = (int) ((long) BAR * step / Math.max(1, steps));
        String bar = "=".repeat(filled) + (filled < BAR ? ">" + " ".repeat(BAR - filled - 1) : "");
        int w = Integer.toString(steps).length();
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %" + w + "d/%d  loss %.4f  acc %5.1f%%  %,.0f img/s  ETA %s",
                epoch, epochs, bar, step, steps, loss, 100 * accuracy, imagesPerSecond, duration(eta));
    }

    /** Seconds as {@code m:ss} or {@code h:mm:ss}; {@code ?} when negative or not finite. */
    static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
