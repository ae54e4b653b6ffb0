package io.netwright.ui.train;

import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.run.TrainingView;
import io.netwright.ui.run.WhenShown;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javax.imageio.ImageIO;

/**
 * The live charts of a run — loss (per step, per epoch, validation), accuracy (running per step, validation per
 * epoch), learning rate — as a {@link TrainingView}. Every point is kept.
 *
 * <p>Redraws are the costliest thing the studio does while a run goes (JFreeChart paints each chart into a canvas,
 * then the renderer rasterises it), and every CPU millisecond they take is taken from training on a busy machine.
 * So the charts are redrawn at most {@link #REDRAW_MILLIS} apart and, beyond that, no more often than keeps their
 * paint time under {@link #CPU_BUDGET} of the wall time (redraws taking 10 ms allow the next one 10 / budget ms
 * later), but at least every {@link #REDRAW_MAX_MILLIS}; the points always show within that delay, and at once when
 * the run pauses, stops, fails or finishes. The three charts repaint together (one frame), the learning-rate chart
 * only when the rate changed, its x range grew by a quarter or the run rests; nothing is painted while another tab is
 * in front (the charts catch up when it comes back).
 */
public final class TrainingCharts extends BorderPane implements TrainingView {

    /**
     * The shortest time between two redraws of the charts. Besides the paint itself, each redraw is a frame: a scene
     * pulse over the whole window and the renderer rasterising three chart-sized canvases, which the paint time below
     * does not see.
     */
    public static final long REDRAW_MILLIS = 1000;

    /**
     * The longest time between two redraws while events arrive, whatever they cost. On a 2-core machine a core taken
     * from a training step slows the whole step: with redraws 1 s apart the studio trained at 0.88–0.92 of the
     * headless speed (full Fashion-MNIST, LeNet-5), at 2.5 s at 0.93–0.94 (when a redraw still cost about 35 ms).
     * Redraws cost most early in a session, before the JIT has compiled the chart code (25–30 ms each on the FX
     * thread then, under 10 ms later); the budget below spaces the cheap ones less.
     */
    public static final long REDRAW_MAX_MILLIS = 3000;

    /**
     * The share of wall time the chart paints may take on the FX thread: a redraw of the three charts taking 12 ms
     * (compiled, under load) allows the next one 2 s later.
     */
    public static final double CPU_BUDGET = 0.006;

    private static final Color BLUE = new Color(0x1f, 0x77, 0xb4);
    private static final Color ORANGE = new Color(0xff, 0x7f, 0x0e);
    private static final Color GREEN = new Color(0x2c, 0xa0, 0x2c);
    private static final Color PURPLE = new Color(0x94, 0x67, 0xbd);

