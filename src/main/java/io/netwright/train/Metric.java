package io.netwright.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The per-epoch figures a run can track for the best checkpoint, early stopping and the plateau schedule, with
 * their names in configs and {@code metrics.csv} and whether higher is better.
 */
public enum Metric {
    /** Mean training loss of the epoch. */
    TRAIN_LOSS("train_loss", false),
    /** Training accuracy of the epoch (running, while the weights changed). */
    TRAIN_ACCURACY("train_accuracy", true),
    /** Validation loss after the epoch. */
    VAL_LOSS("val_loss", false),
    /** Validation accuracy after the epoch. */
    VAL_ACCURACY("val_accuracy", true),
    /** Validation top-k accuracy (k from {@link Monitoring#topK()}) after the epoch. */
    VAL_TOPK("val_topk", true);

    private final String key;
    private final boolean higherIsBetter;

    Metric(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name in configs and files, e.g. {@code val_loss}. */
    public String key() {
        return key;
    }

    /** Whether a larger value is an improvement (accuracies) rather than a smaller one (losses). */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether the metric needs a validation set. */
    public boolean needsValidation() {
        return this == VAL_LOSS || this == VAL_ACCURACY || this == VAL_TOPK;
    }

    /** Whether {@code value} improves on {@code best} by more than {@code minDelta} (NaN best: any finite value). */
    public boolean improves(double value, double best, double minDelta) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return higherIsBetter ? value > best + minDelta : value < best - minDelta;
    }

    /** The metric named {@code key}, if any. */
    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** The metric named {@code key}; throws listing the known names. */
    public static Metric parse(String key) {
        return byKey(key == null ? "" : key.trim().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalArgumentException("unknown metric '" + key + "'; known: " + keys()));
    }

    /** All names, comma separated, for messages. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Metric::key).toList());
    }
}
