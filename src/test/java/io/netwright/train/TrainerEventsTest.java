package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events of a whole run, as a fast and a slow listener see them. */
class TrainerEventsTest {

    @TempDir
    Path tmp;

    @Test
    void eventsFollowTheRunInOrderAndASlowListenerMissesOnlyBatches() throws Exception {
        var fast = new TrainFixtures.Recorder();
        var slow = new TrainFixtures.Recorder() {
            @Override
            public void onEvent(TrainingEvent event) {
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.onEvent(event);
            }
        };
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 8, 3));
        Trainer t = Trainer.create(cfg, tmp.resolve("run"), TrainFixtures.data(96, 24, 30, 4, 3));
        t.addListener(fast).addListener(slow);
        long t0 = System.nanoTime();
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));
        assertEquals(Trainer.State.FINISHED, t.state());

        List<String> types = fast.types();
        assertEquals("started", types.get(0));
        assertEquals("finished", types.get(types.size() - 1));
        // per epoch: 12 batches, then epoch, samples, checkpoint(s); then evaluation, last checkpoint, finished
        List<String> skeleton = new ArrayList<>();
        for (String s : types) {
            if (!s.equals("batch") && !s.equals("health") && !s.equals("warning")) {
                skeleton.add(s);
            }
        }
        assertEquals("started", skeleton.get(0));
        assertEquals(List.of("evaluation", "checkpoint", "finished"), skeleton.subList(skeleton.size() - 3,
                skeleton.size()));
        assertEquals(3, fast.of(TrainingEvent.EpochEnd.class).size());
        // Batch events may be coalesced for any listener that falls behind (the loop is far faster than a
        // listener thread here): whatever arrives is in step order, consistent, and every epoch's last batch is
        // delivered because the epoch event follows it.
        List<TrainingEvent.BatchEnd> batches = fast.of(TrainingEvent.BatchEnd.class);
        assertBatchesConsistent(batches);
        // the whole run is fewer events than a listener may fall behind before coalescing starts: all arrive
        assertTrue(fast.events.size() < EventDispatcher.COALESCE_AFTER);
        assertEquals(36, batches.size());
        TrainingEvent.BatchEnd lastBeforeEpoch = null;
        for (TrainingEvent e : fast.events.subList(0, types.indexOf("epoch"))) {
            if (e instanceof TrainingEvent.BatchEnd b) {
                lastBeforeEpoch = b;
            }
        }
        assertEquals(12, lastBeforeEpoch.batch(), "the epoch's last batch precedes the epoch event");
        for (TrainingEvent.EpochEnd e : fast.of(TrainingEvent.EpochEnd.class)) {
            assertEquals(12L * (e.epoch() + 1), e.step());
        }
        assertEquals(36 / 5, fast.of(TrainingEvent.Health.class).size(), "health every 5 steps");

        // the slow listener: same non-batch events in the same order; batch events a subsequence, with the last
        // batch of every epoch (never replaced: the epoch event follows it)
        assertEquals(nonBatch(fast.events), nonBatch(slow.events));
        List<TrainingEvent.BatchEnd> slowBatches = slow.of(TrainingEvent.BatchEnd.class);
        assertBatchesConsistent(slowBatches);
        long trainingNanos = System.nanoTime() - t0;
        assertTrue(t.statistics().eventNanos() < trainingNanos, "sanity");
        System.out.printf("slow listener: %d of %d batch events (%d coalesced)%n", slowBatches.size(),
                batches.size(), t.statistics().coalesced());
    }

    private static void assertBatchesConsistent(List<TrainingEvent.BatchEnd> batches) {
        long last = 0;
        for (TrainingEvent.BatchEnd b : batches) {
            assertTrue(b.step() > last, "steps increase");
            last = b.step();
            assertEquals((b.step() - 1) / 12, b.epoch());
            assertEquals((b.step() - 1) % 12 + 1, b.batch());
        }
        for (int e = 0; e < 3; e++) {
            int epoch = e;
            assertTrue(batches.stream().anyMatch(b -> b.epoch() == epoch && b.batch() == 12),
                    "epoch " + e + "'s last batch is delivered");
        }
    }

    @Test
    void epochFiguresAreTheMeansOfTheStepsAndEarlyStoppingEndsTheRun() throws Exception {
        // a rate so small nothing changes: validation loss never improves after epoch 0, patience 2 ends epoch 2
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 8, 3)).withEpochs(10)
                .withOptimizer(new OptimizerConfig("SGD", java.util.Map.of("lr", 1e-12)))
                .withEarlyStopping(new EarlyStopping(Metric.VAL_LOSS, 2, 1e-3));
        var rec = new TrainFixtures.Recorder();
        Trainer t = Trainer.create(cfg, tmp.resolve("early"), TrainFixtures.data(100, 24, 0, 4, 3));
        t.addListener(rec);
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));
        TrainingEvent.Finished f = (TrainingEvent.Finished) rec.last();
        assertEquals("early_stopping", f.reason());
        assertEquals(3, rec.of(TrainingEvent.EpochEnd.class).size());
        assertEquals("validation", rec.of(TrainingEvent.Evaluated.class).get(0).evaluation().split(),
                "no test split: the final evaluation uses validation");

        // 100 samples in batches of 8: 12 of 8 and one of 4; the epoch's loss is the sample-weighted mean. The whole
        // run publishes fewer events than a listener may fall behind before coalescing starts, so all arrive.
        List<TrainingEvent.BatchEnd> batches = rec.of(TrainingEvent.BatchEnd.class);
        assertTrue(rec.events.size() < EventDispatcher.COALESCE_AFTER);
        assertEquals(39, batches.size());
        for (TrainingEvent.EpochEnd e : rec.of(TrainingEvent.EpochEnd.class)) {
            double sum = 0;
            int n = 0;
            for (TrainingEvent.BatchEnd b : batches) {
                if (b.epoch() == e.epoch()) {
                    int size = b.batch() == 13 ? 4 : 8;
                    sum += (double) b.loss() * size;
                    n += size;
                }
            }
            assertEquals(100, n);
            assertEquals(sum / n, e.trainLoss(), 1e-12, "epoch " + e.epoch());
            TrainingEvent.BatchEnd last = batches.stream().filter(b -> b.epoch() == e.epoch() && b.batch() == 13)
                    .findFirst().orElseThrow();
            assertEquals(last.meanLoss(), e.trainLoss(), 0);
            assertEquals(last.accuracy(), e.trainAccuracy(), 0);
        }
        // the validation figures are those of the final evaluation (same weights, same split)
        TrainingEvent.EpochEnd lastEpoch = rec.of(TrainingEvent.EpochEnd.class).get(2);
        Evaluation ev = rec.of(TrainingEvent.Evaluated.class).get(0).evaluation();
        assertEquals(ev.loss(), lastEpoch.valLoss(), 1e-12);
        assertEquals(ev.accuracy(), lastEpoch.valAccuracy(), 0);
    }

    private static List<TrainingEvent> nonBatch(List<TrainingEvent> events) {
        return events.stream().filter(e -> !(e instanceof TrainingEvent.BatchEnd)).toList();
    }
}
