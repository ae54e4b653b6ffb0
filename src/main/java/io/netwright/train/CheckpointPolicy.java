package io.netwright.train;

import java.util.Objects;

/**
 * When a run writes its checkpoints: {@code checkpoints/last} every {@code everySteps} steps and/or every
 * {@code everyEpochs} epochs, when stopped and when finished; {@code checkpoints/best} after an epoch that improves
 * {@code bestMetric}. Checkpoints are folders written atomically (the old one survives a crash mid-write).
 *
 * @param everySteps  write {@code last} every this many steps (0: not by steps)
 * @param everyEpochs write {@code last} every this many epochs (0: not by epochs)
 * @param keepLast    write {@code last} at all (a run without it cannot be resumed)
 * @param keepBest    write {@code best}
 * @param bestMetric  the metric that decides {@code best} (a validation metric falls back to its training twin
 *                    when the run has no validation set)
 */
public record CheckpointPolicy(int everySteps, int everyEpochs, boolean keepLast, boolean keepBest,
        Metric bestMetric) {

    /** Checks the intervals. */
    public CheckpointPolicy {
        if (everySteps < 0 || everyEpochs < 0) {
            throw new IllegalArgumentException("checkpoint: every_steps and every_epochs must be >= 0, got "
                    + everySteps + " and " + everyEpochs);
        }
        Objects.requireNonNull(bestMetric, "bestMetric");
    }

    /** {@code last} after every epoch, {@code best} by validation loss. */
    public static CheckpointPolicy defaults() {
        return new CheckpointPolicy(0, 1, true, true, Metric.VAL_LOSS);
    }

    /** This policy with another step interval. */
    public CheckpointPolicy withEverySteps(int steps) {
        return new CheckpointPolicy(steps, everyEpochs, keepLast, keepBest, bestMetric);
    }

    /** This policy with another best metric. */
    public CheckpointPolicy withBestMetric(Metric metric) {
        return new CheckpointPolicy(everySteps, everyEpochs, keepLast, keepBest, metric);
    }
}
