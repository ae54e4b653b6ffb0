package io.netwright.ui.run;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is unavailable while a run is active: a timer thread posts a tiny task to the FX
 * thread every {@link #PERIOD_MILLIS} ms (only one at a time) and records the time from posting to running. A
 * pulse that renders the charts, a slow view or any other work on the FX thread shows up as that delay; the worst
 * one is the stall to report (the budget is 100 ms). Unlike an {@code AnimationTimer} the probe does not
 * force a pulse every frame, so it costs the run nothing measurable.
 *
 * <pre>{@code probe.start(); ... probe.stop(); probe.worstStallMillis();}</pre>
 */
public final class FxStallProbe {

    /** How often the probe posts to the FX thread. */
    public static final long PERIOD_MILLIS = 25;

    private final Executor fx;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private ScheduledFuture<?> task;
    private volatile long worstNanos;
    private volatile long samples;
    private volatile long totalNanos;

    /** A probe of the JavaFX application thread. */
    public FxStallProbe() {
        this(Platform::runLater);
    }

    /** A probe of the thread behind {@code fxExecutor}. */
    public FxStallProbe(Executor fxExecutor) {
        this.fx = fxExecutor;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netwright-fx-stall-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts probing (no-op if running); the worst case accumulates until {@link #reset()}. */
    public synchronized void start() {
        if (task != null) {
            return;
        }
        task = timer.scheduleAtFixedRate(this::post, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops probing; the figures stay. */
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    /** Whether the probe is running. */
    public synchronized boolean isRunning() {
        return task != null;
    }

    /** Forgets the figures. */
    public void reset() {
        worstNanos = 0;
        samples = 0;
        totalNanos = 0;
    }

    private void post() {
        if (!inFlight.compareAndSet(false, true)) {
            return; // the previous probe still waits: its delay is growing and will be recorded when it runs
        }
        long posted = System.nanoTime();
        fx.execute(() -> {
            long d = System.nanoTime() - posted;
            worstNanos = Math.max(worstNanos, d);
            totalNanos += d;
            samples++;
            inFlight.set(false);
        });
    }

    /** The longest the FX thread kept a probe waiting, in milliseconds. */
    public double worstStallMillis() {
        return worstNanos / 1e6;
    }

    /** The mean probe delay in milliseconds (0 before the first probe). */
    public double meanDelayMillis() {
        long n = samples;
        return n == 0 ? 0 : totalNanos / 1e6 / n;
    }

    /** Probes completed. */
    public long samples() {
        return samples;
    }
}
