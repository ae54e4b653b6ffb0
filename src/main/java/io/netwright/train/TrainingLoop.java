package io.netwright.train;

import com.google.gson.JsonObject;
import io.netwright.backend.Backend;
import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import io.netwright.data.Batch;
import io.netwright.data.BatchIterator;
import io.netwright.data.DataLoader;
import io.netwright.data.Sample;
import io.netwright.data.Sampler;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.GraphModule;
import io.netwright.graph.Loss;
import io.netwright.files.ReadGuard;
import io.netwright.io.Checkpoint;
import io.netwright.io.CheckpointIO;
import io.netwright.io.TrainingState;
import io.netwright.nn.Parameter;
import io.netwright.optim.Optimizer;
import io.netwright.optim.Optimizers;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import io.netwright.train.TrainingEvent.NonFinite;
import io.netwright.train.TrainingEvent.PauseReason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;

/**
 * The body of a {@link Trainer}'s thread: prepares the run (data, model, optimizer, schedule, checkpoint), trains
 * epoch by epoch, acts on control commands between steps, and publishes every event. Nothing here is shared with
 * other threads except the command queue (in) and the dispatcher (out).
 */
final class TrainingLoop implements Runnable {

    /** Unwinds the loop when a stop is requested; handled in {@link #run()}. */
    private static final class StopSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopSignal() {
            super(null, null, false, false);
        }
    }

    // ---------------------------------------------------------------- given
    private final Trainer trainer;
    private final TrainingConfig config;
    private final Path runDir;
    private final TrainingData givenData;
    private final boolean resuming;
    private final TrainingConfig previousConfig;
    private final EventDispatcher dispatcher;
    private final BlockingQueue<Trainer.Command> commands;

    // ---------------------------------------------------------------- built by setup()
    private RunFolder folder;
    private TrainingData data;
    private Pipelines.Prepared prepared;
    private GraphModule model;
    private Loss lossKind;
    private io.netwright.nn.Loss criterion;
    private Optimizer optimizer;
    private Schedules.RunSchedule schedule;
    private Generator rng;
    private Backend backend;
    private DataLoader<Sample<Object>, Batch> trainLoader;
    private LayerMonitor monitor;
    private ProbeSet probes;
    private StepRunner steps;
    private int classes;
    private int batchesPerEpoch;
    private long totalSteps;
    private Metric bestMetric;
    private Metric earlyMetric;
    private Instant started = Instant.now();
    private final RunState st = new RunState();
    private final List<String> startWarnings = new ArrayList<>();

    // ---------------------------------------------------------------- progress of this session
    private volatile long sessionStart;
    private volatile long pausedNanos;
    private long lastStepEnd;
    private double emaStepSeconds = Double.NaN;
    private double emaImagesPerSecond = Double.NaN;
    private TrainingEvent.EpochEnd lastEpoch;
    /** The non-finite step the run paused on and has not got past yet, else null. */
    private NonFinite diverged;
    private Evaluation evaluation;
    private final Warnings warnings = new Warnings();

    // ---------------------------------------------------------------- counters (read by other threads)
    private volatile long sessionSteps;
    private volatile long events;
    private volatile long eventNanos;
    private volatile long endedAt;
    private final long[] recentSteps = new long[4096];
    private long recentCount;

    TrainingLoop(Trainer trainer, TrainingConfig config, Path runDir, TrainingData givenData, boolean resuming,
            TrainingConfig previousConfig, EventDispatcher dispatcher, BlockingQueue<Trainer.Command> commands) {
        this.trainer = trainer;
        this.config = config;
        this.runDir = runDir;
        this.givenData = givenData;
        this.resuming = resuming;
        this.previousConfig = previousConfig;
        this.dispatcher = dispatcher;
        this.commands = commands;
    }

    Trainer.Statistics statistics(EventDispatcher d) {
        long median;
        synchronized (recentSteps) {
            int n = (int) Math.min(recentCount, recentSteps.length);
            long[] copy = Arrays.copyOf(recentSteps, n);
            Arrays.sort(copy);
            median = n == 0 ? 0 : copy[n / 2];
        }
        return new Trainer.Statistics(sessionSteps, events, eventNanos, sessionStart == 0 ? 0 : activeNanos(),
                d.coalesced(), d.dropped(), median);
    }

    // ================================================================ run

    @Override
    public void run() {
        try {
            setup();
            String reason = trainEpochs();
            finish(reason);
        } catch (StopSignal s) {
            stopped();
        } catch (Throwable t) {
            failed(t);
        } finally {
            cleanup();
        }
    }

    private void cleanup() {
        endedAt = System.nanoTime();
        if (monitor != null) {
            monitor.close();
        }
        if (trainLoader != null) {
            trainLoader.close();
        }
        if (folder != null) {
            try {
                folder.release();
            } catch (IOException e) {
                dispatcher.publish(new TrainingEvent.Warning(st.epoch, st.step, "io", "could not close the logs of "
                        + runDir + ": " + e.getMessage()));
            }
        }
        dispatcher.finish();
    }

    // ================================================================ setup

    private void setup() throws IOException {
        List<String> problems = config.validate(givenData == null);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the training config has problems:\n  " + String.join("\n  ",
                    problems));
        }
        // device and data first: a run that cannot get either fails before it has a folder, so it leaves none
        String device = device();
        data = givenData != null ? givenData : TrainingData.resolve(config);
        classes = data.classes().size();
        prepared = Pipelines.prepare(data, config.design().input(), config.augmentation());
        startWarnings.addAll(prepared.warnings());
        if (runDir != null) {
            folder = resuming ? RunFolder.open(runDir) : RunFolder.create(runDir, config);
            folder.openLogs();
            if (resuming) {
                started = folder.readStatus().map(RunStatus::started).orElse(started);
            }
        }
        rng = new Generator(config.seed());
        model = DesignCompiler.compile(config.design(), rng);
        model.to(backend); // the whole step runs there; checkpoints stay device-neutral safetensors
        lossKind = config.design().head().loss();
        criterion = Predictor.mean(lossKind);
        List<Parameter> trainable = model.parameters().stream().filter(Parameter::requiresGrad).toList();
        optimizer = Optimizers.create(config.optimizer().name(), trainable, config.optimizer().options());
        int n = prepared.train().size();
        batchesPerEpoch = (n + config.batchSize() - 1) / config.batchSize();
        totalSteps = (long) batchesPerEpoch * config.epochs();
        if (config.maxSteps() > 0) {
            totalSteps = Math.min(totalSteps, config.maxSteps());
        }
        schedule = Schedules.build(config, optimizer, batchesPerEpoch, totalSteps);
        boolean hasValidation = prepared.validation() != null;
        bestMetric = fallback(config.checkpoint().bestMetric(), hasValidation, "checkpoint.best_metric");
        earlyMetric = fallback(config.earlyStopping().metric(), hasValidation || !config.earlyStopping().enabled(),
                "early_stopping.metric");
        if (schedule.plateauMetric() != null && schedule.plateauMetric().needsValidation() && !hasValidation) {
            startWarnings.add("the plateau schedule watches " + schedule.plateauMetric().key() + " but the run has "
                    + "no validation set: the learning rate will not be reduced");
        }
        monitor = new LayerMonitor(model.namedChildren());
        steps = new StepRunner(model, criterion, optimizer, schedule, monitor, rng, config.clipping(), classes);
        var probeRaw = hasValidation ? data.validation() : data.train();
        var probeView = hasValidation ? prepared.validation() : Pipelines.evaluationView(data.train(),
                config.design().input());
        probes = new ProbeSet(probeRaw, probeView, hasValidation ? "validation" : "train",
                config.monitoring().probeSamples(), config.monitoring().topK(), classes);
        if (resuming) {
            restore();
        }
        trainLoader = DataLoader.builder(prepared.train()).batchSize(config.batchSize()).seed(config.seed())
                .sampler(resumableSampler(n)).numWorkers(config.data().workers()).build();
        if (config.threads() != 0) {
            startWarnings.add("threads=" + config.threads() + " is not applied: the engine's shared backend keeps "
                    + "its own thread count (" + device + ")");
        }
        if (!resuming && config.checkpoint().keepLast()) {
            writeCheckpoint(Rollback.START, null, Double.NaN); // what a run diverging early rolls back to
        }
        sessionStart = System.nanoTime();
        lastStepEnd = sessionStart;
        emit(new TrainingEvent.Started(st.epoch, st.step, folder == null ? "" : folder.id(), config, data.classes(),
                model.numParameters(false), model.numParameters(true), device, n,
                size(prepared.validation()), size(prepared.test()), batchesPerEpoch, totalSteps, resuming,
                schedule.lr()));
        for (String w : startWarnings) {
            emit(new TrainingEvent.Warning(st.epoch, st.step, "setup", w));
        }
        status("running", "");
    }

    private static int size(io.netwright.data.Dataset<?> d) {
        return d == null ? 0 : d.size();
    }

    /** Resolves the configured device ({@code auto}: a GPU when one works) to {@link #backend}; its description. */
    private String device() {
        String d = config.device();
        Device dev = d.equals("auto") ? Devices.shared().auto() : Device.parse(d);
        if (d.equals("auto") && dev.kind() == Device.Kind.CPU) {
            startWarnings.add("device auto: training on the CPU — " + Devices.shared().whyNotAccelerated());
        }
        try {
            backend = Devices.backendFor(dev);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("device " + d + ": " + e.getMessage());
        }
        long free = backend.freeMemoryBytes();
        if (free > 0) {
            try {
                var m = new io.netwright.graph.Analyzer().analyze(config.design()).memory(config.batchSize(),
                        config.optimizer().memoryKind(), free);
                if (m.warning() != null) {
                    startWarnings.add(backend.description() + " has " + io.netwright.graph.MemoryEstimate.format(free)
                            + " free: " + m.warning().text());
                }
            } catch (RuntimeException ignored) {
                // the estimate is advice; the run goes on
            }
        }
        return backend.description();
    }

    private Metric fallback(Metric m, boolean ok, String what) {
        if (ok || !m.needsValidation()) {
            return m;
        }
        Metric f = m == Metric.VAL_LOSS ? Metric.TRAIN_LOSS : Metric.TRAIN_ACCURACY;
        startWarnings.add(what + " is " + m.key() + " but the run has no validation set: using " + f.key());
        return f;
    }

    /** The shuffled order of every epoch, minus the batches a resumed epoch has already done. */
    private Sampler resumableSampler(int n) {
        Sampler base = Sampler.shuffled(n, config.seed());
        int skipEpoch = st.epoch;
        int skip = Math.min(n, st.batchInEpoch * config.batchSize());
        return new Sampler() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public int[] indices(int epoch) {
                int[] all = base.indices(epoch);
                return epoch == skipEpoch && skip > 0 ? Arrays.copyOfRange(all, skip, n) : all;
            }
        };
    }

    private void restore() throws IOException {
        Path last = folder.checkpoint("last");
        RunState saved = ReadGuard.read(last, "checkpoint of this run", "resume from checkpoints/best or start a "
                + "new run", () -> {
                    Checkpoint c = Resumption.scalarsRestored(CheckpointIO.load(last), model);
                    TrainingState.restore(c, model, optimizer, schedule, rng);
                    return Resumption.progress(c, last);
                });
        st.epoch = saved.epoch;
        st.batchInEpoch = saved.batchInEpoch;
        st.step = saved.step;
        st.lossSum = saved.lossSum;
        st.correct = saved.correct;
        st.count = saved.count;
        st.bestValue = saved.bestValue;
        st.bestEpoch = saved.bestEpoch;
        st.earlyBest = saved.earlyBest;
        st.earlyBad = saved.earlyBad;
        st.activeSeconds = saved.activeSeconds;
        folder.closeLogs();
        folder.truncateMetrics(st.step, st.epoch);
        folder.openLogs();
        ReadGuard.read(folder.dir().resolve(RunFolder.EVENTS), "run's event log", "the sample history starts "
                + "afresh if you move the file away", () -> {
                    probes.restore(folder.readEvents(), st.step);
                    return null;
                });
        if (previousConfig != null && previousConfig.optimizer().lr() != config.optimizer().lr()) {
            // the checkpoint restored the old rate: rescale it (and the schedule) to the new base rate
            schedule.setLr(schedule.lr() * config.optimizer().lr() / previousConfig.optimizer().lr());
        }
        if (previousConfig != null && !previousConfig.equals(config)) {
            // running first: killed after the config grows (resume --epochs), the run must not still read finished
            status("running", "");
            folder.writeConfig(config);
            List<String> changed = Resumption.numericChanges(previousConfig, config);
            if (!changed.isEmpty()) {
                startWarnings.add("resumed with a changed " + String.join(", ", changed) + ": the continuation will "
                        + "differ from an uninterrupted run");
            }
        }
    }

    // ================================================================ epochs and steps

    /** Trains until the end; returns the reason it ended. */
    private String trainEpochs() {
        while (st.epoch < config.epochs()) {
            long epochStart = activeNanos();
            model.train();
            try (BatchIterator<Batch> it = trainLoader.iterator(st.epoch)) {
                while (true) {
                    control();
                    if (!it.hasNext()) {
                        break;
                    }
                    try (Batch b = it.next()) {
                        while (!trainStep(b)) {
                            // paused on a non-finite step and resumed: retry the same batch
                            model.train();
                        }
                    }
                    if (config.maxSteps() > 0 && st.step >= config.maxSteps()) {
                        if (st.batchInEpoch == batchesPerEpoch) {
                            endEpoch(epochStart);
                        }
                        return "max_steps";
                    }
                }
            }
            if (endEpoch(epochStart)) {
                return "early_stopping";
            }
        }
        return "completed";
    }

    /** One step on {@code b}; false if it was not applied (non-finite) and the run paused and then resumed. */
    private boolean trainStep(Batch b) {
        int every = config.monitoring().healthEverySteps();
        StepRunner.Result r;
        try {
            r = steps.step(b, st.step, every > 0 && (st.step + 1) % every == 0);
        } catch (RuntimeException e) {
            if (!(e instanceof io.netwright.backend.OutOfDeviceMemory)) {
                throw e;
            }
            String why = outOfMemory(e);
            emit(new TrainingEvent.Warning(st.epoch, st.step, "out_of_memory", why));
            pause(PauseReason.OUT_OF_MEMORY, null, why);
            return false;
        }
        if (r.nonFinite() != null) {
            diverged = r.nonFinite();
            emit(warnings.once(st.epoch, st.step, "non_finite", "", r.nonFinite().describe(st.step)));
            pause(PauseReason.NON_FINITE, r.nonFinite(), r.nonFinite().describe(st.step));
            return false;
        }
        afterStep(b.size(), r.loss(), r.correct(), r.lr(), r.layers());
        return true;
    }

    private void afterStep(int n, float loss, long correct, double lr, List<TrainingEvent.LayerHealth> layers) {
        diverged = null;
        st.step++;
        st.batchInEpoch++;
        st.lossSum += (double) loss * n;
        st.correct += correct;
        st.count += n;
        sessionSteps++;
        long now = System.nanoTime();
        double dt = (now - lastStepEnd) / 1e9;
        synchronized (recentSteps) {
            recentSteps[(int) (recentCount++ % recentSteps.length)] = now - lastStepEnd;
        }
        lastStepEnd = now;
        emaStepSeconds = Double.isNaN(emaStepSeconds) ? dt : 0.9 * emaStepSeconds + 0.1 * dt;
        double ips = n / Math.max(dt, 1e-9);
        emaImagesPerSecond = Double.isNaN(emaImagesPerSecond) ? ips : 0.9 * emaImagesPerSecond + 0.1 * ips;
        double eta = Math.max(0, totalSteps - st.step) * emaStepSeconds;
        emit(new TrainingEvent.BatchEnd(st.epoch, st.step, st.batchInEpoch, batchesPerEpoch, loss, st.meanLoss(),
                st.accuracy(), lr, emaImagesPerSecond, eta));
        if (layers != null) {
            emit(new TrainingEvent.Health(st.epoch, st.step, layers));
            warnings.health(st.epoch, st.step, layers).forEach(this::emit);
        }
        TrainingEvent.Warning spike = warnings.loss(st.epoch, st.step, loss);
        if (spike != null) {
            emit(spike);
        }
        int every = config.checkpoint().everySteps();
        if (every > 0 && st.step % every == 0) {
            saveLast();
        }
    }

    /** Validates, reports, checkpoints; returns true when early stopping ends the run. */
    private boolean endEpoch(long epochStart) {
        Predictor.Predictions val = prepared.validation() == null ? null
                : Predictor.predict(model, lossKind, prepared.validation(), classes, config.batchSize(),
                config.data().workers());
        int k = config.monitoring().topK();
        TrainingEvent.EpochEnd e = new TrainingEvent.EpochEnd(st.epoch, st.step, st.meanLoss(), st.accuracy(),
                val == null ? Double.NaN : val.meanLoss(), val == null ? Double.NaN : val.accuracy(),
                val == null ? Double.NaN : val.topKAccuracy(k), k, schedule.lr(),
                (activeNanos() - epochStart) / 1e9);
        emit(e);
        lastEpoch = e;
        Map<Metric, Double> m = e.metrics();
        schedule.afterEpoch(m, st.step);
        if (!probes.isEmpty()) {
            emit(probes.predict(model, lossKind, st.epoch, st.step));
        }
        double bestValue = m.get(bestMetric);
        boolean improved = bestMetric.improves(bestValue, st.bestValue, 0);
        if (improved) {
            st.bestValue = bestValue;
            st.bestEpoch = st.epoch;
        }
        boolean stopEarly = false;
        EarlyStopping es = config.earlyStopping();
        if (es.enabled()) {
            double v = m.get(earlyMetric);
            if (earlyMetric.improves(v, st.earlyBest, es.minDelta())) {
                st.earlyBest = v;
                st.earlyBad = 0;
            } else {
                st.earlyBad++;
            }
            stopEarly = st.earlyBad >= es.patience();
        }
        st.epoch++;
        st.resetEpoch();
        if (improved && config.checkpoint().keepBest()) {
            saveCheckpoint("best", bestMetric, bestValue);
        }
        int every = config.checkpoint().everyEpochs();
        boolean last = st.epoch >= config.epochs() || stopEarly
                || (config.maxSteps() > 0 && st.step >= config.maxSteps());
        if (every > 0 && st.epoch % every == 0 && !last) {
            saveLast();
        }
        status("running", "");
        return stopEarly;
    }

    // ================================================================ control

    /** Acts on every queued command (between steps). */
    private void control() {
        Trainer.Command c;
        while ((c = commands.poll()) != null) {
            switch (c.kind()) {
                case PAUSE -> pause(PauseReason.USER, null, "paused by the user");
                case RESUME -> {
                    // not paused: nothing to resume
                }
                case STOP -> throw new StopSignal();
                case SET_LR -> setLr(c.value());
                case SAMPLES -> samples();
            }
        }
    }

    /**
     * The message of an out-of-memory pause: where, the batch size, the design's training-memory estimate for it and
     * the device's own words.
     */
    private String outOfMemory(RuntimeException e) {
        String estimate;
        try {
            estimate = io.netwright.graph.MemoryEstimate.format(new io.netwright.graph.Analyzer()
                    .analyze(config.design()).memory(config.batchSize(), config.optimizer().memoryKind(), 0)
                    .totalBytes());
        } catch (RuntimeException ignored) {
            estimate = "unknown";
        }
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return "out of device memory at step " + (st.step + 1) + " with batch size " + config.batchSize()
                + " (training-memory estimate " + estimate + "): " + (nl < 0 ? m : m.substring(0, nl))
                + " — the step was not applied and the checkpoints are intact; resume to retry, or stop and continue "
                + "with a smaller batch or on another device";
    }

    /** Publishes the pause and waits for resume (returns) or stop (throws). */
    private void pause(PauseReason reason, NonFinite detail, String message) {
        status("paused", message); // on disk before anyone sees the state change
        trainer.setState(Trainer.State.PAUSED);
        emit(new TrainingEvent.Paused(st.epoch, st.step, reason, detail));
        long t0 = System.nanoTime();
        try {
            while (true) {
                Trainer.Command c = commands.take();
                switch (c.kind()) {
                    case RESUME -> {
                        pausedNanos += System.nanoTime() - t0;
                        lastStepEnd = System.nanoTime();
                        trainer.setState(Trainer.State.RUNNING);
                        emit(new TrainingEvent.Resumed(st.epoch, st.step));
                        status("running", "");
                        return;
                    }
                    case PAUSE -> {
                        // already paused
                    }
                    case STOP -> throw new StopSignal();
                    case SET_LR -> setLr(c.value());
                    case SAMPLES -> samples();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopSignal();
        }
    }

    private void setLr(double lr) {
        double old = schedule.lr();
        schedule.setLr(lr);
        emit(new TrainingEvent.LrChanged(st.epoch, st.step, old, lr));
    }

    private void samples() {
        if (!probes.isEmpty()) {
            emit(probes.predict(model, lossKind, st.epoch, st.step));
        }
    }

    // ================================================================ checkpoints and endings

    private Path saveLast() {
        return config.checkpoint().keepLast() ? saveCheckpoint("last", null, Double.NaN) : null;
    }

    private Path saveCheckpoint(String kind, Metric metric, double value) {
        if (folder == null) {
            return null;
        }
        Path dir = writeCheckpoint(kind, metric, value);
        emit(new TrainingEvent.CheckpointSaved(st.epoch, st.step, kind, dir, metric, value));
        return dir;
    }

    /** Writes checkpoint {@code kind} of the current state without announcing it. */
    private Path writeCheckpoint(String kind, Metric metric, double value) {
        if (folder == null) {
            return null;
        }
        Path dir = folder.checkpoint(kind);
        double before = st.activeSeconds;
        st.activeSeconds = elapsedSeconds();
        try {
            Checkpoint c = TrainingState.capture(model, optimizer, schedule,
                    new TrainingState.Progress(st.epoch, st.step, st.bestValue), rng, ConfigJson.tree(config));
            JsonObject meta = c.meta();
            meta.add("trainer", st.toJson());
            meta.addProperty("kind", kind);
            CheckpointIO.save(dir, new Checkpoint(c.model(), c.optimizerTensors(), meta));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing checkpoint " + dir + " failed: " + e.getMessage()
                    + " — check the free space and permissions of " + folder.dir(), e);
        } finally {
            st.activeSeconds = before;
        }
        return dir;
    }

    private void finish(String reason) throws IOException {
        var split = prepared.test() != null ? prepared.test() : prepared.validation();
        if (split != null) {
            Predictor.Predictions p = Predictor.predict(model, lossKind, split, classes, config.batchSize(),
                    config.data().workers());
            evaluation = Evaluation.compute(data.evaluationSplitName(), data.classes(), p.probabilities(),
                    p.labels(), p.losses(), config.monitoring().topK(), config.monitoring().misclassified(),
                    probes.histories());
            if (folder != null) {
                folder.writeEvaluation(evaluation);
            }
            emit(new TrainingEvent.Evaluated(st.epoch, st.step, evaluation));
        }
        saveLast();
        trainer.setState(Trainer.State.FINISHED);
        status("finished", reason);
        emit(new TrainingEvent.Finished(st.epoch, st.step, reason, elapsedSeconds(), finalMetrics()));
    }

    private Map<String, Double> finalMetrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        if (lastEpoch != null) {
            lastEpoch.metrics().forEach((k, v) -> {
                if (!Double.isNaN(v)) {
                    m.put(k.key(), v);
                }
            });
        }
        if (evaluation != null) {
            String p = evaluation.split().equals("test") ? "test" : "eval";
            m.put(p + "_loss", evaluation.loss());
            m.put(p + "_accuracy", evaluation.accuracy());
        }
        return m;
    }

    private void stopped() {
        if (diverged != null) {
            stoppedDiverged();
            return;
        }
        Path ckpt = null;
        try {
            ckpt = saveLast();
            trainer.setState(Trainer.State.STOPPED);
            status("stopped", "stopped by the user");
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        emit(new TrainingEvent.Stopped(st.epoch, st.step, ckpt));
    }

    /**
     * Stopped while paused on a non-finite loss: the weights in the model are bad, so instead of saving them
     * {@code checkpoints/last} is rolled back to before the divergence, and {@code run.json} says it diverged.
     */
    private void stoppedDiverged() {
        Path ckpt = null;
        String where = "";
        try {
            if (folder != null) {
                var kept = Rollback.toBefore(folder, st.step);
                ckpt = kept.isPresent() ? folder.checkpoint("last") : null;
                where = kept.isPresent() ? "; checkpoints/last is from step " + kept.getAsLong() + ", before the "
                        + "divergence" : "; no checkpoint predates the divergence — start a new run";
            }
            trainer.setState(Trainer.State.STOPPED);
            status("diverged", diverged.describe(st.step).replace(" and resume", " and resume from the last "
                    + "checkpoint") + where);
        } catch (IOException | RuntimeException e) {
            failed(e);
            return;
        }
        emit(new TrainingEvent.Stopped(st.epoch, st.step, ckpt));
    }

    private void failed(Throwable t) {
        trainer.setState(Trainer.State.FAILED);
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        TrainingEvent.Failed f = new TrainingEvent.Failed(st.epoch, st.step, message, t);
        try {
            status("failed", message);
            emit(f);
        } catch (RuntimeException e) {
            t.addSuppressed(e);
            dispatcher.publish(f);
        }
    }

    // ================================================================ events, status, time

    private void emit(TrainingEvent e) {
        long t0 = System.nanoTime();
        if (folder != null && folder.logsOpen()) {
            record(e);
        }
        dispatcher.publish(e);
        events++;
        eventNanos += System.nanoTime() - t0;
        if (e instanceof TrainingEvent.Warning w && w.code().equals("listener")) {
            return;
        }
        for (String failure : dispatcher.takeFailures()) {
            emit(new TrainingEvent.Warning(st.epoch, st.step, "listener", failure));
        }
    }

    /** Appends the event to the run's logs: batches only on logged steps, everything else always. */
    private void record(TrainingEvent e) {
        if (e instanceof TrainingEvent.BatchEnd b) {
            boolean logged = b.step() % config.monitoring().logEverySteps() == 0 || b.batch() == b.batches();
            if (!logged) {
                return;
            }
            folder.appendMetrics(MetricRow.of(b, elapsedSeconds()));
        } else if (e instanceof TrainingEvent.EpochEnd ep) {
            folder.appendMetrics(MetricRow.of(ep, elapsedSeconds()));
        }
        folder.appendEvent(EventJson.line(e, Instant.now(), folder.dir()));
        folder.flush();
    }

    private void status(String state, String message) {
        if (folder == null) {
            return;
        }
        try {
            folder.writeStatus(new RunStatus(state, started, Instant.now(), st.epoch, st.step, finalMetrics(),
                    message));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing " + folder.dir().resolve(RunFolder.STATUS) + " failed: "
                    + e.getMessage(), e);
        }
    }

    private long activeNanos() {
        long end = endedAt != 0 ? endedAt : System.nanoTime();
        return end - sessionStart - pausedNanos;
    }

    private double elapsedSeconds() {
        return st.activeSeconds + (sessionStart == 0 ? 0 : activeNanos() / 1e9);
    }
}
