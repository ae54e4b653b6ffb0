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
        int batchesBeforeFirstEpoch = types.subList(0, types.indexOf("epoch")).stream()
                .filter("batch"::equals).toList().size();
        assertEquals(12, batchesBeforeFirstEpoch);
        List<TrainingEvent.BatchEnd> batches = fast.of(TrainingEvent.BatchEnd.class);
        for (int i = 0; i < batches.size(); i++) {
            assertEquals(i + 1, batches.get(i).step(), "a fast listener sees every step");
            assertEquals(i / 12, batches.get(i).epoch());
            assertEquals(i % 12 + 1, batches.get(i).batch());
        }
        for (TrainingEvent.EpochEnd e : fast.of(TrainingEvent.EpochEnd.class)) {
            assertEquals(12L * (e.epoch() + 1), e.step());
        }
        assertEquals(36 / 5, fast.of(TrainingEvent.Health.class).size(), "health every 5 steps");

        // the slow listener: same non-batch events in the same order; batch events a subsequence, with the last
        // batch of every epoch (never replaced: the epoch event follows it)
        assertEquals(nonBatch(fast.events), nonBatch(slow.events));
        List<TrainingEvent.BatchEnd> slowBatches = slow.of(TrainingEvent.BatchEnd.class);
        assertTrue(batches.containsAll(slowBatches));
        for (int e = 0; e < 3; e++) {
            int epoch = e;
            assertTrue(slowBatches.stream().anyMatch(b -> b.epoch() == epoch && b.batch() == 12));
        }
        long trainingNanos = System.nanoTime() - t0;
        assertTrue(t.statistics().eventNanos() < trainingNanos, "sanity");
        System.out.printf("slow listener: %d of %d batch events (%d coalesced)%n", slowBatches.size(),
                batches.size(), t.statistics().coalesced());
    }

    private static List<TrainingEvent> nonBatch(List<TrainingEvent> events) {
        return events.stream().filter(e -> !(e instanceof TrainingEvent.BatchEnd)).toList();
    }
}
