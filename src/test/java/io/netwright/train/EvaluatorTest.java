package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.io.CheckpointIO;
import io.netwright.io.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluating a finished run's checkpoints, or a weights file, on its own split or on another SPEC. */
class EvaluatorTest {

    @TempDir
    Path tmp;

    @Test
    void evaluatesRunsAndWeightsFiles() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("tabular"));
        TrainFixtures.csv(data.resolve("train.csv"), 96, 4, 3, 1);
        TrainFixtures.csv(data.resolve("test.csv"), 30, 4, 3, 2);
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 8, 3))
                .withData(new DataConfig(data.toString(), 0.25, 0, "", "", 0));
        Path run = tmp.resolve("run");
        Trainer t = Trainer.create(cfg, run);
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));
        assertEquals(Trainer.State.FINISHED, t.state());
        Evaluation recorded = RunFolder.open(run).readEvaluation().orElseThrow();

        Evaluation own = Evaluator.evaluateRun(run, null, "last");
        assertEquals("test", own.split());
        assertEquals(30, own.samples());
        assertEquals(recorded.loss(), own.loss(), 0, "the final weights give the recorded figures");
        assertEquals(recorded.accuracy(), own.accuracy(), 0);
        assertEquals(recorded.probes(), own.probes(), "probe histories come from the run's log");
        assertTrue(own.report().contains("confusion matrix"));

        Evaluation validation = Evaluator.evaluateRun(run, null, "last", "validation");
        assertEquals("validation", validation.split());
        assertEquals(24, validation.samples());
        assertEquals(72, Evaluator.evaluateRun(run, null, "last", "train").samples());

        Evaluation best = Evaluator.evaluateRun(run, data.toString(), null);
        assertEquals("test", best.split());

        Path weights = tmp.resolve("final.safetensors");
        Safetensors.write(weights, CheckpointIO.load(run.resolve("checkpoints/last")).model(), Map.of());
        Evaluation fromFile = Evaluator.evaluateWeights(cfg.design(), weights, data.toString(), 16);
        assertEquals(own.loss(), fromFile.loss(), 0);
        assertEquals(own.accuracy(), fromFile.accuracy(), 0);

        var e = assertThrows(IOException.class, () -> Evaluator.evaluateRun(run, null, "middle"));
        assertTrue(e.getMessage().contains("no checkpoints/middle"), e.getMessage());
        var wrong = TrainFixtures.mlp(4, 8, 5);
        var shape = assertThrows(RuntimeException.class, () -> Evaluator.evaluateWeights(wrong, weights,
                data.toString(), 16));
        assertTrue(shape.getMessage().contains("fc2"), shape.getMessage());
    }
}
