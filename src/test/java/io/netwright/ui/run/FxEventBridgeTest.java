package io.netwright.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.train.TrainingEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge without a display: a single-thread executor stands in for the FX thread. Checks the rate limit, that
 * order is kept, that only batch events are thinned (and only when far behind), and that every view gets every
 * batch even when one of them throws.
 */
class FxEventBridgeTest {

    private final ExecutorService fx = Executors.newSingleThreadExecutor();

    @AfterEach
    void shutdown() {
        fx.shutdownNow();
    }

    /** A view recording what it receives and how many events each call had. */
    static final class Recorder implements TrainingView {
        final List<TrainingEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());
        final List<Long> callNanos = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onEvents(List<TrainingEvent> batch) {
            assertTrue(!batch.isEmpty(), "views are never called with nothing");
            events.addAll(batch);
            calls.add(batch.size());
            callNanos.add(System.nanoTime());
        }
    }

    static TrainingEvent.BatchEnd batch(long step) {
        return new TrainingEvent.BatchEnd(0, step, (int) step, 100_000, 1f / (step + 1), 0.5, 0.5, 0.01, 1000, 10);
    }

    static TrainingEvent.EpochEnd epoch(long step) {
        return new TrainingEvent.EpochEnd(0, step, 0.5, 0.8, 0.6, 0.7, 0.9, 5, 0.01, 1.0);
    }

    private static void awaitDelivered(FxEventBridge b, long events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (b.pending() > 0 || b.statistics().events() + b.statistics().coalesced() < events) {
            assertTrue(System.nanoTime() < deadline, "events not delivered in time: " + b.statistics());
            Thread.sleep(5);
        }
        Thread.sleep(FxEventBridge.MIN_INTERVAL_NANOS / 1_000_000 + 20); // a drain in progress has finished
    }

    @Test
    void deliversAtMost30UpdatesASecondInOrderWithoutLosingEvents() throws Exception {
        FxEventBridge bridge = new FxEventBridge(fx);
        Recorder r = new Recorder();
        bridge.addView(r);
        int n = 3000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) { // ~1.5 s of events, 2 per millisecond
            bridge.onEvent(i % 500 == 499 ? epoch(i) : batch(i));
            if (i % 2 == 1) {
                Thread.sleep(1);
            }
        }
        awaitDelivered(bridge, n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        FxEventBridge.Statistics s = bridge.statistics();
        assertEquals(n, r.events.size(), "nothing is coalesced while the display keeps up");
        for (int i = 0; i < n; i++) {
            assertEquals(i, r.events.get(i).step(), "order kept");
        }
        assertTrue(s.minIntervalNanos() >= FxEventBridge.MIN_INTERVAL_NANOS - 1_000_000,
                "drains at least 1/30 s apart, shortest was " + s.minIntervalNanos() / 1e6 + " ms");
        assertTrue(s.updates() <= seconds * FxEventBridge.MAX_UPDATES_PER_SECOND + 2,
                s.updates() + " updates in " + seconds + " s");
        assertTrue(s.updates() >= 10, "events are delivered in batches while they come: " + s.updates());
        assertTrue(s.largestBatch() > 1, "several events per update");
        // as the view sees it (its calls may jitter by scheduling): no second holds more than 30 calls, plus one
        for (int i = 0; i < r.callNanos.size(); i++) {
            long from = r.callNanos.get(i);
            long inSecond = r.callNanos.stream().filter(t -> t >= from && t < from + 1_000_000_000L).count();
            assertTrue(inSecond <= FxEventBridge.MAX_UPDATES_PER_SECOND + 1, inSecond + " view calls in one second");
        }
        assertEquals(0, s.coalesced());
    }

    @Test
    void stepEventsAloneAreDrainedTenTimesASecondAndAnyOtherEventAtOnce() throws Exception {
        FxEventBridge bridge = new FxEventBridge(fx);
        Recorder r = new Recorder();
        bridge.addView(r);
        int n = 600;
        for (int i = 0; i < n; i++) { // ~1.2 s of step events only, one every 2 ms
            bridge.onEvent(batch(i));
            Thread.sleep(2);
        }
        awaitDelivered(bridge, n);
        long stepDrains = bridge.statistics().updates();
        assertTrue(bridge.statistics().minIntervalNanos() >= FxEventBridge.BATCH_INTERVAL_NANOS - 1_000_000,
                "step events drained at least 100 ms apart, shortest was "
                        + bridge.statistics().minIntervalNanos() / 1e6 + " ms");
        assertTrue(stepDrains <= 16, stepDrains + " drains for 1.2 s of step events");
        assertEquals(n, r.events.size(), "every step event delivered");

        // a step event schedules the next drain 100 ms after the last one; an epoch end then comes sooner
        bridge.onEvent(batch(n));
        long posted = System.nanoTime();
        bridge.onEvent(epoch(n + 1));
        awaitDelivered(bridge, n + 2);
        long deliveredAfter = r.callNanos.get(r.callNanos.size() - 1) - posted;
        assertTrue(deliveredAfter < FxEventBridge.BATCH_INTERVAL_NANOS - 20_000_000L,
                "an epoch end waits at most about 1/30 s, not 1/10: " + deliveredAfter / 1e6 + " ms");
        assertInstanceOf(TrainingEvent.EpochEnd.class, r.events.get(r.events.size() - 1));
        assertTrue(bridge.statistics().minIntervalNanos() >= FxEventBridge.MIN_INTERVAL_NANOS - 1_000_000);
    }

    @Test
    void fansOutToEveryViewAndSurvivesAFailingOne() throws Exception {
        FxEventBridge bridge = new FxEventBridge(fx);
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        AtomicInteger failures = new AtomicInteger();
        bridge.setErrorHandler(e -> failures.incrementAndGet());
        bridge.addView(a);
        bridge.addView(events -> {
            throw new IllegalStateException("broken view");
        });
        bridge.addView(b);
        for (int i = 0; i < 100; i++) {
            bridge.onEvent(batch(i));
        }
        awaitDelivered(bridge, 100);
        assertEquals(100, a.events.size());
        assertEquals(a.events, b.events, "every view sees the same events");
        assertEquals(a.calls, b.calls, "in the same batches");
        assertTrue(failures.get() >= 1);
        assertEquals(failures.get(), bridge.statistics().viewFailures());

        bridge.removeView(b);
        bridge.onEvent(batch(100));
        awaitDelivered(bridge, 101);
        assertEquals(101, a.events.size());
        assertEquals(100, b.events.size(), "a removed view gets nothing more");
    }

    @Test
    void thinsOnlyBatchEventsWhenFarBehind() throws Exception {
        FxEventBridge bridge = new FxEventBridge(fx);
        Recorder r = new Recorder();
        bridge.addView(r);
        CountDownLatch release = new CountDownLatch(1);
        fx.execute(() -> { // the "FX thread" is busy: events pile up
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        int n = 10_000;
        List<Long> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean other = i % 1000 == 999;
            bridge.onEvent(other ? epoch(i) : batch(i));
            if (other) {
                kept.add((long) i);
            }
        }
        release.countDown();
        awaitDelivered(bridge, n);
        FxEventBridge.Statistics s = bridge.statistics();
        assertTrue(s.coalesced() > n / 2, "batch events thinned: " + s);
        assertEquals(n, r.events.size() + s.coalesced());
        List<Long> epochs = r.events.stream().filter(e -> e instanceof TrainingEvent.EpochEnd)
                .map(TrainingEvent::step).toList();
        assertEquals(kept, epochs, "every other event is delivered");
        for (int i = 1; i < r.events.size(); i++) {
            assertTrue(r.events.get(i).step() > r.events.get(i - 1).step(), "order kept");
        }
        assertEquals(n - 1, r.events.get(r.events.size() - 1).step(), "the latest batch event is kept");
        for (long k : kept) {
            int at = indexOfStep(r.events, k);
            assertInstanceOf(TrainingEvent.BatchEnd.class, r.events.get(at - 1));
            assertEquals(k - 1, r.events.get(at - 1).step(), "the batch event before another event is kept");
        }
    }

    private static int indexOfStep(List<TrainingEvent> events, long step) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).step() == step) {
                return i;
            }
        }
        throw new AssertionError("step " + step + " missing");
    }

    @Test
    void thinKeepsEveryNthAndTheLastOfEachRun() {
        List<TrainingEvent> in = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            in.add(batch(i));
        }
        in.add(epoch(10));
        in.add(batch(11));
        List<Long> steps = FxEventBridge.thin(in, 3).stream().map(TrainingEvent::step).toList();
        assertEquals(List.of(2L, 5L, 8L, 9L, 10L, 11L), steps);
        assertEquals(in, FxEventBridge.thin(in, 1));
    }
}
