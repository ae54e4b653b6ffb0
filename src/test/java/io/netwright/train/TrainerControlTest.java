package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pause, resume, stop and learning-rate changes from other threads while a run is going. */
class TrainerControlTest {

    @TempDir
    Path tmp;

    /** A run that would take long (many epochs, ~8 ms per step) so the test decides when it ends. */
    private static Trainer longRun(Path dir, TrainFixtures.Recorder rec) {
        TrainingData d = TrainFixtures.data(96, 24, 0, 4, 3);
        TrainingData slow = new TrainingData(d.name(), d.classes(), TrainFixtures.slow(d.train(), 1), d.validation(),
                null);
        Trainer t = Trainer.create(TrainFixtures.config(TrainFixtures.mlp(4, 8, 3)).withEpochs(1000), dir, slow);
        t.addListener(rec);
        return t;
    }

    private static <E extends TrainingEvent> E await(TrainFixtures.Recorder rec, Class<E> type, Predicate<E> p)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (E e : rec.of(type)) {
                if (p.test(e)) {
                    return e;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 30 s; got " + rec.types());
    }

    @Test
    void pauseLearningRateResumeAndStopFromAnotherThread() throws Exception {
        var rec = new TrainFixtures.Recorder();
        try (Trainer t = longRun(tmp.resolve("run"), rec)) {
            pauseLearningRateResumeAndStop(t, rec);
        }
    }

    private static void pauseLearningRateResumeAndStop(Trainer t, TrainFixtures.Recorder rec) throws Exception {
        t.start();
        await(rec, TrainingEvent.BatchEnd.class, b -> b.step() >= 3);

        t.pause();
        TrainingEvent.Paused paused = await(rec, TrainingEvent.Paused.class, p -> true);
        assertEquals(TrainingEvent.PauseReason.USER, paused.reason());
        assertEquals(Trainer.State.PAUSED, t.state());
        int seen = rec.events.size();
        Thread.sleep(150);
        assertEquals(seen, rec.events.size(), "nothing happens while paused: " + rec.types().subList(seen,
                rec.events.size()));

        t.setLearningRate(0.01);
        TrainingEvent.LrChanged lr = await(rec, TrainingEvent.LrChanged.class, e -> true);
        assertEquals(0.1, lr.oldLr(), 1e-15);
        assertEquals(0.01, lr.newLr(), 1e-15);
        assertEquals(paused.step(), lr.step(), "changed while paused, at the paused step");

        t.resume();
        await(rec, TrainingEvent.Resumed.class, e -> true);
        TrainingEvent.BatchEnd after = await(rec, TrainingEvent.BatchEnd.class, b -> b.step() >= paused.step() + 2);
        assertEquals(0.01, after.lr(), 1e-15, "steps after the change use the new rate");
        assertEquals(Trainer.State.RUNNING, t.state());

        t.stop();
        assertTrue(t.join(Duration.ofSeconds(30)));
        assertEquals(Trainer.State.STOPPED, t.state());
        TrainingEvent.Stopped stopped = (TrainingEvent.Stopped) rec.last();
        assertNotNull(stopped.checkpoint());
        assertTrue(Files.isRegularFile(stopped.checkpoint().resolve("checkpoint.json")));
        TrainingEvent beforeLast = rec.events.get(rec.events.size() - 2);
        assertTrue(beforeLast instanceof TrainingEvent.CheckpointSaved c && c.kind().equals("last")
                && c.step() == stopped.step(), "the stop writes checkpoints/last first: " + beforeLast);

        // order: Paused < LrChanged < Resumed, no batch between Paused and Resumed, steps never go back
        List<String> types = rec.types();
        int p = types.indexOf("paused");
        int l = types.indexOf("lr_changed");
        int r = types.indexOf("resumed");
        assertTrue(p < l && l < r, types.toString());
        assertFalse(types.subList(p, r).contains("batch"), types.toString());
        long last = -1;
        for (TrainingEvent e : rec.events) {
            assertTrue(e.step() >= last, "steps must not go back: " + e);
            last = e.step();
        }
        assertEquals("started", types.get(0));
        assertEquals(1, rec.events.stream().filter(TrainingEvent::isTerminal).count());
    }

    @Test
    void commandsGivenBeforeStartAreActedOnInOrder() throws Exception {
        var rec = new TrainFixtures.Recorder();
        Trainer t = longRun(tmp.resolve("early"), rec);
        t.setLearningRate(0.05);
        t.stop();
        t.start();
        assertTrue(t.join(Duration.ofSeconds(30)));
        assertEquals(List.of("started", "lr_changed", "checkpoint", "stopped"), rec.types());
        assertEquals(0, rec.last().step());
    }

    @Test
    void concurrentLearningRateChangesAreAllRecorded() throws Exception {
        var rec = new TrainFixtures.Recorder();
        try (Trainer t = longRun(null, rec)) {
            concurrentChanges(t, rec);
        }
    }

    private static void concurrentChanges(Trainer t, TrainFixtures.Recorder rec) throws Exception {
        t.start();
        await(rec, TrainingEvent.BatchEnd.class, b -> b.step() >= 1);
        int threads = 4;
        int each = 25;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int id = i;
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int k = 0; k < each; k++) {
                    t.setLearningRate(0.001 * (1 + id) + 1e-6 * k);
                    if (k % 10 == 0) {
                        t.requestSamples();
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        await(rec, TrainingEvent.LrChanged.class, e -> rec.of(TrainingEvent.LrChanged.class).size()
                == threads * each);
        await(rec, TrainingEvent.Samples.class, e -> requestedSamples(rec) == threads * 3);
        t.stop();
        assertTrue(t.join(Duration.ofSeconds(30)));
        List<TrainingEvent.LrChanged> changes = rec.of(TrainingEvent.LrChanged.class);
        assertEquals(threads * each, changes.size());
        for (int i = 1; i < changes.size(); i++) {
            assertEquals(changes.get(i - 1).newLr(), changes.get(i).oldLr(), 1e-15, "each change starts where the "
                    + "previous one ended");
        }
        assertEquals(threads * 3, requestedSamples(rec), "one samples event per request (besides one per epoch)");
    }

    private static long requestedSamples(TrainFixtures.Recorder rec) {
        return rec.of(TrainingEvent.Samples.class).size() - rec.of(TrainingEvent.EpochEnd.class).size();
    }

    @Test
    void redundantControlIsHarmless() throws Exception {
        var rec = new TrainFixtures.Recorder();
        Trainer t = longRun(null, rec);
        t.resume();
        t.start();
        await(rec, TrainingEvent.BatchEnd.class, b -> b.step() >= 2);
        t.pause();
        t.pause();
        await(rec, TrainingEvent.Paused.class, e -> true);
        t.resume();
        t.resume();
        await(rec, TrainingEvent.Resumed.class, e -> true);
        t.close();
        assertEquals(Trainer.State.STOPPED, t.state());
        assertEquals(1, rec.of(TrainingEvent.Paused.class).size());
        assertEquals(1, rec.of(TrainingEvent.Resumed.class).size());
        assertTrue(rec.last() instanceof TrainingEvent.Stopped s && s.checkpoint() == null, "no folder: no "
                + "checkpoint");
        assertThrows(IllegalStateException.class, t::start);
        assertThrows(IllegalArgumentException.class, () -> t.setLearningRate(-1));
    }

    @Test
    void samplesOnRequestShowTheProbes() throws Exception {
        var rec = new TrainFixtures.Recorder();
        TrainingEvent.Samples s;
        try (Trainer t = longRun(null, rec)) {
            t.start();
            await(rec, TrainingEvent.BatchEnd.class, b -> b.step() >= 2);
            t.requestSamples();
            s = await(rec, TrainingEvent.Samples.class, e -> true);
        }
        assertEquals("validation", s.split());
        assertEquals(4, s.probes().size());
        assertEquals(List.of(0, 1, 2, 0), s.probes().stream().map(TrainingEvent.Probe::label).toList(),
                "one probe per class in turn");
        for (TrainingEvent.Probe p : s.probes()) {
            assertEquals(2, p.top().size());
            assertTrue(p.top().get(0).probability() >= p.top().get(1).probability());
        }
    }
}
