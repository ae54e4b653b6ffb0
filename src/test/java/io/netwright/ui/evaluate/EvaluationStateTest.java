package io.netwright.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.formats.ImageFiles;
import io.netwright.train.EvaluatedRun;
import io.netwright.train.Evaluation;
import io.netwright.train.Evaluator;
import io.netwright.train.RunModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Evaluate tab's view model and "predict a file", without a display, on a real LeNet-5 run. */
class EvaluationStateTest {

    private static TinyRun run;
    private static EvaluatedRun detail;

    @BeforeAll
    static void train() throws Exception {
        run = TinyRun.get();
        detail = Evaluator.evaluateRunInDetail(run.dir(), "last");
    }

    @Test
    void theFinalCheckpointReproducesTheRunsEvaluation() {
        Evaluation e = detail.evaluation();
        assertEquals(10 * TinyRun.TEST_PER_CLASS, e.samples());
        assertEquals(run.recorded().accuracy(), e.accuracy(), 0);
        assertEquals(run.recorded().loss(), e.loss(), 1e-9);
        assertTrue(java.util.Arrays.deepEquals(run.recorded().confusion(), e.confusion()));
    }

    @Test
    void everyCellListsExactlyItsSamplesWithTheirImages() {
        EvaluationState s = new EvaluationState(detail.evaluation(), detail.predictions(), detail.split(),
                run.dir(), "test");
        int[][] m = detail.evaluation().confusion();
        int total = 0;
        for (int t = 0; t < m.length; t++) {
            for (int p = 0; p < m.length; p++) {
                EvaluationState.Cell c = s.cell(t, p);
                assertEquals(m[t][p], c.count());
                assertEquals(m[t][p], c.tiles().size(), "cell " + t + "," + p);
                assertTrue(c.complete());
                for (EvaluationState.Tile tile : c.tiles()) {
                    assertEquals(t, tile.label());
                    assertEquals(p, tile.predicted());
                    assertEquals(t, detail.split().get(tile.index()).label(), "the tile is that split sample");
                    assertNotNull(tile.image());
                }
                total += c.tiles().size();
            }
        }
        assertEquals(detail.evaluation().samples(), total);
    }

    @Test
    void withoutPerSamplePredictionsACellHoldsOnlyTheKeptMisclassifiedSamples() {
        Evaluation e = run.published();
        EvaluationState s = new EvaluationState(e, null, null, run.dir(), "live");
        Evaluation.Misclassified worst = e.misclassified().get(0);
        EvaluationState.Cell c = s.cell(worst.label(), worst.predicted());
        assertEquals(e.confusion()[worst.label()][worst.predicted()], c.count());
        assertEquals(e.misclassified().stream().filter(x -> x.label() == worst.label()
                && x.predicted() == worst.predicted()).count(), c.tiles().size());
        assertNull(c.tiles().get(0).image(), "no split: no images");
        int diagonal = e.confusion()[0][0];
        assertEquals(diagonal == 0, s.cell(0, 0).complete(), "correct samples are not kept");
        List<EvaluationState.Tile> wrong = s.misclassified();
        assertEquals(e.misclassified().size(), wrong.size());
        for (int i = 1; i < wrong.size(); i++) {
            assertTrue(wrong.get(i - 1).loss() >= wrong.get(i).loss(), "ranked by loss");
        }
        assertFalse(wrong.get(0).correct());
    }

    @Test
    void predictingAFileGivesTopKAndEveryConvLayersMaps() throws Exception {
        int index = 5;
        ByteImage sample = (ByteImage) detail.split().get(index).input();
        Path png = Files.createTempFile("nw-sample", ".png");
        try {
            ImageFiles.write(sample, "png", png);
            RunModel model = RunModel.load(run.dir(), "last");
            FileInspection r = FileInspection.inspect(model, png, detail.evaluation().classes(), 5);
            assertEquals(5, r.top().size());
            double sum = r.top().stream().mapToDouble(FileInspection.ClassProbability::probability).sum();
            assertTrue(sum <= 1 + 1e-6 && sum > 0, "top-5 sum " + sum);
            for (int i = 1; i < r.top().size(); i++) {
                assertTrue(r.top().get(i - 1).probability() >= r.top().get(i).probability());
            }
            assertEquals(detail.predictions().predicted()[index], r.top().get(0).label(),
                    "a PNG of a test sample is predicted as in the evaluation");
            assertEquals(detail.predictions().confidence()[index], r.top().get(0).probability(), 1e-5);
            assertEquals(2, r.layers().size(), "LeNet-5 has two conv layers");
            assertEquals("conv1", r.layers().get(0).layer());
            assertEquals(6, r.layers().get(0).channels());
            assertEquals(28, r.layers().get(0).height());
            assertEquals("conv2", r.layers().get(1).layer());
            assertEquals(16, r.layers().get(1).channels());
            assertEquals(10, r.layers().get(1).width());
            assertEquals(2, FileInspection.inspect(model, png, List.of(), 3).layers().size(),
                    "the hooks of the first inspection were removed: a second one captures each layer once");
        } finally {
            Files.deleteIfExists(png);
        }
    }
}
