package io.netwright.train;

import io.netwright.train.ClassificationMetrics.ClassReport;
import io.netwright.train.ClassificationMetrics.PrCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The evaluation of a model on one split: loss, accuracy, top-k accuracy, the confusion matrix
 * ({@code confusion[true][predicted]}), per-class precision / recall / F1 / support with macro and weighted
 * averages, a precision–recall curve per class, the misclassified samples ranked by loss (worst first, with their
 * indices in the split so a UI can show them), and — for a run — each probe sample's prediction history across
 * epochs. Written as {@code evaluation.json} ({@link #toJson()}, {@link #fromJson(String)}); {@link #report()} is the
 * text the CLI prints.
 *
 * @param split         the split evaluated ({@code test}, {@code validation}, ...)
 * @param classes       class names, indexed by label
 * @param samples       samples evaluated
 * @param loss          mean loss
 * @param accuracy      top-1 accuracy
 * @param topK          the k of {@code topKAccuracy}
 * @param topKAccuracy  fraction of samples whose label is among the k most probable classes
 * @param confusion     {@code confusion[t][p]}: samples of class t predicted as p
 * @param perClass      one report per class
 * @param macro         unweighted average over classes
 * @param weighted      average weighted by support
 * @param prCurves      one precision–recall curve per class
 * @param misclassified the worst misclassified samples, by descending loss
 * @param probes        the probe samples' prediction histories (empty outside a run)
 */
public record Evaluation(String split, List<String> classes, int samples, double loss, double accuracy, int topK,
        double topKAccuracy, int[][] confusion, List<ClassReport> perClass, ClassReport macro, ClassReport weighted,
        List<PrCurve> prCurves, List<Misclassified> misclassified, List<ProbeHistory> probes) {

    /**
     * A misclassified sample.
     *
     * @param index      its index in the evaluated split
     * @param label      its true class
     * @param predicted  the predicted class
     * @param confidence the predicted class's probability
     * @param loss       the sample's loss
     */
    public record Misclassified(int index, int label, int predicted, double confidence, double loss) {
    }

    /**
     * One probe's prediction after one epoch.
     *
     * @param epoch           the epoch (0-based)
     * @param step            steps completed
     * @param predicted       the predicted class
     * @param confidence      its probability
     * @param trueProbability the true class's probability
     */
    public record ProbePoint(int epoch, long step, int predicted, double confidence, double trueProbability) {
    }

    /**
     * A probe sample's predictions across the run.
     *
     * @param index  its index in the probed split
     * @param label  its true class
     * @param points one point per epoch (and per on-demand request), in order
     */
    public record ProbeHistory(int index, int label, List<ProbePoint> points) {
        /** Copies the list. */
        public ProbeHistory {
            points = List.copyOf(points);
        }
    }

    /** Copies the lists and the matrix. */
    public Evaluation {
        Objects.requireNonNull(split, "split");
        classes = List.copyOf(classes);
        confusion = Arrays.stream(confusion).map(int[]::clone).toArray(int[][]::new);
        perClass = List.copyOf(perClass);
        prCurves = List.copyOf(prCurves);
        misclassified = List.copyOf(misclassified);
        probes = List.copyOf(probes);
    }

    /**
     * Computes every figure from per-sample predictions.
     *
     * @param probabilities    {@code [n][classes]} predicted probabilities
     * @param labels           true classes
     * @param losses           per-sample losses
     * @param topK             the k of top-k accuracy
     * @param maxMisclassified how many misclassified samples to keep
     * @param probes           probe histories to include (may be empty)
     */
    public static Evaluation compute(String split, List<String> classes, float[][] probabilities, int[] labels,
            float[] losses, int topK, int maxMisclassified, List<ProbeHistory> probes) {
        int n = labels.length;
        int k = classes.size();
        if (probabilities.length != n || losses.length != n) {
            throw new IllegalArgumentException("evaluation: " + n + " labels, " + probabilities.length
                    + " probability rows and " + losses.length + " losses must match");
        }
        int[] predicted = new int[n];
        double lossSum = 0;
        int inTop = 0;
        List<Misclassified> wrong = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] p = probabilities[i];
            predicted[i] = ClassificationMetrics.argmax(p);
            lossSum += losses[i];
            if (ClassificationMetrics.inTopK(p, labels[i], topK)) {
                inTop++;
            }
            if (predicted[i] != labels[i]) {
                wrong.add(new Misclassified(i, labels[i], predicted[i], p[predicted[i]], losses[i]));
            }
        }
        wrong.sort(Comparator.comparingDouble(Misclassified::loss).reversed()
                .thenComparingInt(Misclassified::index));
        int[][] confusion = ClassificationMetrics.confusionMatrix(labels, predicted, k);
        ClassReport[] per = ClassificationMetrics.perClass(confusion, classes);
        List<PrCurve> curves = new ArrayList<>(k);
        float[] scores = new float[n];
        boolean[] positive = new boolean[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                scores[i] = probabilities[i][c];
                positive[i] = labels[i] == c;
            }
            curves.add(ClassificationMetrics.prCurve(scores, positive));
        }
        return new Evaluation(split, classes, n, n == 0 ? Double.NaN : lossSum / n,
                ClassificationMetrics.accuracy(confusion), topK, n == 0 ? Double.NaN : (double) inTop / n,
                confusion, List.of(per), ClassificationMetrics.macroAverage(confusion, per),
                ClassificationMetrics.weightedAverage(per), curves,
                wrong.subList(0, Math.min(maxMisclassified, wrong.size())), probes);
    }

    /** This evaluation with other probe histories. */
    public Evaluation withProbes(List<ProbeHistory> newProbes) {
        return new Evaluation(split, classes, samples, loss, accuracy, topK, topKAccuracy, confusion, perClass, macro,
                weighted, prCurves, misclassified, newProbes);
    }

    /** As pretty JSON (the run folder's {@code evaluation.json}); long PR curves are thinned to 256 points. */
    public String toJson() {
        return EvaluationJson.write(this);
    }

    /** Reads {@link #toJson()}'s output. */
    public static Evaluation fromJson(String json) {
        return EvaluationJson.read(json);
    }

    /** The summary, the per-class table and the confusion matrix as text, as the CLI prints them. */
    public String report() {
        return EvaluationReport.text(this);
    }
}
