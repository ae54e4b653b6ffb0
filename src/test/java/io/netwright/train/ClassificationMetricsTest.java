package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.train.ClassificationMetrics.ClassReport;
import io.netwright.train.ClassificationMetrics.PrCurve;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    private static final double EPS = 1e-12;

    // ---------------------------------------------------------------- hand-computed

    /**
     * Labels  [0, 0, 0, 1, 1, 2], predictions [0, 1, 0, 1, 2, 2]:
     * class 0: TP 2, FP 0, FN 1 → P 1, R 2/3, F1 0.8; class 1: TP 1, FP 1, FN 1 → P 1/2, R 1/2, F1 1/2;
     * class 2: TP 1, FP 1, FN 0 → P 1/2, R 1, F1 2/3. Accuracy 4/6.
     */
    @Test
    void perClassFiguresMatchHandComputedValues() {
        int[][] cm = ClassificationMetrics.confusionMatrix(new int[]{0, 0, 0, 1, 1, 2}, new int[]{0, 1, 0, 1, 2, 2},
                3);
        assertArrayEquals(new int[]{2, 1, 0}, cm[0]);
        assertArrayEquals(new int[]{0, 1, 1}, cm[1]);
        assertArrayEquals(new int[]{0, 0, 1}, cm[2]);
        assertEquals(4.0 / 6, ClassificationMetrics.accuracy(cm), EPS);
        ClassReport[] r = ClassificationMetrics.perClass(cm, List.of("a", "b", "c"));
        assertEquals(1.0, r[0].precision(), EPS);
        assertEquals(2.0 / 3, r[0].recall(), EPS);
        assertEquals(0.8, r[0].f1(), EPS);
        assertEquals(3, r[0].support());
        assertEquals(0.5, r[1].precision(), EPS);
        assertEquals(0.5, r[1].recall(), EPS);
        assertEquals(0.5, r[1].f1(), EPS);
        assertEquals(0.5, r[2].precision(), EPS);
        assertEquals(1.0, r[2].recall(), EPS);
        assertEquals(2.0 / 3, r[2].f1(), EPS);
        ClassReport macro = ClassificationMetrics.macroAverage(cm, r);
        assertEquals((1 + 0.5 + 0.5) / 3, macro.precision(), EPS);
        assertEquals((2.0 / 3 + 0.5 + 1) / 3, macro.recall(), EPS);
        ClassReport weighted = ClassificationMetrics.weightedAverage(r);
        assertEquals((3 * 1 + 2 * 0.5 + 1 * 0.5) / 6, weighted.precision(), EPS);
        assertEquals(6, weighted.support());
    }

    /**
     * Scores [0.9, 0.8, 0.8, 0.3], positives [T, F, T, F]: thresholds ascending 0.3, 0.8, 0.9;
     * at 0.9: P 1, R 1/2; at 0.8 (two samples tie): P 2/3, R 1; at 0.3: P 1/2, R 1; then (1, 0).
     * AP = (1 - 1)·1/2 + (1 - 1/2)·2/3 + (1/2 - 0)·1 = 1/3 + 1/2.
     */
    @Test
    void prCurveMatchesHandComputedPoints() {
        PrCurve c = ClassificationMetrics.prCurve(new float[]{0.9f, 0.8f, 0.8f, 0.3f},
                new boolean[]{true, false, true, false});
        assertArrayEquals(new double[]{0.3f, 0.8f, 0.9f}, c.thresholds(), 0);
        assertArrayEquals(new double[]{0.5, 2.0 / 3, 1, 1}, c.precision(), EPS);
        assertArrayEquals(new double[]{1, 1, 0.5, 0}, c.recall(), EPS);
        assertEquals(1.0 / 3 + 0.5, c.averagePrecision(), EPS);
    }

    @Test
    void topKCountsTiesForTheLowerIndex() {
        float[] s = {0.2f, 0.5f, 0.5f, 0.1f};
        assertTrue(ClassificationMetrics.inTopK(s, 1, 1));
        assertFalse(ClassificationMetrics.inTopK(s, 2, 1));
        assertTrue(ClassificationMetrics.inTopK(s, 2, 2));
        assertFalse(ClassificationMetrics.inTopK(s, 0, 2));
        assertArrayEquals(new int[]{1, 2, 0}, ClassificationMetrics.topK(s, 3));
        assertEquals(1, ClassificationMetrics.argmax(s));
    }

    // ---------------------------------------------------------------- against references

    /** Golden numbers from scripts/golden/train_metrics.py (scikit-learn's formulas in NumPy). */
    @Test
    void matchesScikitLearnFormulasComputedWithNumpy() throws IOException {
        JsonObject g;
        try (InputStream in = getClass().getResourceAsStream("/golden/train_metrics.json")) {
            g = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        int k = g.get("num_classes").getAsInt();
        int[] labels = ints(g.getAsJsonArray("labels"));
        JsonArray sc = g.getAsJsonArray("scores");
        float[][] scores = new float[labels.length][];
        for (int i = 0; i < scores.length; i++) {
            double[] row = doubles(sc.get(i).getAsJsonArray());
            scores[i] = new float[k];
            for (int j = 0; j < k; j++) {
                scores[i][j] = (float) row[j];
            }
        }
        int[] predicted = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            predicted[i] = ClassificationMetrics.argmax(scores[i]);
        }
        assertArrayEquals(ints(g.getAsJsonArray("predicted")), predicted);
        int[][] cm = ClassificationMetrics.confusionMatrix(labels, predicted, k);
        JsonArray gcm = g.getAsJsonArray("confusion");
        for (int t = 0; t < k; t++) {
            assertArrayEquals(ints(gcm.get(t).getAsJsonArray()), cm[t], "confusion row " + t);
        }
        List<String> names = List.of("a", "b", "c", "d", "e");
        ClassReport[] r = ClassificationMetrics.perClass(cm, names);
        double[] p = doubles(g.getAsJsonArray("precision"));
        double[] rc = doubles(g.getAsJsonArray("recall"));
        double[] f1 = doubles(g.getAsJsonArray("f1"));
        int[] support = ints(g.getAsJsonArray("support"));
        for (int c = 0; c < k; c++) {
            assertEquals(p[c], r[c].precision(), EPS, "precision of class " + c);
            assertEquals(rc[c], r[c].recall(), EPS, "recall of class " + c);
            assertEquals(f1[c], r[c].f1(), EPS, "f1 of class " + c);
            assertEquals(support[c], r[c].support(), "support of class " + c);
        }
        double[] macro = doubles(g.getAsJsonArray("macro"));
        ClassReport m = ClassificationMetrics.macroAverage(cm, r);
        assertArrayEquals(macro, new double[]{m.precision(), m.recall(), m.f1()}, EPS, "macro avg (class 4 absent)");
        double[] weighted = doubles(g.getAsJsonArray("weighted"));
        ClassReport w = ClassificationMetrics.weightedAverage(r);
        assertArrayEquals(weighted, new double[]{w.precision(), w.recall(), w.f1()}, EPS, "weighted avg");
        assertEquals(g.get("accuracy").getAsDouble(), ClassificationMetrics.accuracy(cm), EPS);
        int topK = g.get("top_k").getAsInt();
        int inTop = 0;
        for (int i = 0; i < labels.length; i++) {
            inTop += ClassificationMetrics.inTopK(scores[i], labels[i], topK) ? 1 : 0;
        }
        assertEquals(g.get("top_k_accuracy").getAsDouble(), (double) inTop / labels.length, EPS);
        JsonArray curves = g.getAsJsonArray("curves");
        for (int c = 0; c < k; c++) {
            JsonObject gc = curves.get(c).getAsJsonObject();
            float[] s = new float[labels.length];
            boolean[] pos = new boolean[labels.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = scores[i][c];
                pos[i] = labels[i] == c;
            }
            PrCurve pc = ClassificationMetrics.prCurve(s, pos);
            assertArrayEquals(doubles(gc.getAsJsonArray("thresholds")), pc.thresholds(), EPS, "thresholds " + c);
            assertArrayEquals(doubles(gc.getAsJsonArray("precision")), pc.precision(), EPS, "precision " + c);
            assertArrayEquals(doubles(gc.getAsJsonArray("recall")), pc.recall(), EPS, "recall " + c);
            assertEquals(gc.get("ap").getAsDouble(), pc.averagePrecision(), EPS, "average precision " + c);
        }
    }

    /** Precision, recall and PR points against a direct, threshold-by-threshold implementation on random data. */
    @Test
    void matchesAStraightforwardReferenceOnRandomData() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rnd.nextInt(80);
            int k = 2 + rnd.nextInt(5);
            int[] labels = new int[n];
            int[] pred = new int[n];
            float[] score = new float[n];
            boolean[] pos = new boolean[n];
            for (int i = 0; i < n; i++) {
                labels[i] = rnd.nextInt(k);
                pred[i] = rnd.nextBoolean() ? labels[i] : rnd.nextInt(k);
                score[i] = rnd.nextInt(10) / 10f;
                pos[i] = labels[i] == 0;
            }
            ClassReport[] r = ClassificationMetrics.perClass(ClassificationMetrics.confusionMatrix(labels, pred, k),
                    names(k));
            for (int c = 0; c < k; c++) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (int i = 0; i < n; i++) {
                    tp += labels[i] == c && pred[i] == c ? 1 : 0;
                    fp += labels[i] != c && pred[i] == c ? 1 : 0;
                    fn += labels[i] == c && pred[i] != c ? 1 : 0;
                }
                double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
                double rec = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
                double f = p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
                assertEquals(p, r[c].precision(), EPS);
                assertEquals(rec, r[c].recall(), EPS);
                assertEquals(f, r[c].f1(), EPS);
                assertEquals(tp + fn, r[c].support());
            }
            PrCurve pc = ClassificationMetrics.prCurve(score, pos);
            TreeSet<Float> distinct = new TreeSet<>();
            for (float s : score) {
                distinct.add(s);
            }
            List<Float> thr = new ArrayList<>(distinct);
            int positives = 0;
            for (boolean b : pos) {
                positives += b ? 1 : 0;
            }
            assertEquals(thr.size(), pc.thresholds().length);
            double ap = 0;
            for (int j = 0; j < thr.size(); j++) {
                float t = thr.get(j);
                int tp = 0;
                int predicted = 0;
                for (int i = 0; i < n; i++) {
                    if (score[i] >= t) {
                        predicted++;
                        tp += pos[i] ? 1 : 0;
                    }
                }
                double p = (double) tp / predicted;
                double rec = positives == 0 ? 1 : (double) tp / positives;
                assertEquals(t, pc.thresholds()[j], 0);
                assertEquals(p, pc.precision()[j], EPS);
                assertEquals(rec, pc.recall()[j], EPS);
                double nextRecall = j + 1 < thr.size() ? pc.recall()[j + 1] : 0;
                ap += (rec - nextRecall) * p;
            }
            assertEquals(ap, pc.averagePrecision(), 1e-12);
        }
    }

    private static List<String> names(int k) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add("c" + i);
        }
        return out;
    }

    private static int[] ints(JsonArray a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsInt();
        }
        return out;
    }

    private static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }
}
