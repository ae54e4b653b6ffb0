package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.train.Evaluation.ProbeHistory;
import io.netwright.train.Evaluation.ProbePoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    /** Four samples, three classes; the numbers below are worked out by hand. */
    private static Evaluation example() {
        float[][] probs = {
            {0.7f, 0.2f, 0.1f},   // label 0, predicted 0
            {0.1f, 0.3f, 0.6f},   // label 1, predicted 2 (true class second: in top-2)
            {0.5f, 0.4f, 0.1f},   // label 2, predicted 0 (true class last: not in top-2)
            {0.2f, 0.7f, 0.1f},   // label 1, predicted 1
        };
        int[] labels = {0, 1, 2, 1};
        float[] losses = {0.36f, 1.2f, 2.3f, 0.36f};
        var probes = List.of(new ProbeHistory(3, 1, List.of(new ProbePoint(0, 10, 2, 0.5, 0.3),
                new ProbePoint(1, 20, 1, 0.7, 0.7))));
        return Evaluation.compute("test", List.of("a", "b", "c"), probs, labels, losses, 2, 10, probes);
    }

    @Test
    void summaryFiguresMatchHandComputedValues() {
        Evaluation e = example();
        assertEquals(4, e.samples());
        assertEquals((0.36f + 1.2f + 2.3f + 0.36f) / 4.0, e.loss(), 1e-6);
        assertEquals(0.5, e.accuracy(), 1e-12);
        assertEquals(0.75, e.topKAccuracy(), 1e-12);
        assertArrayEquals(new int[]{1, 0, 0}, e.confusion()[0]);
        assertArrayEquals(new int[]{0, 1, 1}, e.confusion()[1]);
        assertArrayEquals(new int[]{1, 0, 0}, e.confusion()[2]);
        assertEquals(0.5, e.perClass().get(0).precision(), 1e-12);
        assertEquals(1.0, e.perClass().get(1).precision(), 1e-12);
        assertEquals(0.5, e.perClass().get(1).recall(), 1e-12);
        assertEquals(0.0, e.perClass().get(2).f1(), 1e-12);
        assertEquals(3, e.prCurves().size());
    }

    @Test
    void misclassifiedAreRankedByLossWithTheirIndices() {
        Evaluation e = example();
        assertEquals(2, e.misclassified().size());
        assertEquals(2, e.misclassified().get(0).index());
        assertEquals(0, e.misclassified().get(0).predicted());
        assertEquals(0.5, e.misclassified().get(0).confidence(), 1e-6);
        assertEquals(1, e.misclassified().get(1).index());
        assertEquals(2, e.misclassified().get(1).predicted());
        Evaluation capped = Evaluation.compute("test", List.of("a", "b", "c"), new float[][]{{0.1f, 0.9f, 0}},
                new int[]{0}, new float[]{2.3f}, 1, 0, List.of());
        assertTrue(capped.misclassified().isEmpty());
    }

    @Test
    void jsonRoundTripKeepsEveryFigure() {
        Evaluation e = example();
        Evaluation back = Evaluation.fromJson(e.toJson());
        assertEquals(e.split(), back.split());
        assertEquals(e.classes(), back.classes());
        assertEquals(e.loss(), back.loss(), 0);
        assertEquals(e.accuracy(), back.accuracy(), 0);
        assertEquals(e.topKAccuracy(), back.topKAccuracy(), 0);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(e.confusion()[i], back.confusion()[i]);
            assertArrayEquals(e.prCurves().get(i).precision(), back.prCurves().get(i).precision(), 0);
            assertArrayEquals(e.prCurves().get(i).thresholds(), back.prCurves().get(i).thresholds(), 0);
        }
        assertEquals(e.perClass(), back.perClass());
        assertEquals(e.macro(), back.macro());
        assertEquals(e.weighted(), back.weighted());
        assertEquals(e.misclassified(), back.misclassified());
        assertEquals(e.probes(), back.probes());
    }

    @Test
    void longCurvesAreThinnedInJsonKeepingBothEnds() {
        int n = 1000;
        float[][] probs = new float[n][];
        int[] labels = new int[n];
        float[] losses = new float[n];
        for (int i = 0; i < n; i++) {
            float p = (i + 0.5f) / n;
            probs[i] = new float[]{p, 1 - p};
            labels[i] = i % 2;
        }
        Evaluation back = Evaluation.fromJson(Evaluation.compute("v", List.of("x", "y"), probs, labels, losses, 1, 5,
                List.of()).toJson());
        var c = back.prCurves().get(0);
        assertEquals(EvaluationJson.MAX_CURVE_POINTS, c.thresholds().length);
        assertEquals(EvaluationJson.MAX_CURVE_POINTS + 1, c.precision().length);
        assertEquals(0.5f / n, c.thresholds()[0], 1e-9);
        assertEquals(1, c.precision()[c.precision().length - 1], 0);
        assertEquals(0, c.recall()[c.recall().length - 1], 0);
    }

    @Test
    void reportShowsTheClassTableAndTheConfusionMatrix() {
        String r = example().report();
        assertTrue(r.startsWith("test: 4 samples"), r);
        assertTrue(r.contains("precision"), r);
        assertTrue(r.contains("macro avg"), r);
        assertTrue(r.contains("confusion matrix"), r);
        assertTrue(r.lines().anyMatch(l -> l.matches("\\s+1\\s+0\\s+1\\s+1\\s+b")), r);
    }
}
