package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.Datasets;
import io.netwright.data.Sample;
import io.netwright.data.Sampler;
import io.netwright.io.Checkpoint;
import io.netwright.io.CheckpointIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NaN or infinite loss pauses the run, names the step and the layers, and leaves no bad state behind. */
class NonFiniteTest {

    @TempDir
    Path tmp;

    private static <E extends TrainingEvent> List<E> await(TrainFixtures.Recorder rec, Class<E> type, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<E> got = rec.of(type);
            if (got.size() >= count) {
                return got;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no " + count + " " + type.getSimpleName() + " within 30 s; got " + rec.types());
    }

    private static void assertFinite(Checkpoint c) {
        for (var e : c.model().entrySet()) {
            assertTrue(e.getValue().isfinite().all(), "weights " + e.getKey() + " must be finite");
        }
    }

    @Test
    void aPoisonedSamplePausesAtItsStepNamingTheLayersAndKeepsTheLastGoodCheckpoint() throws Exception {
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 8, 3)).withEpochs(2)
                .withCheckpoint(CheckpointPolicy.defaults().withEverySteps(2));
        // the sample that the shuffled order of epoch 0 puts in batch 5 (after 5 good steps)
        int[] order = Sampler.shuffled(96, cfg.seed()).indices(0);
        int poisoned = order[5 * 8 + 3];
        List<Sample<float[]>> train = new ArrayList<>(TrainFixtures.blobs(96, 4, 3, 1));
        train.set(poisoned, new Sample<>(new float[]{1, Float.NaN, 0, 0}, train.get(poisoned).label()));
        TrainingData data = new TrainingData("poisoned", TrainFixtures.classNames(3), Datasets.ofList(train),
                Datasets.ofList(TrainFixtures.blobs(24, 4, 3, 2)), null);
        Path dir = tmp.resolve("run");
        var rec = new TrainFixtures.Recorder();
        try (Trainer t = Trainer.create(cfg, dir, data)) {
            t.addListener(rec);
            t.start();
            TrainingEvent.Paused paused = await(rec, TrainingEvent.Paused.class, 1).get(0);
            assertEquals(TrainingEvent.PauseReason.NON_FINITE, paused.reason());
            assertEquals(5, paused.step(), "steps completed before the bad one");
            assertEquals("fc1", paused.nonFinite().activationLayer(), "the first output that went non-finite");
            assertEquals("fc2", paused.nonFinite().gradientLayer(), "first non-finite gradients in backward order");
            assertTrue(Double.isNaN(paused.nonFinite().loss()));
            assertEquals(Trainer.State.PAUSED, t.state());
            List<String> types = rec.types();
            assertEquals("warning", types.get(types.size() - 2), types.toString());
            TrainingEvent.Warning w = (TrainingEvent.Warning) rec.events.get(types.size() - 2);
            assertEquals("non_finite", w.code());
            assertTrue(w.message().contains("step 6") && w.message().contains("fc1"), w.message());

            // the last checkpoint on disk (step 4) is the last good one and stays untouched
            Path last = dir.resolve("checkpoints/last");
            Checkpoint good = CheckpointIO.load(last);
            assertEquals(4, good.meta().get("step").getAsLong());
            byte[] before = Files.readAllBytes(last.resolve("model.safetensors"));

            // resuming retries the same batch, which fails again at the same step
            t.resume();
            List<TrainingEvent.Paused> again = await(rec, TrainingEvent.Paused.class, 2);
            assertEquals(5, again.get(1).step());
            assertArrayEquals(before, Files.readAllBytes(last.resolve("model.safetensors")));
            assertEquals(5, rec.of(TrainingEvent.BatchEnd.class).size(), "no step was applied after step 5");

            t.stop();
            t.join();
        }
        assertTrue(rec.last() instanceof TrainingEvent.Stopped, String.valueOf(rec.last()));
        Checkpoint atStop = CheckpointIO.load(dir.resolve("checkpoints/last"));
        assertEquals(4, atStop.meta().get("step").getAsLong(), "the stop keeps the checkpoint taken before the loss "
                + "went non-finite instead of saving the weights that produced it");
        assertFinite(atStop);
        RunStatus status = RunFolder.open(dir).readStatus().orElseThrow();
        assertEquals("diverged", status.state());
        assertTrue(status.message().startsWith("step 6: loss is NaN"), status.message());
    }

    @Test
    void aHugeLearningRatePausesBeforeTheWeightsBecomeNonFinite() throws Exception {
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 8, 3))
                .withOptimizer(new OptimizerConfig("SGD", java.util.Map.of("lr", 1e30)));
        Path dir = tmp.resolve("huge");
        var rec = new TrainFixtures.Recorder();
        try (Trainer t = Trainer.create(cfg, dir, TrainFixtures.data(96, 24, 0, 4, 3))) {
            t.addListener(rec);
            t.start();
            TrainingEvent.Paused p = await(rec, TrainingEvent.Paused.class, 1).get(0);
            assertEquals(TrainingEvent.PauseReason.NON_FINITE, p.reason());
            assertTrue(p.step() >= 1, "the first step is finite; the huge update breaks the next one");
            Predicate<String> named = s -> s != null && (s.equals("fc1") || s.equals("fc2"));
            assertTrue(named.test(p.nonFinite().gradientLayer()) || named.test(p.nonFinite().activationLayer()),
                    p.toString());
            t.setLearningRate(1e-3); // allowed while paused, recorded
            await(rec, TrainingEvent.LrChanged.class, 1);
            t.stop();
            t.join();
        }
        Checkpoint c = CheckpointIO.load(dir.resolve("checkpoints/last"));
        assertFinite(c);
        assertTrue(rec.types().indexOf("paused") < rec.types().indexOf("lr_changed"));
    }
}
