package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

    private static TrainingEvent.BatchEnd batch(long step) {
        return new TrainingEvent.BatchEnd(0, step, (int) step, 1000, 1f, 1, 0.5, 0.1, 100, 1);
    }

    private static TrainingEvent.Warning warning(long step) {
        return new TrainingEvent.Warning(0, step, "test", "w" + step);
    }

    @Test
    void aFastListenerGetsEveryEventInOrder() throws Exception {
        EventDispatcher d = new EventDispatcher("t", 64);
        List<TrainingEvent> got = new CopyOnWriteArrayList<>();
        d.add(e -> {
            got.add(e);
        });
        List<TrainingEvent> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            TrainingEvent e = i % 7 == 0 ? warning(i) : batch(i);
            sent.add(e);
            d.publish(e);
            if (i % 50 == 0) {
                Thread.sleep(1); // let the listener catch up now and then
            }
        }
        d.finish();
        assertTrue(d.awaitDelivered(TimeUnit.SECONDS.toNanos(10)));
        // non-batch events all arrive, in order; batch events arrive in order (some may be coalesced)
        assertEquals(sent.stream().filter(e -> !(e instanceof TrainingEvent.BatchEnd)).toList(),
                got.stream().filter(e -> !(e instanceof TrainingEvent.BatchEnd)).toList());
        long last = -1;
        for (TrainingEvent e : got) {
            assertTrue(e.step() > last, "in order");
            last = e.step();
        }
        assertEquals(sent.size(), got.size() + d.coalesced());
    }

    @Test
    void aStuckListenerNeverBlocksThePublisherAndLosesOnlyBatchEvents() throws Exception {
        EventDispatcher d = new EventDispatcher("t", EventDispatcher.CAPACITY);
        CountDownLatch release = new CountDownLatch(1);
        List<TrainingEvent> got = new CopyOnWriteArrayList<>();
        d.add(e -> {
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            got.add(e);
        });
        List<TrainingEvent> others = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
            d.publish(batch(i));
            if (i % 1000 == 999) {
                TrainingEvent w = warning(i);
                others.add(w);
                d.publish(w);
            }
        }
        long publishMillis = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(publishMillis < 5_000, "publishing 200,400 events took " + publishMillis + " ms");
        TrainingEvent.BatchEnd lastBatch = batch(200_000);
        d.publish(lastBatch);
        release.countDown();
        d.finish();
        assertTrue(d.awaitDelivered(TimeUnit.SECONDS.toNanos(10)));
        assertEquals(others, got.stream().filter(e -> e instanceof TrainingEvent.Warning).toList(),
                "every non-batch event, in order");
        assertEquals(lastBatch, got.get(got.size() - 1), "the latest batch event is never lost");
        assertTrue(got.size() < 1_000, "batch events were coalesced: " + got.size() + " delivered");
        assertEquals(0, d.dropped(), "coalescing alone kept the queue bounded");
    }

    @Test
    void whenAQueueIsFullOfOtherEventsBatchEventsGoFirst() throws Exception {
        EventDispatcher d = new EventDispatcher("t", 4);
        CountDownLatch release = new CountDownLatch(1);
        List<TrainingEvent> got = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        d.add(e -> {
            first.countDown();
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            got.add(e);
        });
        d.publish(warning(0));
        first.await(); // the listener holds event 0; the queue is empty
        d.publish(batch(1));
        d.publish(warning(2));
        d.publish(warning(3));
        d.publish(warning(4));
        d.publish(warning(5)); // queue full (4): the batch event is dropped to make room
        d.publish(warning(6)); // no batch left to drop: kept anyway
        release.countDown();
        d.finish();
        assertTrue(d.awaitDelivered(TimeUnit.SECONDS.toNanos(10)));
        assertEquals(List.of(0L, 2L, 3L, 4L, 5L, 6L), got.stream().map(TrainingEvent::step).toList());
        assertEquals(1, d.dropped());
    }

    @Test
    void aThrowingListenerIsDetachedAndReportedOthersGoOn() throws Exception {
        EventDispatcher d = new EventDispatcher("t", 64);
        List<TrainingEvent> good = new CopyOnWriteArrayList<>();
        d.add(e -> {
            if (e.step() == 3) {
                throw new IllegalStateException("boom");
            }
        });
        d.add(good::add);
        for (int i = 0; i < 10; i++) {
            d.publish(warning(i));
        }
        d.finish();
        assertTrue(d.awaitDelivered(TimeUnit.SECONDS.toNanos(10)));
        assertEquals(10, good.size());
        List<String> failures = d.takeFailures();
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("boom"), failures.get(0));
        assertTrue(d.takeFailures().isEmpty(), "reported once");
    }
}
