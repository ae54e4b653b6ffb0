package io.netwright.train;

import io.netwright.train.ClassificationMetrics.ClassReport;
import java.util.List;
import java.util.Locale;

/** The text form of an {@link Evaluation}: summary line, scikit-learn-style class report, confusion matrix. */
final class EvaluationReport {

    private EvaluationReport() {
    }

    static String text(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %,d samples  loss %.4f  accuracy %.2f%%  top-%d %.2f%%%n",
                e.split(), e.samples(), e.loss(), 100 * e.accuracy(), e.topK(), 100 * e.topKAccuracy()));
        sb.append('\n');
        int w = Math.max(12, e.classes().stream().mapToInt(String::length).max().orElse(0));
        sb.append(String.format(Locale.ROOT, "%" + w + "s  %9s  %9s  %9s  %7s%n", "", "precision", "recall",
                "f1-score", "support"));
        for (ClassReport c : e.perClass()) {
            sb.append(row(c, w));
        }
        sb.append('\n').append(row(e.macro(), w)).append(row(e.weighted(), w)).append('\n');
        sb.append(confusion(e.confusion(), e.classes()));
        return sb.toString();
    }

    private static String row(ClassReport c, int w) {
        return String.format(Locale.ROOT, "%" + w + "s  %9.4f  %9.4f  %9.4f  %7d%n", c.name(), c.precision(),
                c.recall(), c.f1(), c.support());
    }

    /** Rows are true classes, columns predicted classes (numbered; the legend maps numbers to names). */
    static String confusion(int[][] m, List<String> classes) {
        int k = m.length;
        int cell = 5;
        for (int[] row : m) {
            for (int v : row) {
                cell = Math.max(cell, Integer.toString(v).length() + 1);
            }
        }
        StringBuilder sb = new StringBuilder("confusion matrix (rows: true class, columns: predicted)\n");
        sb.append(String.format(Locale.ROOT, "%5s", ""));
        for (int p = 0; p < k; p++) {
            sb.append(String.format(Locale.ROOT, "%" + cell + "d", p));
        }
        sb.append('\n');
        for (int t = 0; t < k; t++) {
            sb.append(String.format(Locale.ROOT, "%4d ", t));
            for (int p = 0; p < k; p++) {
                sb.append(String.format(Locale.ROOT, "%" + cell + "d", m[t][p]));
            }
            sb.append("  ").append(classes.get(t)).append('\n');
        }
        return sb.toString();
    }
}
