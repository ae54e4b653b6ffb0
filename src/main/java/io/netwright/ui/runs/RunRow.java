package io.netwright.ui.runs;

import io.netwright.train.Metric;
import io.netwright.train.RunNotes;
import io.netwright.train.RunSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the runs table: when, which run, what it trained with, how it ended.
 *
 * @param id            the run folder's name
 * @param dir           the run folder
 * @param started       when the run began
 * @param design        the design's name
 * @param optimizer     the optimizer with its options, e.g. {@code Adam(lr=0.001)}
 * @param batchSize     batch size
 * @param epochs        epochs reached / configured, e.g. {@code 3/10}
 * @param trainLoss     final training loss (NaN when not reached)
 * @param trainAccuracy final training accuracy
 * @param valLoss       final validation loss
 * @param valAccuracy   final validation accuracy
 * @param state         {@code running}, {@code paused}, {@code finished}, {@code stopped}, {@code failed},
 *                      {@code interrupted}, {@code unknown}
 * @param data          the dataset SPEC
 * @param device        the configured device
 * @param testAccuracy  the final evaluation's accuracy (test split, else validation; NaN when not reached)
 * @param seconds       from start to the last status update (NaN when unknown)
 * @param notes         the user's notes and tags
 */
public record RunRow(String id, Path dir, Instant started, String design, String optimizer, int batchSize,
        String epochs, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy, String state,
        String data, String device, double testAccuracy, double seconds, RunNotes notes) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Requires the names. */
    public RunRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(started, "started");
        data = Objects.requireNonNullElse(data, "");
        device = Objects.requireNonNullElse(device, "");
        notes = Objects.requireNonNullElse(notes, RunNotes.EMPTY);
    }

    /** The row of a run store's listing entry. */
    public static RunRow of(RunSummary s) {
        int done = s.state().equals("finished") ? s.epochs() : Math.min(s.epoch(), s.epochs());
        return new RunRow(s.id(), s.dir(), s.started(), s.design(), s.optimizer(), s.batchSize(),
                done + "/" + s.epochs(), s.metric(Metric.TRAIN_LOSS.key()), s.metric(Metric.TRAIN_ACCURACY.key()),
                s.metric(Metric.VAL_LOSS.key()), s.metric(Metric.VAL_ACCURACY.key()), s.state(), s.data(),
                s.device(), Double.isNaN(s.metric("test_accuracy")) ? s.metric("validation_accuracy")
                        : s.metric("test_accuracy"),
                s.updated().isBefore(s.started()) ? Double.NaN
                        : java.time.Duration.between(s.started(), s.updated()).toMillis() / 1000.0, s.notes());
    }

    /** The duration as {@code 1:02:03} or {@code 4:05} (minutes:seconds); a dash when unknown. */
    public String duration() {
        if (Double.isNaN(seconds)) {
            return "—";
        }
        long t = Math.round(seconds);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    /** The start as {@code 2026-11-22 09:14} (local time). */
    public String date() {
        return DATE.format(started);
    }

    /** The configuration in one phrase: {@code Adam(lr=0.001), batch 64, 10 epochs}. */
    public String configSummary() {
        return optimizer + ", batch " + batchSize + ", " + epochs.substring(epochs.indexOf('/') + 1) + " epochs";
    }

    /** Whether this run trained the design called {@code name} or the design it was copied from. */
    public boolean isOf(String name) {
        return name != null && baseName(design).equals(baseName(name));
    }

    /** A design name without the {@code (copy)} marks that New from a sample or a run adds. */
    static String baseName(String name) {
        String n = name.strip();
        while (n.endsWith("(copy)")) {
            n = n.substring(0, n.length() - "(copy)".length()).strip();
        }
        return n;
    }

    /** A figure for the table: 4 significant decimals, or a dash when absent. */
    static String figure(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4f", v);
    }
}
