package io.netwright.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link TrainingConfig} on a thread of its own and reports what happens as {@link TrainingEvent}s.
 *
 * <pre>{@code
 * Trainer t = Trainer.create(config, runStore.newRunDir(config));
 * t.addListener(event -> System.out.println(event));
 * t.start();
 * t.pause(); t.setLearningRate(0.01); t.resume();      // from any thread
 * t.join();
 * Trainer.resumeRun(runDir).start();                   // continue from checkpoints/last after a stop or crash
 * }</pre>
 *
 * <p><b>Control.</b> {@link #pause()}, {@link #resume()}, {@link #stop()}, {@link #setLearningRate(double)} and
 * {@link #requestSamples()} may be called from any thread at any time (before {@link #start()} they wait for it).
 * They return at once; the training thread acts on them between steps, in call order, and reports each as an event
 * ({@code Paused}, {@code Resumed}, {@code Stopped}, {@code LrChanged}, {@code Samples}). A stop finishes the
 * current step and writes {@code checkpoints/last}.
 *
 * <p><b>Non-finite values.</b> A step whose loss or gradients are NaN or infinite is not applied: the run pauses
 * itself ({@code Paused} with reason {@code NON_FINITE}, naming the step and the first layer whose gradients and
 * outputs went non-finite) with the model as it was before that step; checkpoints on disk are untouched. Lower the
 * learning rate and resume to retry the batch, or stop.
 *
 * <p><b>Reproducibility.</b> A seed fixes the weights, the split, the batch order, augmentation and dropout; a run
 * resumed from a checkpoint (also mid-epoch) continues with the same numbers an uninterrupted run has.
 */
public final class Trainer implements AutoCloseable {

    /** Where a trainer is in its life. */
    public enum State {
        /** Created, not started. */
        NEW,
        /** Training (or preparing to). */
        RUNNING,
        /** Paused between steps. */
        PAUSED,
        /** Completed. */
        FINISHED,
        /** Stopped by {@link #stop()}. */
        STOPPED,
        /** Failed. */
        FAILED;

        /** Whether the run is over. */
        public boolean isTerminal() {
            return this == FINISHED || this == STOPPED || this == FAILED;
        }
    }

    /** A control request, queued for the training thread. */
    record Command(Kind kind, double value) {
        enum Kind { PAUSE, RESUME, STOP, SET_LR, SAMPLES }
    }

    /**
     * Counters about the run's event traffic, for benchmarks and diagnostics.
     *
     * @param steps        optimizer steps taken in this session
     * @param events       events published
     * @param eventNanos   time the training thread spent publishing and recording them
     * @param activeNanos  training time of this session, pauses excluded
     * @param coalesced    batch events merged in listener queues
     * @param dropped      events dropped from full listener queues
     */
    public record Statistics(long steps, long events, long eventNanos, long activeNanos, long coalesced,
            long dropped) {
    }

    private final TrainingConfig config;
    private final Path runDir;
    private final TrainingData data;
    private final boolean resuming;
    private final TrainingConfig previousConfig;
    private final EventDispatcher dispatcher;
    private final LinkedBlockingQueue<Command> commands = new LinkedBlockingQueue<>();
    private volatile State state = State.NEW;
    private volatile TrainingLoop loop;
    private Thread thread;

    private Trainer(TrainingConfig config, Path runDir, TrainingData data, boolean resuming,
            TrainingConfig previousConfig) {
        this.config = Objects.requireNonNull(config, "config");
        this.runDir = runDir;
        this.data = data;
        this.resuming = resuming;
        this.previousConfig = previousConfig;
        String name = runDir == null || runDir.getFileName() == null ? "run" : runDir.getFileName().toString();
        this.dispatcher = new EventDispatcher("netwright-train-" + name, EventDispatcher.CAPACITY);
    }

    /**
     * A new run of {@code config}, recorded in {@code runDir} (created; it must not hold a run yet), or without a
     * folder when {@code runDir} is null (no checkpoints, nothing to resume). The data comes from the config's SPEC.
     */
    public static Trainer create(TrainingConfig config, Path runDir) {
        return new Trainer(config, runDir, null, false, null);
    }

    /** Like {@link #create(TrainingConfig, Path)} with the data given rather than resolved from the config. */
    public static Trainer create(TrainingConfig config, Path runDir, TrainingData data) {
        return new Trainer(config, runDir, Objects.requireNonNull(data, "data"), false, null);
    }

    /** Continues the run in {@code runDir} from {@code checkpoints/last} with its own config. */
    public static Trainer resumeRun(Path runDir) throws IOException {
        return resumeRun(runDir, UnaryOperator.identity(), null);
    }

    /**
     * Continues the run in {@code runDir} from {@code checkpoints/last} with its config changed by {@code change}
     * (e.g. more epochs: {@code c -> c.withEpochs(20)}) and with {@code data} (null: resolve the config's SPEC).
     * Changing anything that shapes the numbers (design, data, batch size, optimizer, schedule, augmentation, seed,
     * clipping) is allowed but reported with a warning: the continuation then differs from an uninterrupted run.
     *
     * @throws IOException if {@code runDir} is not a run folder or has no last checkpoint
     */
    public static Trainer resumeRun(Path runDir, UnaryOperator<TrainingConfig> change, TrainingData data)
            throws IOException {
        RunFolder folder = RunFolder.open(runDir);
        if (!Files.isDirectory(folder.checkpoint("last"))) {
            throw new IOException(runDir + ": no checkpoints/last to resume from — the run stopped before its first "
                    + "checkpoint; start a new run");
        }
        TrainingConfig old = folder.readConfig();
        return new Trainer(change.apply(old), runDir, data, true, old);
    }

    /** Attaches a listener; it receives every event published from now on, in order, on its own thread. */
    public Trainer addListener(TrainingListener listener) {
        dispatcher.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Starts the training thread (once). Preparation — loading data, compiling the design, restoring a checkpoint —
     * happens there too; problems are reported as a {@code Failed} event.
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("this trainer was already started — create a new Trainer for another run");
        }
        state = State.RUNNING;
        loop = new TrainingLoop(this, config, runDir, data, resuming, previousConfig, dispatcher, commands);
        thread = new Thread(loop, "netwright-trainer-" + (runDir == null || runDir.getFileName() == null ? "run"
                : runDir.getFileName()));
        thread.setDaemon(false);
        thread.start();
    }

    /** Pauses after the current step. */
    public void pause() {
        commands.add(new Command(Command.Kind.PAUSE, 0));
    }

    /** Resumes a paused run (also one paused by a non-finite loss: the failed batch is retried). */
    public void resume() {
        commands.add(new Command(Command.Kind.RESUME, 0));
    }

    /** Stops after the current step, writing {@code checkpoints/last}; the run can be resumed later. */
    public void stop() {
        commands.add(new Command(Command.Kind.STOP, 0));
    }

    /**
     * Sets the learning rate from the next step on. A schedule is rescaled (its later rates are multiplied by
     * new/old, keeping its shape). Works while paused too.
     *
     * @throws IllegalArgumentException if {@code lr} is not a positive finite number
     */
    public void setLearningRate(double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a positive finite number, got " + lr);
        }
        commands.add(new Command(Command.Kind.SET_LR, lr));
    }

    /** Asks for a {@code Samples} event with the probe predictions of the current weights. */
    public void requestSamples() {
        commands.add(new Command(Command.Kind.SAMPLES, 0));
    }

    /** The current state. */
    public State state() {
        return state;
    }

    void setState(State s) {
        state = s;
    }

    /** The configuration being run. */
    public TrainingConfig config() {
        return config;
    }

    /** The run folder, if the run has one. */
    public Optional<Path> runDir() {
        return Optional.ofNullable(runDir);
    }

    /** Event counters of this session (zeros before start). */
    public Statistics statistics() {
        TrainingLoop l = loop;
        return l == null ? new Statistics(0, 0, 0, 0, 0, 0) : l.statistics(dispatcher);
    }

    /** Waits until the run has ended and every listener has received its last event. */
    public void join() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            throw new IllegalStateException("the trainer was not started");
        }
        t.join();
        dispatcher.awaitDelivered(Long.MAX_VALUE);
    }

    /** Like {@link #join()} but gives up after {@code timeout}; true if the run ended and was delivered in time. */
    public boolean join(Duration timeout) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            throw new IllegalStateException("the trainer was not started");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        TimeUnit.NANOSECONDS.timedJoin(t, timeout.toNanos());
        if (t.isAlive()) {
            return false;
        }
        return dispatcher.awaitDelivered(Math.max(1, deadline - System.nanoTime()));
    }

    /** Stops a running trainer and waits for it (an interrupt ends the wait and is kept on the thread). */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && !state.isTerminal()) {
            stop();
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
