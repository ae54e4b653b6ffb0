package io.netwright.train;

import java.util.Objects;

/**
 * Ends a run when {@code metric} has not improved by more than {@code minDelta} for {@code patience} epochs in a
 * row. The run then finishes normally (evaluation, final checkpoint) with reason {@code early_stopping}.
 *
 * @param metric   the metric watched
 * @param patience epochs without improvement tolerated (0: early stopping off)
 * @param minDelta the smallest change that counts as an improvement
 */
public record EarlyStopping(Metric metric, int patience, double minDelta) {

    /** Checks the values. */
    public EarlyStopping {
        Objects.requireNonNull(metric, "metric");
        if (patience < 0) {
            throw new IllegalArgumentException("early_stopping: patience must be >= 0 (0 = off), got " + patience);
        }
        if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("early_stopping: min_delta must be a finite number >= 0, got "
                    + minDelta);
        }
    }

    /** Switched off. */
    public static EarlyStopping off() {
        return new EarlyStopping(Metric.VAL_LOSS, 0, 0);
    }

    /** Stop after {@code patience} epochs without improvement of {@code metric}. */
    public static EarlyStopping on(Metric metric, int patience) {
        return new EarlyStopping(metric, patience, 0);
    }

    /** Whether early stopping is on. */
    public boolean enabled() {
        return patience > 0;
    }
}
