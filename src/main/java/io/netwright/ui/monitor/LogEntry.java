package io.netwright.ui.monitor;

import io.netwright.train.TrainingEvent;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One line of the training log.
 *
 * @param time  when the studio received the event
 * @param epoch the epoch in progress (0-based, shown 1-based)
 * @param step  optimizer steps completed
 * @param level how serious
 * @param code  the event type or warning code ({@code warning:loss_spike}, {@code paused}, ...)
 * @param text  a sentence for people
 */
public record LogEntry(LocalTime time, int epoch, long step, Level level, String code, String text) {

    /** How serious an entry is; warnings and errors also pop up as notifications. */
    public enum Level {
        /** Progress and controls: started, epoch figures, checkpoints, pause/resume, LR changes, the end. */
        INFO,
        /** A trainer warning. */
        WARNING,
        /** The run failed or paused on a non-finite step. */
        ERROR
    }

    /** Requires the fields. */
    public LogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    /** {@code 10:14:03  epoch 2  step 118}. */
    public String where() {
        return String.format(Locale.ROOT, "%s  epoch %d  step %d", time.withNano(0), epoch + 1, step);
    }

    /** The entry for {@code e}, or empty for events the log does not show (batches, samples, health). */
    public static Optional<LogEntry> of(TrainingEvent e, LocalTime time) {
        Level level = Level.INFO;
        String code = e.type();
        String text;
        if (e instanceof TrainingEvent.Started s) {
            text = String.format(Locale.ROOT, "%s%s on %s: %,d parameters (%,d trainable), %,d training samples, "
                    + "%d steps per epoch", s.resumed() ? "Resumed run" : "Run started", s.runId().isEmpty() ? ""
                    : " " + s.runId(), s.device(), s.parameters(), s.trainableParameters(), s.trainSize(),
                    s.batchesPerEpoch());
        } else if (e instanceof TrainingEvent.EpochEnd x) {
            text = String.format(Locale.ROOT, "Epoch %d: train loss %.4f, accuracy %.2f%%%s (%.1f s)", x.epoch() + 1,
                    x.trainLoss(), 100 * x.trainAccuracy(), Double.isNaN(x.valLoss()) ? ""
                            : String.format(Locale.ROOT, "; validation loss %.4f, accuracy %.2f%%", x.valLoss(),
                                    100 * x.valAccuracy()), x.seconds());
        } else if (e instanceof TrainingEvent.Paused p) {
            if (p.nonFinite() != null) {
                level = Level.ERROR;
                code = "paused:non_finite";
                text = "Paused: " + p.nonFinite().describe(p.step());
            } else {
                text = "Paused";
            }
        } else if (e instanceof TrainingEvent.Resumed) {
            text = "Resumed";
        } else if (e instanceof TrainingEvent.LrChanged l) {
            text = String.format(Locale.ROOT, "Learning rate changed from %.4g to %.4g", l.oldLr(), l.newLr());
        } else if (e instanceof TrainingEvent.CheckpointSaved c) {
            text = "Checkpoint '" + c.kind() + "' saved" + (c.metric() == null ? ""
                    : String.format(Locale.ROOT, " (%s %.4f)", c.metric().key(), c.value())) + " to " + c.path();
        } else if (e instanceof TrainingEvent.Warning w) {
            level = Level.WARNING;
            code = "warning:" + w.code();
            text = w.message();
        } else if (e instanceof TrainingEvent.Evaluated v) {
            text = String.format(Locale.ROOT, "Evaluated on %s: accuracy %.2f%%, loss %.4f over %,d samples",
                    v.evaluation().split(), 100 * v.evaluation().accuracy(), v.evaluation().loss(),
                    v.evaluation().samples());
        } else if (e instanceof TrainingEvent.Stopped s) {
            text = "Stopped" + (s.checkpoint() == null ? "" : "; checkpoint saved to " + s.checkpoint());
        } else if (e instanceof TrainingEvent.Failed f) {
            level = Level.ERROR;
            text = "Failed: " + f.message();
        } else if (e instanceof TrainingEvent.Finished f) {
            text = String.format(Locale.ROOT, "Finished (%s) in %.1f s%s", f.reason().replace('_', ' '), f.seconds(),
                    figures(f.metrics()));
        } else {
            return Optional.empty(); // batches, samples and health figures have their own views
        }
        return Optional.of(new LogEntry(time, e.epoch(), e.step(), level, code, text));
    }

    private static String figures(Map<String, Double> metrics) {
        if (metrics.isEmpty()) {
            return "";
        }
        return ": " + metrics.entrySet().stream().filter(m -> !Double.isNaN(m.getValue()))
                .map(m -> String.format(Locale.ROOT, "%s %.4f", m.getKey(), m.getValue()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return where() + "  " + level + "  " + text;
    }
}
