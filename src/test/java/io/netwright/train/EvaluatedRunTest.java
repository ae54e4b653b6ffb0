package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import io.netwright.graph.InputSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluating a run with its per-sample predictions, the run's own splits, and fitting images to an input. */
class EvaluatedRunTest {

    @TempDir
    Path tmp;

    @Test
    void detailedEvaluationAgreesWithThePlainOneAndKeepsEverySample() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("tabular"));
        TrainFixtures.csv(data.resolve("train.csv"), 96, 4, 3, 1);
        TrainFixtures.csv(data.resolve("test.csv"), 30, 4, 3, 2);
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 8, 3))
                .withData(new DataConfig(data.toString(), 0.25, 0, "", "", 0));
        Path run = tmp.resolve("run");
        Trainer t = Trainer.create(cfg, run);
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));

        Evaluation plain = Evaluator.evaluateRun(run, null, "last");
        EvaluatedRun detail = Evaluator.evaluateRunInDetail(run, "last");
        assertEquals("last", detail.checkpoint());
        assertEquals(plain.loss(), detail.evaluation().loss(), 0);
        assertArrayEquals(plain.confusion(), detail.evaluation().confusion());
        assertEquals(plain.probes(), detail.evaluation().probes());
        assertEquals(30, detail.split().size());
        assertArrayEquals(plain.confusion(), detail.predictions().confusion(3),
                "the per-sample predictions are the ones the figures were computed from");
        for (int i = 0; i < 30; i++) {
            assertEquals(detail.split().get(i).label(), detail.predictions().labels()[i], "split order kept");
        }
        for (Evaluation.Misclassified m : detail.evaluation().misclassified()) {
            assertEquals(m.predicted(), detail.predictions().predicted()[m.index()]);
            assertEquals(m.confidence(), detail.predictions().confidence()[m.index()], 1e-6);
        }
        assertEquals(72, Evaluator.runSplit(run, "train").size());
        assertEquals(24, Evaluator.runSplit(run, "validation").size());
        assertEquals(30, Evaluator.runSplit(run, null).size());
        assertEquals("best", RunModel.load(run, null).checkpoint());
        var none = assertThrows(java.io.IOException.class, () -> RunModel.load(run, "middle"));
        assertTrue(none.getMessage().contains("no checkpoints/middle"), none.getMessage());
    }

    @Test
    void cellIndicesAreThatCellsSamplesMostConfidentFirst() {
        SamplePredictions p = SamplePredictions.of(new float[][] {{0.9f, 0.1f}, {0.3f, 0.7f}, {0.2f, 0.8f},
            {0.6f, 0.4f}}, new int[] {0, 0, 0, 1}, new float[] {0.1f, 1.2f, 1.6f, 0.9f});
        assertArrayEquals(new int[] {2, 1}, p.indicesOf(0, 1));
        assertArrayEquals(new int[] {0}, p.indicesOf(0, 0));
        assertArrayEquals(new int[] {3}, p.indicesOf(1, 0));
        assertArrayEquals(new int[][] {{1, 2}, {1, 0}}, p.confusion(2));
        assertThrows(IllegalArgumentException.class, () -> new SamplePredictions(new int[2], new int[1],
                new float[2], new float[2]));
    }

    @Test
    void imagesAreConvertedResizedAndNormalisedForTheInput() {
        InputSpec spec = InputSpec.of(1, 4, 4).withNormalization(List.of(0.5), List.of(0.25));
        byte[] rgb = new byte[2 * 2 * 3];
        java.util.Arrays.fill(rgb, (byte) 255);
        Image x = InputImages.fit(new ByteImage(3, 2, 2, rgb), spec);
        assertArrayEquals(new int[] {1, 4, 4}, x.shape());
        assertEquals((1 - 0.5) / 0.25, x.get(0, 3, 3), 1e-5, "white, scaled to 1, normalised");
        var bad = assertThrows(IllegalArgumentException.class, () -> InputImages.fit(new ByteImage(1, 2, 2,
                new byte[4]), InputSpec.of(16)));
        assertTrue(bad.getMessage().contains("not an image"), bad.getMessage());
    }
}
