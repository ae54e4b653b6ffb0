package io.netwright.ui.run;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Runs a task on the FX thread every {@code period}, timed by a daemon thread of its own, for work that happens
 * seldom (the autosave every 15 s). Not a {@code Timeline}: while any JavaFX animation runs, the toolkit pulses every
 * frame (about 60 scene pulses a second, each walking the whole scene graph of every tab), even when its next key
 * frame is seconds away — on a 2-core machine that alone took more CPU than every live view of a training run.
 * At most one tick waits for the FX thread at a time; ticks that would pile up behind a busy FX thread are skipped.
 *
 * <pre>{@code FxTimer autosave = FxTimer.every(Duration.ofSeconds(15), this::autosave, "netwright-autosave");
 * ... autosave.stop();}</pre>
 */
public final class FxTimer {

    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> ticks;
    private final AtomicBoolean waiting = new AtomicBoolean();

    private FxTimer(long periodNanos, Runnable task, String threadName, Executor fx) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + periodNanos + " ns");
        }
        Objects.requireNonNull(task, "task");
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        ticks = timer.scheduleAtFixedRate(() -> {
            if (waiting.compareAndSet(false, true)) {
                fx.execute(() -> {
                    waiting.set(false);
                    task.run();
                });
            }
        }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on the FX thread every {@code period} (first after one period) until {@link #stop()}. */
    public static FxTimer every(java.time.Duration period, Runnable task, String threadName) {
        return new FxTimer(period.toNanos(), task, threadName, Platform::runLater);
    }

    /** As {@link #every(java.time.Duration, Runnable, String)}, running the task on {@code fx} (tests). */
    static FxTimer every(java.time.Duration period, Runnable task, String threadName, Executor fx) {
        return new FxTimer(period.toNanos(), task, threadName, fx);
    }

    /** No more ticks; a tick already posted still runs. */
    public void stop() {
        ticks.cancel(false);
        timer.shutdown();
    }

    /** Whether ticks still come. */
    public boolean isRunning() {
        return !ticks.isCancelled();
    }
}
