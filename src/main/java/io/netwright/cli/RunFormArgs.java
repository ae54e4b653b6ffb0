package io.netwright.cli;

import io.netwright.train.Augmentation;
import io.netwright.train.CheckpointPolicy;
import io.netwright.train.DataConfig;
import io.netwright.train.EarlyStopping;
import io.netwright.train.Metric;
import io.netwright.train.NumberText;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.OptionText;
import io.netwright.train.ScheduleConfig;
import io.netwright.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The run settings {@code train} takes, one option per field of the studio's run form: length, batch, optimizer,
 * schedule and warm-up, augmentation, early stopping, checkpoint policy, seed, device, split. {@link #apply} puts
 * the options given on the command line over a base config (the {@code --config} file, or the shared defaults of
 * {@link TrainDefaults}); an option left out keeps the base's value.
 */
final class RunFormArgs {

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--max-steps", paramLabel = "N",
            description = "Stop after N optimizer steps even if epochs remain; 0: no limit (default: ${DEFAULT-VALUE}).")
    long maxSteps;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = OptimizerArgs.Names.class)
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (default: ${DEFAULT-VALUE}; with --optimizer: 0.01 for sgd (momentum 0.9), "
                    + "rmsprop and adagrad, 0.001 for adam and adamw).")
    double lr;

    @Option(names = "--momentum", paramLabel = "M",
            description = "SGD or RMSprop momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", paramLabel = "W", description = "Weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--schedule", paramLabel = "TYPE",
            description = "Learning-rate schedule: none, step, multistep, exponential, cosine, linear, onecycle or "
                    + "plateau (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--schedule-options", paramLabel = "TEXT",
            description = "The schedule's options as in the studio, e.g. \"step_size=5, gamma=0.5\".")
    String scheduleOptions;

    @Option(names = "--warmup", paramLabel = "STEPS",
            description = "Linear learning-rate warm-up steps (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--hflip", negatable = true, description = "Random horizontal flips (default: off).")
    boolean hflip;

    @Option(names = "--vflip", negatable = true, description = "Random vertical flips (default: off).")
    boolean vflip;

    @Option(names = "--crop", paramLabel = "PIXELS",
            description = "Pad by PIXELS and crop back at a random place; 0: off (default: ${DEFAULT-VALUE}).")
    int crop;

    @Option(names = "--rotation", paramLabel = "DEGREES",
            description = "Random rotation up to ±DEGREES; 0: off (default: ${DEFAULT-VALUE}).")
    double rotation;

    @Option(names = "--color-jitter", paramLabel = "F",
            description = "Colour jitter factor in [0, 1); 0: off (default: ${DEFAULT-VALUE}).")
    double colorJitter;

    @Option(names = "--random-erasing", paramLabel = "P",
            description = "Probability of erasing a random rectangle; 0: off (default: ${DEFAULT-VALUE}).")
    double randomErasing;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop after PATIENCE epochs without improvement; 0: off (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--early-stopping-metric", paramLabel = "METRIC",
            description = "What early stopping watches: train_loss, train_accuracy, val_loss, val_accuracy or "
                    + "val_topk (default: ${DEFAULT-VALUE}).")
    String patienceMetric;

    @Option(names = "--checkpoint-epochs", paramLabel = "N",
            description = "Write checkpoints/last every N epochs; 0: not by epochs (default: ${DEFAULT-VALUE}).")
    int checkpointEpochs;

    @Option(names = "--checkpoint-steps", paramLabel = "N",
            description = "Write checkpoints/last every N steps; 0: not by steps (default: ${DEFAULT-VALUE}).")
    int checkpointSteps;

    @Option(names = "--keep-best", negatable = true,
            description = "Write checkpoints/best (default: on).")
    boolean keepBest;

    @Option(names = "--best-metric", paramLabel = "METRIC",
            description = "The metric deciding checkpoints/best (default: ${DEFAULT-VALUE}).")
    String bestMetric;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the weights, the split, the batch order and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "Where to train: cpu, cuda, cuda:N or auto, a GPU when one works (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Fraction of the training data held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--test", paramLabel = "FRACTION",
            description = "Fraction held out for testing when the data has no test part (default: ${DEFAULT-VALUE}).")
    double test;

    @Option(names = "--workers", paramLabel = "N",
            description = "Threads loading batches in the background (default: ${DEFAULT-VALUE}).")
    int workers;

    /** Checks the values given that no config could hold; throws a {@link UsageError} naming the option. */
    void check(ParseResult given) {
        if (epochs <= 0) {
            throw new UsageError("--epochs " + epochs + ": must be at least 1");
        }
        if (batch <= 0) {
            throw new UsageError("--batch " + batch + ": must be a positive number of samples");
        }
        if (given.hasMatchedOption("--lr") && !(lr > 0 && Double.isFinite(lr))) {
            throw new UsageError("--lr " + NumberText.compact(lr) + ": must be a positive number");
        }
        if (!(validation >= 0 && validation < 1)) {
            throw new UsageError("--validation " + validation + ": must be at least 0 and below 1");
        }
        if (!(test >= 0 && test < 1)) {
            throw new UsageError("--test " + test + ": must be at least 0 and below 1");
        }
        if (workers < 0) {
            throw new UsageError("--workers " + workers + ": must be 0 (load in the training thread) or more");
        }
        if (maxSteps < 0) {
            throw new UsageError("--max-steps " + maxSteps + ": must be 0 (no limit) or more");
        }
        OptimizerArgs.parse(optimizer);
        DeviceArgs.parseForTraining(device);
    }

    /** {@code base} with every option given on the command line put over it. */
    TrainingConfig apply(TrainingConfig base, ParseResult given) {
        TrainingConfig c = base;
        DataConfig data = c.data();
        if (given.hasMatchedOption("--validation") || given.hasMatchedOption("--test")) {
            double v = given.hasMatchedOption("--validation") ? validation : data.validationFraction();
            double t = given.hasMatchedOption("--test") ? test : data.testFraction();
            data = usage("--validation/--test", () -> c.data().withFractions(v, t));
        }
        if (given.hasMatchedOption("--workers")) {
            data = data.withWorkers(workers);
        }
        TrainingConfig out = c.withData(data);
        if (given.hasMatchedOption("--epochs")) {
            out = out.withEpochs(epochs);
        }
        if (given.hasMatchedOption("--max-steps")) {
            out = out.withMaxSteps(maxSteps);
        }
        if (given.hasMatchedOption("--batch")) {
            out = out.withBatchSize(batch);
        }
        if (given.hasMatchedOption("--seed")) {
            out = out.withSeed(seed);
        }
        if (given.hasMatchedOption("--device")) {
            out = out.withDevice(DeviceArgs.parseForTraining(device));
        }
        out = out.withOptimizer(optimizer(out.optimizer(), given));
        out = out.withSchedule(schedule(out.schedule(), given));
        out = out.withAugmentation(augmentation(out.augmentation(), given));
        out = out.withEarlyStopping(earlyStopping(out.earlyStopping(), given));
        return out.withCheckpoint(checkpoint(out.checkpoint(), given));
    }

    private OptimizerConfig optimizer(OptimizerConfig o, ParseResult given) {
        if (given.hasMatchedOption("--optimizer")) {
            OptimizerArgs opt = OptimizerArgs.parse(optimizer);
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("lr", opt.defaultLr());
            options.putAll(opt.options());
            o = new OptimizerConfig(opt.displayName(), options);
        }
        if (given.hasMatchedOption("--lr")) {
            o = o.withLr(lr);
        }
        if (given.hasMatchedOption("--momentum")) {
            o = o.with("momentum", momentum);
        }
        if (given.hasMatchedOption("--weight-decay")) {
            o = o.with("weight_decay", weightDecay);
        }
        return o;
    }

    private ScheduleConfig schedule(ScheduleConfig s, ParseResult given) {
        boolean type = given.hasMatchedOption("--schedule");
        boolean opts = given.hasMatchedOption("--schedule-options");
        boolean wu = given.hasMatchedOption("--warmup");
        if (!type && !opts && !wu) {
            return s;
        }
        String t = type ? schedule.strip().toLowerCase(java.util.Locale.ROOT) : s.type();
        Map<String, Object> options = opts ? usage("--schedule-options", () -> OptionText.parse(scheduleOptions))
                : type && !t.equals(s.type()) ? Map.of() : s.options();
        int steps = wu ? warmup : s.warmupSteps();
        // warm-up starts from a tenth of the rate unless the base says otherwise, as in the run form
        double from = steps == 0 ? 1.0 : s.warmupStartFactor() < 1 ? s.warmupStartFactor() : 0.1;
        String which = type ? "--schedule " + schedule : opts ? "--schedule-options" : "--warmup " + warmup;
        return usage(which, () -> new ScheduleConfig(t, options, steps, from));
    }

    private Augmentation augmentation(Augmentation a, ParseResult given) {
        boolean h = given.hasMatchedOption("--hflip") ? hflip : a.horizontalFlip();
        boolean v = given.hasMatchedOption("--vflip") ? vflip : a.verticalFlip();
        int cp = given.hasMatchedOption("--crop") ? crop : a.cropPadding();
        double rot = given.hasMatchedOption("--rotation") ? rotation : a.rotationDegrees();
        double jit = given.hasMatchedOption("--color-jitter") ? colorJitter : a.colorJitter();
        double era = given.hasMatchedOption("--random-erasing") ? randomErasing : a.randomErasing();
        return usage("augmentation", () -> new Augmentation(h, v, cp, rot, jit, era));
    }

    private EarlyStopping earlyStopping(EarlyStopping e, ParseResult given) {
        int p = given.hasMatchedOption("--early-stopping") ? patience : e.patience();
        Metric m = given.hasMatchedOption("--early-stopping-metric")
                ? usage("--early-stopping-metric", () -> Metric.parse(patienceMetric)) : e.metric();
        return usage("--early-stopping " + p, () -> new EarlyStopping(m, p, e.minDelta()));
    }

    private CheckpointPolicy checkpoint(CheckpointPolicy k, ParseResult given) {
        int steps = given.hasMatchedOption("--checkpoint-steps") ? checkpointSteps : k.everySteps();
        int eps = given.hasMatchedOption("--checkpoint-epochs") ? checkpointEpochs : k.everyEpochs();
        boolean best = given.hasMatchedOption("--keep-best") ? keepBest : k.keepBest();
        Metric m = given.hasMatchedOption("--best-metric") ? usage("--best-metric", () -> Metric.parse(bestMetric))
                : k.bestMetric();
        return usage("checkpoint", () -> new CheckpointPolicy(steps, eps, k.keepLast(), best, m));
    }

    /** Runs {@code make}; an invalid value becomes a usage error naming {@code option}. */
    private static <T> T usage(String option, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + ": " + e.getMessage());
        }
    }
}
