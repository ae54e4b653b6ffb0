package io.netwright.ui.run;

import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Carries a run's {@link TrainingEvent}s from the trainer's listener thread to the studio's {@link TrainingView}s
 * on the FX thread, in order and in batches, at most {@link #MAX_UPDATES_PER_SECOND} times a second.
 *
 * <p>The listener thread only appends to a lock-free queue and, when no drain is pending soon enough, schedules one:
 * at once if the last drain was long enough ago, else when the interval has passed — {@link #MIN_INTERVAL_NANOS} for
 * events that change what a person sees at once (pause, stop, warnings, epochs), {@link #BATCH_INTERVAL_NANOS} while
 * only step events wait. Nothing runs on the FX thread
 * while no events arrive (no timer forcing pulses), the FX thread never waits on the trainer and the trainer never
 * waits on the FX thread. When a drain finds more than {@link #COALESCE_ABOVE} events queued (the display fell far
 * behind), runs of consecutive {@code BatchEnd} events are thinned to every n-th and the last, whose running
 * figures cover the skipped steps; every other event is always delivered.
 *
 * <pre>{@code
 * FxEventBridge bridge = new FxEventBridge();
 * bridge.addView(charts);
 * bridge.attach(trainer);   // on the FX thread, before trainer.start(): views get runStarted(trainer)
 * }</pre>
 */
public final class FxEventBridge implements TrainingListener {

    /** The most drains (view updates) per second. */
    public static final int MAX_UPDATES_PER_SECOND = 30;

    /** Minimum time between two drains. */
    public static final long MIN_INTERVAL_NANOS = 1_000_000_000L / MAX_UPDATES_PER_SECOND;

    /**
     * Time between two drains while only step events ({@code BatchEnd}, {@code Health}) wait: nothing a person reads
     * changes faster (the progress line and the charts show at most once a second), and every drain wakes the FX
     * thread and walks every view. Any other event (pause, stop, a warning, the end) is drained within
     * {@link #MIN_INTERVAL_NANOS}.
     */
    public static final long BATCH_INTERVAL_NANOS = 100_000_000L;

    /** Queued events above which batch events are thinned. */
    public static final int COALESCE_ABOVE = 2_000;

    /**
     * Counters for tests and diagnostics.
     *
     * @param updates          drains that delivered at least one event
     * @param events           events delivered
     * @param coalesced        batch events skipped by thinning
     * @param largestBatch     the most events delivered in one drain
     * @param minIntervalNanos the shortest time between two drains (Long.MAX_VALUE before the second)
     * @param viewFailures     exceptions thrown by views (each reported to the error handler)
     */
    public record Statistics(long updates, long events, long coalesced, int largestBatch, long minIntervalNanos,
            long viewFailures) {
    }

    private record Queued(long generation, TrainingEvent event) {
    }

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** When the drain scheduled next is due (System.nanoTime()), Long.MAX_VALUE when none is. */
    private final AtomicLong drainDue = new AtomicLong(Long.MAX_VALUE);
    private final List<TrainingView> views = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, Long> viewNanos = new java.util.concurrent.ConcurrentHashMap<>();
    private final Executor fx;
    private final ScheduledExecutorService timer;
    private volatile long generation;
    private volatile long lastDrainNanos = Long.MIN_VALUE / 2;
    private volatile Consumer<Throwable> errorHandler = e -> Thread.currentThread().getUncaughtExceptionHandler()
            .uncaughtException(Thread.currentThread(), e);
    // statistics: written on the drain thread only, read anywhere
    private volatile long updates;
    private volatile long events;
    private volatile long coalesced;
    private volatile int largestBatch;
    private volatile long minInterval = Long.MAX_VALUE;
    private volatile long viewFailures;

    /** A bridge draining on the JavaFX application thread. */
    public FxEventBridge() {
        this(Platform::runLater);
    }

    /**
     * A bridge draining on {@code fxExecutor} (tests use a single-thread executor in place of the FX thread). The
     * executor must run tasks one at a time, in order.
     */
    public FxEventBridge(Executor fxExecutor) {
        this.fx = Objects.requireNonNull(fxExecutor, "fxExecutor");
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netwright-fx-bridge");
            t.setDaemon(true);
            return t;
        });
    }

    // ================================================================ views and runs

    /** Adds a view; it receives the events of the current run from the next drain on. */
    public void addView(TrainingView view) {
        views.add(Objects.requireNonNull(view, "view"));
    }

    /** Removes a view. */
    public void removeView(TrainingView view) {
        views.remove(view);
    }

    /** Tells every view that the document changed with no run active ({@link TrainingView#documentChanged}). */
    public void documentChanged() {
        for (TrainingView v : List.copyOf(views)) {
            try {
                v.documentChanged();
            } catch (RuntimeException e) {
                errorHandler.accept(e);
            }
        }
    }

    /** The views, in the order they were added. */
    public List<TrainingView> views() {
        return List.copyOf(views);
    }

    /** Where exceptions thrown by views go (default: the thread's uncaught-exception handler). */
    public void setErrorHandler(Consumer<Throwable> handler) {
        this.errorHandler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Follows {@code trainer} from now on: forgets the events of any previous run still queued, calls
     * {@link TrainingView#runStarted} on every view and listens to the trainer. Call on the drain (FX) thread, before
     * {@code trainer.start()} so no event is missed.
     */
    public void attach(Trainer trainer) {
        long gen = ++generation;
        for (TrainingView v : views) {
            try {
                v.runStarted(trainer);
            } catch (RuntimeException e) {
                viewFailures++;
                errorHandler.accept(e);
            }
        }
        trainer.addListener(e -> enqueue(gen, e));
    }

    /**
     * Queues an event of the current run (the bridge can also be added to a trainer directly as its listener; then
     * call {@link #attach} only to announce the run, or deliver events of the current generation by this method).
     */
    @Override
    public void onEvent(TrainingEvent event) {
        enqueue(generation, event);
    }

    private void enqueue(long gen, TrainingEvent event) {
        queue.add(new Queued(gen, Objects.requireNonNull(event, "event")));
        queued.incrementAndGet();
        boolean steps = event instanceof TrainingEvent.BatchEnd || event instanceof TrainingEvent.Health;
        scheduleDrain(steps ? BATCH_INTERVAL_NANOS : MIN_INTERVAL_NANOS);
    }

    /**
     * Makes sure a drain comes {@code interval} after the last one at the latest: schedules one unless an earlier
     * one is already due. A drain scheduled for later than one scheduled since is superseded and does nothing.
     */
    private void scheduleDrain(long interval) {
        while (true) {
            long pending = drainDue.get(); // read before lastDrainNanos: a drain updates that first
            long due = lastDrainNanos + interval;
            if (pending <= due) {
                return;
            }
            if (drainDue.compareAndSet(pending, due)) {
                long wait = due - System.nanoTime();
                if (wait <= 0) {
                    fx.execute(() -> drain(due));
                } else {
                    // a timer thread, not an FX animation, which would force a pulse every frame while it waits
                    timer.schedule(() -> fx.execute(() -> drain(due)), wait, TimeUnit.NANOSECONDS);
                }
                return;
            }
        }
    }

    // ================================================================ the drain (FX thread)

    private void drain(long due) {
        if (drainDue.get() != due) {
            return; // superseded by a drain scheduled earlier, which has run or will
        }
        long now = System.nanoTime();
        long gap = now - lastDrainNanos;
        if (gap < MIN_INTERVAL_NANOS) { // scheduled from the time of the drain before the last: wait a little more
            if (drainDue.compareAndSet(due, Long.MAX_VALUE)) {
                scheduleDrain(MIN_INTERVAL_NANOS);
            }
            return;
        }
        lastDrainNanos = now;
        // from here on a new event schedules a new drain (if this fails, one was scheduled meanwhile from the old
        // time: it finds the gap too short and waits); the events already queued are taken below
        drainDue.compareAndSet(due, Long.MAX_VALUE);
        List<TrainingEvent> batch = new ArrayList<>();
        long gen = generation;
        Queued q;
        int backlog = queued.get();
        while ((q = queue.poll()) != null) {
            queued.decrementAndGet();
            if (q.generation() == gen) {
                batch.add(q.event());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        if (backlog > COALESCE_ABOVE) {
            int before = batch.size();
            batch = thin(batch, (backlog + COALESCE_ABOVE - 1) / COALESCE_ABOVE);
            coalesced += before - batch.size();
        }
        if (updates > 0) {
            minInterval = Math.min(minInterval, gap);
        }
        updates++;
        events += batch.size();
        largestBatch = Math.max(largestBatch, batch.size());
        List<TrainingEvent> view = List.copyOf(batch);
        for (TrainingView v : views) {
            long t0 = System.nanoTime();
            try {
                v.onEvents(view);
                viewNanos.merge(v.getClass().getSimpleName(), System.nanoTime() - t0, Long::sum);
            } catch (RuntimeException e) {
                viewFailures++;
                errorHandler.accept(e);
            }
        }
    }

    /**
     * Keeps every {@code keepEvery}-th event of each run of consecutive {@code BatchEnd} events, and always the run's
     * last one; every other event is kept. Order is preserved.
     */
    static List<TrainingEvent> thin(List<TrainingEvent> events, int keepEvery) {
        if (keepEvery <= 1) {
            return events;
        }
        List<TrainingEvent> out = new ArrayList<>(events.size() / keepEvery + 16);
        int inRun = 0;
        for (int i = 0; i < events.size(); i++) {
            TrainingEvent e = events.get(i);
            if (!(e instanceof TrainingEvent.BatchEnd)) {
                out.add(e);
                inRun = 0;
                continue;
            }
            boolean lastOfRun = i + 1 == events.size() || !(events.get(i + 1) instanceof TrainingEvent.BatchEnd);
            if (inRun % keepEvery == keepEvery - 1 || lastOfRun) {
                out.add(e);
            }
            inRun++;
        }
        return out;
    }

    // ================================================================ statistics

    /** Events waiting for the next drain. */
    public int pending() {
        return queued.get();
    }

    /** FX-thread time spent in each view's {@code onEvents} so far, by the view's class name, in nanoseconds. */
    public java.util.Map<String, Long> viewNanos() {
        return new java.util.TreeMap<>(viewNanos);
    }

    /** Counts of what the bridge delivered so far. */
    public Statistics statistics() {
        return new Statistics(updates, events, coalesced, largestBatch, minInterval, viewFailures);
    }
}