    private final SeriesData stepLoss = new SeriesData();
    private final SeriesData epochLoss = new SeriesData();
    private final SeriesData valLoss = new SeriesData();
    private final SeriesData stepAccuracy = new SeriesData();
    private final SeriesData valAccuracy = new SeriesData();
    private final SeriesData learningRate = new SeriesData();
    private final MetricChart loss;
    private final MetricChart accuracy;
    private final MetricChart lr;
    private final List<MetricChart> charts;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "netwright-fx-charts-timer");
        t.setDaemon(true);
        return t;
    });
    /** A steady learning rate is repainted once its x range grew by this share (see {@link #lrDue()}). */
    static final double LR_GROWTH = 0.25;

    private boolean lrDue = true;
    private double lrAtPaint = Double.NaN;
    private double lrXAtPaint;
    private long lrPaints;
    private final WhenShown shown = new WhenShown(this);
    private boolean redrawScheduled;
    private boolean painting;
    private long nextRedraw = Long.MIN_VALUE / 2;
    private boolean dirty;
    private long redraws;
    private long redrawNanos;
    private long costNanos;

    /** Empty charts. */
    public TrainingCharts() {
        loss = new MetricChart("Loss", "loss", List.of(
                new MetricChart.Line("train (step)", stepLoss, BLUE, true, false),
                new MetricChart.Line("train (epoch)", epochLoss, PURPLE, false, true),
                new MetricChart.Line("validation", valLoss, ORANGE, false, true)));
        accuracy = new MetricChart("Accuracy", "accuracy", List.of(
                new MetricChart.Line("train (running)", stepAccuracy, BLUE, true, false),
                new MetricChart.Line("validation", valAccuracy, ORANGE, false, true)));
        lr = new MetricChart("Learning rate", "lr", List.of(
                new MetricChart.Line("learning rate", learningRate, GREEN, false, false)));
        lr.setIncludeZero(true);
        lr.chart().removeLegend(); // one line, named by the title: its height goes to the plot
        charts = List.of(loss, accuracy, lr);
        loss.viewer().setId("loss-chart");
        accuracy.viewer().setId("accuracy-chart");
        lr.viewer().setId("lr-chart");
        SplitPane split = new SplitPane(loss.viewer(), accuracy.viewer(), lr.viewer());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42, 0.76);
        setCenter(split);
        getStyleClass().add("training-charts");

    }

    // ================================================================ TrainingView

    @Override
    public void runStarted(Trainer trainer) {
        clearLines();
    }

    @Override
    public void documentChanged() {
        clearLines();
        paint();
    }

    private void clearLines() {
        for (MetricChart c : charts) {
            c.lines().forEach(l -> l.data().clear());
            c.resetZoom();
        }
        dirty = false;
        lrDue = true;
        lrAtPaint = Double.NaN;
        lrXAtPaint = 0;
        nextRedraw = Long.MIN_VALUE / 2;
    }

    @Override
    public void onEvents(List<TrainingEvent> events) {
        boolean rests = false;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.BatchEnd b) {
                double ex = b.epoch() + (double) b.batch() / Math.max(1, b.batches());
                stepLoss.add(b.step(), ex, b.loss());
                stepAccuracy.add(b.step(), ex, b.accuracy());
                learningRate.add(b.step(), ex, b.lr());
                dirty = true;
            } else if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Stopped
                    || e instanceof TrainingEvent.Failed || e instanceof TrainingEvent.Paused) {
                lrDue = true; // the run rests: every chart shows its last points, now
                dirty = true;
                rests = true;
            } else if (e instanceof TrainingEvent.EpochEnd ep) {
                epochLoss.add(ep.step(), ep.epoch() + 1, ep.trainLoss());
                valLoss.add(ep.step(), ep.epoch() + 1, ep.valLoss());
                valAccuracy.add(ep.step(), ep.epoch() + 1, ep.valAccuracy());
                dirty = true;
            }
        }
        if (!dirty) {
            return;
        }
        scheduleRedraw(rests ? 0 : nextRedraw - System.nanoTime());
    }

    private void scheduleRedraw(long wait) {
        if (painting) {
            return; // the paint in progress schedules the next one when it ends
        }
        if (wait <= 0) {
            redrawIfDirty();
        } else if (!redrawScheduled) {
            // these points show when the budget allows; a timer thread rather than an FX animation, which would
            // force a pulse every frame while it waits
            redrawScheduled = true;
            timer.schedule(() -> Platform.runLater(() -> {
                redrawScheduled = false;
                redrawIfDirty();
            }), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void redrawIfDirty() {
        if (!dirty || painting) {
            return;
        }
        if (WhenShown.hiddenAncestor(this) != null) { // another tab is in front: paint nobody sees costs the run
            shown.run(this::redrawIfDirty);
            return;
        }
        dirty = false;
        painting = true;
        redraws++;
        paint();
    }

    /**
     * Repaints the charts in one FX task, so their new pictures reach the screen in one frame (every frame is a
     * scene pulse over the whole window and a repaint: three separate tasks cost three). Since text measuring is cut
     * ({@link SparseNumberAxis}, no AWT text layout) the three together take a few milliseconds once compiled.
     */
    private void paint() {
        long t0 = System.nanoTime();
        loss.refresh(); // one dataset change: one synchronous paint of its canvas
        accuracy.refresh();
        if (lrDue()) {
            lr.refresh();
        }
        long took = System.nanoTime() - t0;
        painting = false;
        redrawNanos += took;
        // a moving average of the cost; the very first paint (class loading, caches) counts as at most 20 ms
        costNanos = redraws == 1 ? Math.min(took, 20_000_000L) : (long) (0.7 * costNanos + 0.3 * took);
        long interval = Math.max(REDRAW_MILLIS * 1_000_000L, Math.min(REDRAW_MAX_MILLIS * 1_000_000L,
                (long) (costNanos / CPU_BUDGET)));
        nextRedraw = t0 + interval;
        if (dirty) {
            scheduleRedraw(nextRedraw - System.nanoTime());
        }
    }

    /**
     * Whether the learning-rate chart is repainted in this redraw: when the rate changed since its last paint, when
     * the run rests or ends, or when its x range grew by more than {@link #LR_GROWTH} since (a steady rate only
     * stretches its line).
     */
    private boolean lrDue() {
        int n = learningRate.size();
        double now = n == 0 ? Double.NaN : learningRate.last();
        double x = n == 0 ? 0 : learningRate.xs(false)[n - 1];
        boolean due = lrDue || Double.compare(now, lrAtPaint) != 0 || x > lrXAtPaint * (1 + LR_GROWTH);
        if (due) {
            lrDue = false;
            lrAtPaint = now;
            lrXAtPaint = x;
            lrPaints++;
        }
        return due;
    }

    // ================================================================ options

    /** Plots every chart against epochs (fractional) or steps. */
    public void setByEpoch(boolean byEpoch) {
        charts.forEach(c -> c.setByEpoch(byEpoch));
    }

    /** Smoothing of the per-step lines: on with {@code weight} in [0, 1), or off. */
    public void setSmoothing(boolean on, double weight) {
        charts.forEach(c -> c.setSmoothing(on, weight));
    }

    /** Logarithmic value axes for loss and learning rate (accuracy stays linear). */
    public void setLogScale(boolean log) {
        loss.setLogScale(log);
        lr.setLogScale(log);
    }

    /** Resets zoom and pan of every chart. */
    public void resetZoom() {
        charts.forEach(MetricChart::resetZoom);
    }

    // ================================================================ export

    /** Writes the three charts, stacked, as a PNG of {@code width} pixels. */
    public void exportPng(Path file, int width, int chartHeight) throws IOException {
        BufferedImage img = new BufferedImage(width, chartHeight * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).chart().draw(g, new Rectangle2D.Double(0, i * chartHeight, width, chartHeight));
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException(file + ": no PNG writer available in this Java runtime");
        }
    }

    /**
     * Writes every point (not the decimated display) as CSV: {@code chart,series,step,epoch,value}, one row per
     * point, in chart and series order.
     */
    public void exportCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("chart,series,step,epoch,value\n");
            for (MetricChart c : charts) {
                String chartName = c.chart().getTitle().getText().toLowerCase(Locale.ROOT);
                for (MetricChart.Line l : c.lines()) {
                    SeriesData d = l.data();
                    double[] steps = d.xs(false);
                    double[] epochs = d.xs(true);
                    double[] v = d.values();
                    for (int i = 0; i < d.size(); i++) {
                        w.write(chartName + "," + l.name() + "," + (long) steps[i] + ","
                                + String.format(Locale.ROOT, "%.6f", epochs[i]) + "," + v[i] + "\n");
                    }
                }
            }
        }
    }

    // ================================================================ access

    /** The loss chart. */
    public MetricChart lossChart() {
        return loss;
    }

    /** The accuracy chart. */
    public MetricChart accuracyChart() {
        return accuracy;
    }

    /** The learning-rate chart. */
    public MetricChart lrChart() {
        return lr;
    }

    /** FX-thread time spent redrawing (all charts), in milliseconds. */
    public double redrawMillis() {
        return redrawNanos / 1e6;
    }

    /** Redraws now if anything changed, whatever the budget says (tests). */
    void redrawNow() {
        scheduleRedraw(0);
    }

    /** How many times the learning-rate chart was repainted (it is skipped while the rate holds). */
    public long lrPaints() {
        return lrPaints;
    }

    /** How many times the charts were redrawn. */
    public long redraws() {
        return redraws;
    }
}
