package io.netwright.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FxTimerTest {

    @Test
    void ticksOnTheGivenThreadUntilStopped() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
        try {
            AtomicInteger ticks = new AtomicInteger();
            AtomicInteger offThread = new AtomicInteger();
            FxTimer t = FxTimer.every(Duration.ofMillis(10), () -> {
                ticks.incrementAndGet();
                if (!Thread.currentThread().getName().equals("fake-fx")) {
                    offThread.incrementAndGet();
                }
            }, "test-timer", fx);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ticks.get() < 3 && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            t.stop();
            assertFalse(t.isRunning());
            assertTrue(ticks.get() >= 3, "ticks: " + ticks.get());
            assertEquals(0, offThread.get());
            fx.submit(() -> { }).get(); // a tick posted before stop has run
            int after = ticks.get();
            Thread.sleep(60);
            assertEquals(after, ticks.get(), "no tick after stop");
        } finally {
            fx.shutdownNow();
        }
    }

    @Test
    void ticksDoNotPileUpBehindABusyThread() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger ticks = new AtomicInteger();
            fx.submit(() -> sleep(150)); // the "FX thread" is busy for 15 periods
            FxTimer t = FxTimer.every(Duration.ofMillis(10), ticks::incrementAndGet, "test-timer", fx);
            Thread.sleep(100);
            t.stop();
            fx.submit(() -> { }).get();
            assertTrue(ticks.get() <= 2, "ticks run after the busy task: " + ticks.get());
        } finally {
            fx.shutdownNow();
        }
    }

    @Test
    void rejectsANonPositivePeriod() {
        assertThrows(IllegalArgumentException.class, () -> FxTimer.every(Duration.ZERO, () -> { }, "t", r -> { }));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
