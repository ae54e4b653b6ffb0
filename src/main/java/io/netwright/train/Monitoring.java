package io.netwright.train;

/**
 * What a run reports besides the per-step batch events.
 *
 * @param logEverySteps    write a {@code metrics.csv} row and an {@code events.jsonl} line every this many steps
 *                         (the last step of an epoch is always logged)
 * @param healthEverySteps publish per-layer health every this many steps (0: never); the figures cost a few
 *                         reductions per layer, so they are not computed on other steps
 * @param probeSamples     size of the fixed probe set of validation samples shown with predictions each epoch
 * @param topK             the k of top-k accuracy and of the probes' predictions
 * @param misclassified    how many misclassified samples the evaluation keeps, worst first
 */
public record Monitoring(int logEverySteps, int healthEverySteps, int probeSamples, int topK, int misclassified) {

    /** Checks the values. */
    public Monitoring {
        if (logEverySteps < 1) {
            throw new IllegalArgumentException("monitoring: log_every_steps must be >= 1, got " + logEverySteps);
        }
        if (healthEverySteps < 0 || probeSamples < 0 || misclassified < 0) {
            throw new IllegalArgumentException("monitoring: health_every_steps, probe_samples and misclassified "
                    + "must be >= 0");
        }
        if (topK < 1) {
            throw new IllegalArgumentException("monitoring: top_k must be >= 1, got " + topK);
        }
    }

    /** Log every 10 steps, health every 50, 16 probes, top-5, 100 misclassified. */
    public static Monitoring defaults() {
        return new Monitoring(10, 50, 16, 5, 100);
    }

    /** These settings with another log interval. */
    public Monitoring withLogEverySteps(int n) {
        return new Monitoring(n, healthEverySteps, probeSamples, topK, misclassified);
    }

    /** These settings with another health interval. */
    public Monitoring withHealthEverySteps(int n) {
        return new Monitoring(logEverySteps, n, probeSamples, topK, misclassified);
    }

    /** These settings with another probe count. */
    public Monitoring withProbeSamples(int n) {
        return new Monitoring(logEverySteps, healthEverySteps, n, topK, misclassified);
    }
}
