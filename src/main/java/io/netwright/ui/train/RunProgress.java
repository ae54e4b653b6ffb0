package io.netwright.ui.train;

import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.run.TrainingView;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The progress line of a run: a bar over all its steps, {@code epoch 2/10 · step 130/1,050}, images/s and the ETA,
 * and the run's state (preparing, training, paused, stopped, finished, failed) as a {@link TrainingView}.
 *
 * <p>Every change of a text or of the bar costs a scene pulse that lays the window out again and walks its whole
 * scene graph (all tabs, about 3,000 nodes), then a repaint — a few milliseconds of CPU taken from the run. So the
 * step, speed and ETA follow the run at most every {@link #SHOW_MILLIS} ms, a text is set only when it changed (the
 * speed to three significant digits, the ETA to the second) and the bar only when it moved by a visible amount;
 * a change of the run's state (pause, resume, stop, the end) shows the latest figures at once.
 */
public final class RunProgress extends HBox implements TrainingView {

    /**
     * The shortest time between two updates of the step, speed and ETA texts and the bar. Each update is a frame of
     * the whole window (about 3.5 ms of CPU on the FX and renderer threads of a 2-core machine, measured in the
     * studio); the ETA is shown to the second anyway.
     */
    static final long SHOW_MILLIS = 1000;

    /** The least change of the bar's fraction that is drawn (a pixel of a 500-pixel bar). */
    static final double BAR_STEP = 0.002;

    private final ProgressBar bar = new ProgressBar(0);
    private final Label position = new Label("no run yet");
    private final Label speed = new Label("");
    private final Label eta = new Label("");
    private final Label state = new Label("");
    private TrainingEvent.BatchEnd pending;
    private long lastShown = Long.MIN_VALUE / 2;
    private int epochs = 1;
    private long totalSteps = 1;

    /** An idle progress line. */
    public RunProgress() {
        super(10);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("run-progress");
        bar.setId("train-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        position.setId("train-position");
        speed.setId("train-speed");
        eta.setId("train-eta");
        state.setId("train-state");
        getChildren().addAll(state, bar, position, speed, eta);
    }

    @Override
    public void runStarted(Trainer trainer) {
        epochs = trainer.config().epochs();
        totalSteps = 1;
        // an empty bar, not an indeterminate one: its animation would pulse the whole window 60 times a second
        // while the trainer loads the data
        bar.setProgress(0);
        position.setText("epoch 1/" + epochs);
        speed.setText("");
        eta.setText("");
        state.setText("preparing…");
        lastShown = Long.MIN_VALUE / 2;
    }

    @Override
    public void documentChanged() {
        bar.setProgress(0);
        position.setText("");
        speed.setText("");
        eta.setText("");
        state.setText("no run yet for this design");
    }

    @Override
    public void onEvents(List<TrainingEvent> events) {
        TrainingEvent.BatchEnd lastBatch = null;
        boolean other = false;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Started s) {
                totalSteps = Math.max(1, s.totalSteps());
                epochs = s.config().epochs();
                state.setText("training");
                bar.setProgress((double) s.step() / totalSteps);
            } else if (e instanceof TrainingEvent.BatchEnd b) {
                lastBatch = b;
                continue;
            } else if (!changesState(e)) {
                continue; // health figures, warnings, checkpoints, epochs: nothing this line shows
            }
            other = true;
            if (e instanceof TrainingEvent.Paused p) {
                state.setText(switch (p.reason()) {
                    case USER -> "paused";
                    case NON_FINITE -> "paused: non-finite loss";
                    case OUT_OF_MEMORY -> "paused: out of device memory";
                });
            } else if (e instanceof TrainingEvent.Resumed) {
                state.setText("training");
            }
            if (e instanceof TrainingEvent.Stopped || e instanceof TrainingEvent.Finished) {
                end(e instanceof TrainingEvent.Stopped ? "stopped" : "finished", e.epoch(), e.step());
                lastBatch = null;
                pending = null;
            }
            if (e instanceof TrainingEvent.Failed) {
                state.setText("failed");
                if (bar.getProgress() < 0) {
                    bar.setProgress(0);
                }
            }
        }
        if (lastBatch != null) {
            pending = lastBatch;
        }
        // text changes cost a frame: at most SHOW_MILLIS apart, at once when the run's state changed
        long now = System.nanoTime();
        if (pending != null && (other || now - lastShown >= SHOW_MILLIS * 1_000_000L)) {
            TrainingEvent.BatchEnd b = pending;
            pending = null;
            lastShown = now;
            setBar(Math.min(1, (double) b.step() / totalSteps));
            setText(position, String.format(Locale.ROOT, "epoch %d/%d · step %,d/%,d", b.epoch() + 1, epochs,
                    b.step(), totalSteps));
            setText(speed, speedText(b.imagesPerSecond()));
            setText(eta, "ETA " + duration(b.etaSeconds()));
        }
    }

    /** Whether this line shows {@code e} at once: the run starts, pauses, resumes or ends. */
    private static boolean changesState(TrainingEvent e) {
        return e instanceof TrainingEvent.Started || e instanceof TrainingEvent.Paused
                || e instanceof TrainingEvent.Resumed || e.isTerminal();
    }

    /** Sets the bar unless it would move by less than {@link #BAR_STEP} (full and empty are always shown). */
    private void setBar(double fraction) {
        double was = bar.getProgress();
        if (was < 0 || Math.abs(fraction - was) >= BAR_STEP || (fraction == 1) != (was == 1) || fraction == 0) {
            bar.setProgress(fraction);
        }
    }

    /** Sets {@code label}'s text unless it is already that (an unchanged text still costs a layout). */
    private static void setText(Label label, String text) {
        if (!text.equals(label.getText())) {
            label.setText(text);
        }
    }

    /** {@code 8,250 images/s}: three significant digits, so the text does not change with every jitter. */
    static String speedText(double imagesPerSecond) {
        if (!Double.isFinite(imagesPerSecond) || imagesPerSecond <= 0) {
            return "– images/s";
        }
        double scale = Math.pow(10, Math.max(0, Math.floor(Math.log10(imagesPerSecond)) - 2));
        return String.format(Locale.ROOT, "%,.0f images/s", Math.round(imagesPerSecond / scale) * scale);
    }

    private void end(String what, int epoch, long step) {
        state.setText(what);
        eta.setText("");
        position.setText(String.format(Locale.ROOT, "epoch %d/%d · step %,d/%,d", Math.min(epoch + 1, epochs), epochs,
                step, totalSteps));
        bar.setProgress(Math.min(1, (double) step / totalSteps));
        lastShown = Long.MIN_VALUE / 2; // a next run shows its first step at once
    }

    /** {@code 0:42}, {@code 12:05}, {@code 1:02:03}; {@code –} when unknown. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** The state text (for tests). */
    public String stateText() {
        return state.getText();
    }

    /** The position text (for tests). */
    public String positionText() {
        return position.getText();
    }

    /** The speed text (for tests). */
    public String speedText() {
        return speed.getText();
    }

    /** The ETA text (for tests). */
    public String etaText() {
        return eta.getText();
    }

    /** The bar's fraction, negative while indeterminate (for tests). */
    public double barProgress() {
        return bar.getProgress();
    }
}
