package io.netwright.train;

import java.util.Arrays;

/**
 * The classification figures of an evaluation as plain functions of predictions, with scikit-learn's definitions:
 * confusion matrix ({@code [true][predicted]}), per-class precision / recall / F1 / support with
 * {@code zero_division=0}, macro and support-weighted averages, top-k accuracy, and precision–recall curves with
 * average precision ({@code precision_recall_curve}, {@code average_precision_score}). Ties in scores go to the lower
 * class index, as {@code argmax} does.
 */
public final class ClassificationMetrics {

    /**
     * Precision, recall, F1 and support of one class (or an average).
     *
     * @param name      the class name ({@code macro avg}, {@code weighted avg} for averages)
     * @param precision TP / (TP + FP), 0 when nothing was predicted as the class
     * @param recall    TP / (TP + FN), 0 when the class has no samples
     * @param f1        2PR / (P + R), 0 when both are 0
     * @param support   samples of the class (for averages: all samples)
     */
    public record ClassReport(String name, double precision, double recall, double f1, int support) {
    }

    /**
     * A precision–recall curve in scikit-learn's layout: thresholds ascending; {@code precision} and
     * {@code recall} have one more entry, the final point being precision 1, recall 0.
     *
     * @param thresholds       the distinct scores, ascending
     * @param precision        precision when predicting positive for scores >= each threshold, then 1
     * @param recall           recall at each threshold, then 0
     * @param averagePrecision {@code sum((R[n] - R[n+1]) * P[n])}, scikit-learn's average precision
     */
    public record PrCurve(double[] thresholds, double[] precision, double[] recall, double averagePrecision) {
    }

    private ClassificationMetrics() {
    }

    /** The index of the largest score, the lowest index on ties. */
    public static int argmax(float[] scores) {
        int best = 0;
        for (int j = 1; j < scores.length; j++) {
            if (scores[j] > scores[best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Whether {@code label} is among the {@code k} highest scores: fewer than {@code k} classes score higher, or
     * equal with a lower index.
     */
    public static boolean inTopK(float[] scores, int label, int k) {
        float s = scores[label];
        int ahead = 0;
        for (int j = 0; j < scores.length; j++) {
            if (scores[j] > s || (scores[j] == s && j < label)) {
                ahead++;
            }
        }
        return ahead < k;
    }

    /** The {@code k} classes with the highest scores, best first (lower index first on ties). */
    public static int[] topK(float[] scores, int k) {
        Integer[] idx = new Integer[scores.length];
        for (int j = 0; j < idx.length; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a])
                : Integer.compare(a, b));
        int n = Math.min(k, scores.length);
        int[] out = new int[n];
        for (int j = 0; j < n; j++) {
            out[j] = idx[j];
        }
        return out;
    }

    /** {@code m[t][p]}: samples of true class {@code t} predicted as {@code p}. */
    public static int[][] confusionMatrix(int[] labels, int[] predicted, int numClasses) {
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("confusionMatrix: " + labels.length + " labels but "
                    + predicted.length + " predictions");
        }
        int[][] m = new int[numClasses][numClasses];
        for (int i = 0; i < labels.length; i++) {
            m[labels[i]][predicted[i]]++;
        }
        return m;
    }

    /** Correct predictions over all predictions (NaN for an empty matrix). */
    public static double accuracy(int[][] confusion) {
        long correct = 0;
        long total = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion.length; p++) {
                total += confusion[t][p];
                if (t == p) {
                    correct += confusion[t][p];
                }
            }
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** Precision, recall, F1 and support of every class, from the confusion matrix. */
    public static ClassReport[] perClass(int[][] confusion, java.util.List<String> names) {
        int k = confusion.length;
        ClassReport[] out = new ClassReport[k];
        for (int c = 0; c < k; c++) {
            long tp = confusion[c][c];
            long support = 0;
            long predicted = 0;
            for (int j = 0; j < k; j++) {
                support += confusion[c][j];
                predicted += confusion[j][c];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out[c] = new ClassReport(names.get(c), precision, recall, f1, (int) support);
        }
        return out;
    }

    /**
     * The unweighted mean over the classes that occur in the labels or the predictions (scikit-learn's
     * {@code macro avg} with {@code labels=None}).
     */
    public static ClassReport macroAverage(int[][] confusion, ClassReport[] perClass) {
        double p = 0;
        double r = 0;
        double f = 0;
        int n = 0;
        int total = 0;
        for (int c = 0; c < perClass.length; c++) {
            total += perClass[c].support();
            if (perClass[c].support() > 0 || predictedCount(confusion, c) > 0) {
                p += perClass[c].precision();
                r += perClass[c].recall();
                f += perClass[c].f1();
                n++;
            }
        }
        return n == 0 ? new ClassReport("macro avg", 0, 0, 0, 0)
                : new ClassReport("macro avg", p / n, r / n, f / n, total);
    }

    /** The mean weighted by support ({@code weighted avg}). */
    public static ClassReport weightedAverage(ClassReport[] perClass) {
        double p = 0;
        double r = 0;
        double f = 0;
        int total = 0;
        for (ClassReport c : perClass) {
            p += c.precision() * c.support();
            r += c.recall() * c.support();
            f += c.f1() * c.support();
            total += c.support();
        }
        return total == 0 ? new ClassReport("weighted avg", 0, 0, 0, 0)
                : new ClassReport("weighted avg", p / total, r / total, f / total, total);
    }

    private static long predictedCount(int[][] confusion, int c) {
        long n = 0;
        for (int[] row : confusion) {
            n += row[c];
        }
        return n;
    }

    /**
     * The precision–recall curve of one class: {@code scores} are the predicted probabilities of that class,
     * {@code positive} whether each sample belongs to it.
     */
    public static PrCurve prCurve(float[] scores, boolean[] positive) {
        int n = scores.length;
        if (positive.length != n) {
            throw new IllegalArgumentException("prCurve: " + n + " scores but " + positive.length + " labels");
        }
        // samples by descending score (stable, as scikit-learn's reversed mergesort keeps ties in reverse order;
        // ties are merged into one threshold below, so their order does not matter)
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        // cumulative true and false positives at the last index of each distinct score
        int distinct = 0;
        long[] tps = new long[n];
        long[] fps = new long[n];
        double[] thr = new double[n];
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < n; i++) {
            int s = order[i];
            if (positive[s]) {
                tp++;
            } else {
                fp++;
            }
            boolean last = i == n - 1 || scores[order[i + 1]] != scores[s];
            if (last) {
                tps[distinct] = tp;
                fps[distinct] = fp;
                thr[distinct] = scores[s];
                distinct++;
            }
        }
        double[] thresholds = new double[distinct];
        double[] precision = new double[distinct + 1];
        double[] recall = new double[distinct + 1];
        long totalPositive = distinct == 0 ? 0 : tps[distinct - 1];
        for (int j = 0; j < distinct; j++) {
            int r = distinct - 1 - j; // reversed: ascending thresholds
            thresholds[j] = thr[r];
            long predicted = tps[r] + fps[r];
            precision[j] = predicted == 0 ? 0 : (double) tps[r] / predicted;
            recall[j] = totalPositive == 0 ? 1 : (double) tps[r] / totalPositive;
        }
        precision[distinct] = 1;
        recall[distinct] = 0;
        double ap = 0;
        for (int j = 0; j < distinct; j++) {
            ap += (recall[j] - recall[j + 1]) * precision[j];
        }
        return new PrCurve(thresholds, precision, recall, ap);
    }
}
