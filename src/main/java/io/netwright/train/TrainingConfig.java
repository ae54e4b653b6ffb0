package io.netwright.train;

import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.Problem;
import io.netwright.nn.Parameter;
import io.netwright.optim.Optimizers;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a training run needs: the design, the data and its split, batch size, length (epochs, optionally a
 * step limit), optimizer, learning-rate schedule, augmentation, seed, device, thread count, checkpoint policy,
 * early stopping, gradient clipping and what to monitor. Immutable; {@code with...} methods return changed copies;
 * {@link #toJson()} / {@link #fromJson(String)} round-trip it exactly (the run folder's {@code config.json}).
 *
 * <pre>{@code
 * TrainingConfig cfg = TrainingConfig.of(DesignFiles.read(Path.of("samples/designs/lenet5.json")))
 *         .withEpochs(3).withOptimizer(OptimizerConfig.sgd(0.05, 0.9)).withSeed(42);
 * }</pre>
 *
 * @param design        the network design (its {@code input.dataset} is the default data SPEC)
 * @param data          data SPEC, split and loader workers
 * @param batchSize     samples per step
 * @param epochs        passes over the training set
 * @param maxSteps      stop after this many optimizer steps even if epochs remain (0: no limit)
 * @param optimizer     optimizer and options
 * @param schedule      learning-rate schedule with optional warm-up
 * @param augmentation  random augmentation of training images
 * @param seed          fixes weights, split, order, augmentation and dropout
 * @param device        {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto}
 * @param threads       compute threads (0: the engine's default, all cores)
 * @param checkpoint    checkpoint policy
 * @param earlyStopping early stopping (patience 0: off)
 * @param clipping      gradient clipping
 * @param monitoring    logging, health, probes and evaluation sizes
 */
public record TrainingConfig(Design design, DataConfig data, int batchSize, int epochs, long maxSteps,
        OptimizerConfig optimizer, ScheduleConfig schedule, Augmentation augmentation, long seed, String device,
        int threads, CheckpointPolicy checkpoint, EarlyStopping earlyStopping, Clipping clipping,
        Monitoring monitoring) {

    /** Checks every field that can be checked without building anything. */
    public TrainingConfig {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        Objects.requireNonNull(clipping, "clipping");
        Objects.requireNonNull(monitoring, "monitoring");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch_size must be >= 1, got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (maxSteps < 0) {
            throw new IllegalArgumentException("max_steps must be >= 0 (0 = no limit), got " + maxSteps);
        }
        device = Objects.requireNonNullElse(device, "cpu").trim().toLowerCase(java.util.Locale.ROOT);
        if (!device.equals("auto")) {
            io.netwright.backend.Device.parse(device);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = all cores), got " + threads);
        }
    }

    /**
     * Defaults for {@code design}: its dataset with 10% validation, batch 64, 10 epochs, SGD lr 0.01 momentum 0.9,
     * constant rate, no augmentation, seed 42, CPU, checkpoints every epoch and by validation loss.
     */
    public static TrainingConfig of(Design design) {
        return new TrainingConfig(design, DataConfig.of(""), 64, 10, 0, OptimizerConfig.sgd(0.01, 0.9),
                ScheduleConfig.none(), Augmentation.none(), 42, "cpu", 0, CheckpointPolicy.defaults(),
                EarlyStopping.off(), Clipping.off(), Monitoring.defaults());
    }

    /** The data SPEC in effect: the config's, else the design's {@code input.dataset}. */
    public String dataSpec() {
        return data.spec().isEmpty() ? design.input().dataset() : data.spec();
    }

    /**
     * Deeper checks that build things: the design has no errors, the optimizer accepts its options, the schedule's
     * options have the right types, a validation metric has a validation set. Returns every problem found (empty:
     * the config can run).
     */
    public List<String> validate() {
        return validate(true);
    }

    /** {@link #validate()}, without the data checks when the data is given to the trainer directly. */
    List<String> validate(boolean checkData) {
        List<String> problems = new ArrayList<>();
        DesignAnalysis analysis = new Analyzer().analyze(design);
        for (Problem p : analysis.errors()) {
            problems.add("design '" + design.metadata().name() + "': " + p);
        }
        if (!design.head().loss().isClassification()) {
            problems.add("design '" + design.metadata().name() + "': loss " + design.head().loss().key()
                    + " is not supported by the trainer yet — use cross_entropy or nll (classification)");
        }
        try {
            Optimizers.create(optimizer.name(), List.of(new Parameter(Tensor.zeros(1))), optimizer.options());
        } catch (IllegalArgumentException e) {
            problems.add("optimizer: " + e.getMessage());
        }
        try {
            Schedules.check(this);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (checkData && dataSpec().isEmpty()) {
            problems.add("data: no dataset — set data.spec or the design's input dataset");
        }
        boolean noValidation = data.validationFraction() == 0 && data.validationSpec().isEmpty();
        if (checkData && noValidation && earlyStopping.enabled() && earlyStopping.metric().needsValidation()) {
            problems.add("early_stopping watches " + earlyStopping.metric().key() + " but the run has no validation "
                    + "set — set data.validation_fraction > 0 or watch a training metric");
        }
        return problems;
    }

    // ---------------------------------------------------------------- JSON

    /** This config as pretty JSON (the design embedded in its file format). */
    public String toJson() {
        return ConfigJson.write(this);
    }

    /**
     * Reads a config written by {@link #toJson()}; missing sections take their defaults.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static TrainingConfig fromJson(String json) {
        return ConfigJson.read(json);
    }

    /**
     * The settings of a config file for {@code design}: the file's own design, if it has one, is ignored (so a saved
     * config applies to a design edited since, and a hand-written one may leave it out). Missing fields take the
     * defaults of {@link #of}.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public static TrainingConfig fromJson(String json, Design design) {
        return ConfigJson.read(json, java.util.Objects.requireNonNull(design, "design"));
    }

    // ---------------------------------------------------------------- withers

    /** This config with another design. */
    public TrainingConfig withDesign(Design d) {
        return new TrainingConfig(d, data, batchSize, epochs, maxSteps, optimizer, schedule, augmentation, seed,
                device, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with other data settings. */
    public TrainingConfig withData(DataConfig d) {
        return new TrainingConfig(design, d, batchSize, epochs, maxSteps, optimizer, schedule, augmentation, seed,
                device, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with another batch size. */
    public TrainingConfig withBatchSize(int n) {
        return new TrainingConfig(design, data, n, epochs, maxSteps, optimizer, schedule, augmentation, seed,
                device, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with another number of epochs. */
    public TrainingConfig withEpochs(int n) {
        return new TrainingConfig(design, data, batchSize, n, maxSteps, optimizer, schedule, augmentation, seed,
                device, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with a step limit (0: none). */
    public TrainingConfig withMaxSteps(long n) {
        return new TrainingConfig(design, data, batchSize, epochs, n, optimizer, schedule, augmentation, seed,
                device, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with another optimizer. */
    public TrainingConfig withOptimizer(OptimizerConfig o) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, o, schedule, augmentation, seed,
                device, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with another schedule. */
    public TrainingConfig withSchedule(ScheduleConfig s) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, optimizer, s, augmentation, seed,
                device, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with other augmentation. */
    public TrainingConfig withAugmentation(Augmentation a) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, optimizer, schedule, a, seed,
                device, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with another seed. */
    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, optimizer, schedule, augmentation, s,
                device, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with another device. */
    public TrainingConfig withDevice(String d) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, optimizer, schedule, augmentation, seed,
                d, threads, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with another thread count. */
    public TrainingConfig withThreads(int n) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, optimizer, schedule, augmentation, seed,
                device, n, checkpoint, earlyStopping, clipping, monitoring);
    }

    /** This config with another checkpoint policy. */
    public TrainingConfig withCheckpoint(CheckpointPolicy p) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, optimizer, schedule, augmentation, seed,
                device, threads, p, earlyStopping, clipping, monitoring);
    }

    /** This config with other early stopping. */
    public TrainingConfig withEarlyStopping(EarlyStopping e) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, optimizer, schedule, augmentation, seed,
                device, threads, checkpoint, e, clipping, monitoring);
    }

    /** This config with other clipping. */
    public TrainingConfig withClipping(Clipping c) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, optimizer, schedule, augmentation, seed,
                device, threads, checkpoint, earlyStopping, c, monitoring);
    }

    /** This config with other monitoring. */
    public TrainingConfig withMonitoring(Monitoring m) {
        return new TrainingConfig(design, data, batchSize, epochs, maxSteps, optimizer, schedule, augmentation, seed,
                device, threads, checkpoint, earlyStopping, clipping, m);
    }
}
