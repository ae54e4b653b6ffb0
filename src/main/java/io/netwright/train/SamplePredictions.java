package io.netwright.train;

import java.util.Arrays;

/**
 * Per-sample results of an evaluation, in the order of the evaluated split: what the {@link Evaluation} summarises
 * and keeps only partly (its {@code misclassified} list holds the worst few). A UI uses it to list the samples of
 * one confusion-matrix cell.
 *
 * <pre>{@code
 * int[] shirtsAsTops = evaluated.predictions().indicesOf(6, 0);   // split indices, by descending confidence
 * }</pre>
 *
 * @param labels     true classes
 * @param predicted  predicted classes (the most probable)
 * @param confidence the predicted class's probability
 * @param losses     per-sample losses
 */
public record SamplePredictions(int[] labels, int[] predicted, float[] confidence, float[] losses) {

    /** Checks the lengths agree; copies the arrays. */
    public SamplePredictions {
        int n = labels.length;
        if (predicted.length != n || confidence.length != n || losses.length != n) {
            throw new IllegalArgumentException("sample predictions: " + n + " labels, " + predicted.length
                    + " predictions, " + confidence.length + " confidences and " + losses.length
                    + " losses must match");
        }
        labels = labels.clone();
        predicted = predicted.clone();
        confidence = confidence.clone();
        losses = losses.clone();
    }

    /** From per-sample probabilities ({@code [n][classes]}), labels and losses, as the evaluator collects them. */
    public static SamplePredictions of(float[][] probabilities, int[] labels, float[] losses) {
        int n = labels.length;
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            predicted[i] = ClassificationMetrics.argmax(probabilities[i]);
            confidence[i] = probabilities[i][predicted[i]];
        }
        return new SamplePredictions(labels, predicted, confidence, losses);
    }

    /** Samples evaluated. */
    public int size() {
        return labels.length;
    }

    /**
     * The split indices of the samples of class {@code label} predicted as {@code predictedClass} — the samples of
     * confusion cell {@code [label][predictedClass]} — most confident first.
     */
    public int[] indicesOf(int label, int predictedClass) {
        return java.util.stream.IntStream.range(0, labels.length)
                .filter(i -> labels[i] == label && predicted[i] == predictedClass)
                .boxed()
                .sorted((a, b) -> Float.compare(confidence[b], confidence[a]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** The confusion matrix these predictions give, {@code [true][predicted]} over {@code classes} classes. */
    public int[][] confusion(int classes) {
        return ClassificationMetrics.confusionMatrix(labels, predicted, classes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamplePredictions s && Arrays.equals(labels, s.labels)
                && Arrays.equals(predicted, s.predicted) && Arrays.equals(confidence, s.confidence)
                && Arrays.equals(losses, s.losses);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels) * 31 + Arrays.hashCode(predicted);
    }

    @Override
    public String toString() {
        return "SamplePredictions[" + labels.length + " samples]";
    }
}
