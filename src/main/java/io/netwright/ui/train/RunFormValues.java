package io.netwright.ui.train;

import io.netwright.graph.Design;
import io.netwright.train.Augmentation;
import io.netwright.train.CheckpointPolicy;
import io.netwright.train.DataConfig;
import io.netwright.train.Metric;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.OptionText;
import io.netwright.train.ScheduleConfig;
import io.netwright.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the run form shows, as text the user typed (and a few choices), so that it can be checked field by field
 * without a display. {@link #toConfig} turns it into a {@link TrainingConfig} or names every wrong field;
 * {@link #of} fills it from a config. Field keys ({@link #DATASET}, ...) name the form's controls
 * ({@code cfg-<key>}) and the messages next to them.
 *
 * @param dataset          dataset SPEC (bundled sample, folder or CSV file)
 * @param validation       validation fraction of the training part
 * @param test             test fraction when the source has no test part
 * @param batch            batch size
 * @param epochs           epochs
 * @param maxSteps         step limit, 0 for none
 * @param optimizer        optimizer class name
 * @param lr               learning rate
 * @param optimizerOptions other optimizer options as {@code name=value, ...}
 * @param schedule         schedule type
 * @param scheduleOptions  schedule options as {@code name=value, ...}
 * @param warmup           warm-up steps
 * @param hflip            random horizontal flips
 * @param vflip            random vertical flips
 * @param crop             padded random crop, pixels
 * @param rotation         random rotation, degrees
 * @param jitter           colour jitter factor
 * @param erasing          random erasing probability
 * @param seed             seed
 * @param device           {@code cpu}, {@code auto}, {@code cuda} or {@code cuda:N}
 * @param ckptEpochs       write {@code last} every this many epochs
 * @param ckptSteps        write {@code last} every this many steps
 * @param keepBest         write {@code best}
 * @param bestMetric       the metric deciding {@code best}
 */
public record RunFormValues(String dataset, String validation, String test, String batch, String epochs,
        String maxSteps, String optimizer, String lr, String optimizerOptions, String schedule,
        String scheduleOptions, String warmup, boolean hflip, boolean vflip, String crop, String rotation,
        String jitter, String erasing, String seed, String device, String ckptEpochs, String ckptSteps,
        boolean keepBest, String bestMetric) {

    /** Field keys. */
    public static final String DATASET = "dataset", VALIDATION = "validation", TEST = "test", BATCH = "batch",
            EPOCHS = "epochs", MAX_STEPS = "max-steps", OPTIMIZER = "optimizer", LR = "lr",
            OPTIMIZER_OPTIONS = "optimizer-options", SCHEDULE = "schedule", SCHEDULE_OPTIONS = "schedule-options",
            WARMUP = "warmup", AUGMENTATION = "augmentation", SEED = "seed", DEVICE = "device",
            CHECKPOINT = "checkpoint", DESIGN = "design";

    /** The dataset a design without one trains on: the bundled sample. */
    public static final String DEFAULT_DATASET = io.netwright.train.DataSpec.BUNDLED.get(0);

    /**
     * The result of {@link #toConfig}: a config when every field is right, else the message per field key.
     *
     * @param config the config, or null
     * @param errors messages by field key, in form order (empty when {@code config} is set)
     */
    public record Result(TrainingConfig config, Map<String, String> errors) {
        /** Copies the map. */
        public Result {
            errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }

        /** Whether the config can be used. */
        public boolean ok() {
            return config != null;
        }
    }

    /** The form showing {@code c} (its dataset, else the design's, else the bundled sample). */
    public static RunFormValues of(TrainingConfig c) {
        String data = c.dataSpec().isEmpty() ? DEFAULT_DATASET : c.dataSpec();
        Map<String, Object> opt = new LinkedHashMap<>(c.optimizer().options());
        opt.remove("lr");
        var a = c.augmentation();
        var k = c.checkpoint();
        return new RunFormValues(data, num(c.data().validationFraction()), num(c.data().testFraction()),
                num(c.batchSize()), num(c.epochs()), num(c.maxSteps()), c.optimizer().name(), num(c.optimizer().lr()),
                OptionText.format(opt), c.schedule().type(), OptionText.format(c.schedule().options()),
                num(c.schedule().warmupSteps()), a.horizontalFlip(), a.verticalFlip(), num(a.cropPadding()),
                num(a.rotationDegrees()), num(a.colorJitter()), num(a.randomErasing()), Long.toString(c.seed()),
                c.device(), num(k.everyEpochs()), num(k.everySteps()), k.keepBest(), k.bestMetric().key());
    }

    private static String num(double d) {
        return OptionText.number(d);
    }

    /**
     * The config for {@code design} these values describe, keeping {@code base}'s settings the form does not show
     * (threads, workers, early stopping, clipping, monitoring), or a message for every wrong field.
     */
    public Result toConfig(Design design, TrainingConfig base) {
        Objects.requireNonNull(design, "design");
        Fields f = new Fields();
        TrainingConfig c = base.withDesign(design);
        String spec = dataset.strip();
        if (spec.isEmpty()) {
            f.error(DATASET, "choose a dataset: " + DEFAULT_DATASET + ", a folder or a CSV file");
        }
        Double val = f.fraction(VALIDATION, validation);
        Double tst = f.fraction(TEST, test);
        if (val != null && tst != null && val + tst >= 1) {
            f.error(TEST, "validation + test = " + OptionText.number(val + tst) + " leaves nothing to train on — "
                    + "keep the sum below 1");
        }
        Long b = f.whole(BATCH, batch, 1, 1_000_000);
        Long e = f.whole(EPOCHS, epochs, 1, 1_000_000);
        Long ms = f.whole(MAX_STEPS, maxSteps, 0, Long.MAX_VALUE);
        Double rate = f.number(LR, lr);
        if (rate != null && !(rate > 0)) {
            f.error(LR, "the learning rate must be above 0, e.g. 0.01");
        }
        OptimizerConfig opt = null;
        Map<String, Object> optOptions = f.options(OPTIMIZER_OPTIONS, optimizerOptions);
        if (rate != null && rate > 0 && optOptions != null) {
            try {
                Map<String, Object> all = new LinkedHashMap<>(optOptions);
                all.put("lr", rate);
                opt = new OptimizerConfig(optimizer, all);
            } catch (IllegalArgumentException ex) {
                f.error(OPTIMIZER, ex.getMessage());
            }
        }
        ScheduleConfig sched = null;
        Map<String, Object> schedOptions = f.options(SCHEDULE_OPTIONS, scheduleOptions);
        Long wu = f.whole(WARMUP, warmup, 0, Integer.MAX_VALUE);
        if (schedOptions != null && wu != null) {
            try {
                // warm-up starts from the base's factor, or from a tenth of the rate when the base had none
                double from = base.schedule().warmupStartFactor() < 1 ? base.schedule().warmupStartFactor() : 0.1;
                sched = new ScheduleConfig(schedule, schedOptions, wu.intValue(), wu == 0 ? 1.0 : from);
            } catch (IllegalArgumentException ex) {
                f.error(SCHEDULE_OPTIONS, ex.getMessage());
            }
        }
        Augmentation aug = null;
        Long cp = f.whole(AUGMENTATION, crop, 0, 64);
        Double rot = f.number(AUGMENTATION, rotation);
        Double jit = f.number(AUGMENTATION, jitter);
        Double era = f.number(AUGMENTATION, erasing);
        if (cp != null && rot != null && jit != null && era != null) {
            try {
                aug = new Augmentation(hflip, vflip, cp.intValue(), rot, jit, era);
            } catch (IllegalArgumentException ex) {
                f.error(AUGMENTATION, ex.getMessage());
            }
        }
        Long sd = f.whole(SEED, seed, Long.MIN_VALUE, Long.MAX_VALUE);
        String dev = device == null ? "" : device.strip();
        if (!dev.equals("cpu") && !dev.equals("auto")) {
            try {
                io.netwright.backend.Device d = io.netwright.backend.Device.parse(dev);
                if (!io.netwright.backend.Devices.shared().isAvailable(d)) {
                    f.error(DEVICE, d + " is not available (" + io.netwright.backend.Devices.shared().whyNotAccelerated()
                            + ") — choose cpu or auto");
                }
            } catch (IllegalArgumentException ex) {
                f.error(DEVICE, "unknown device '" + dev + "' — choose cpu, auto, cuda or cuda:N");
            }
        }
        CheckpointPolicy ck = null;
        Long ce = f.whole(CHECKPOINT, ckptEpochs, 0, Integer.MAX_VALUE);
        Long cs = f.whole(CHECKPOINT, ckptSteps, 0, Integer.MAX_VALUE);
        var metric = Metric.byKey(bestMetric == null ? "" : bestMetric.strip());
        if (metric.isEmpty()) {
            f.error(CHECKPOINT, "unknown best metric '" + bestMetric + "'; known: " + Metric.keys());
        }
        if (ce != null && cs != null && metric.isPresent()) {
            ck = new CheckpointPolicy(cs.intValue(), ce.intValue(), base.checkpoint().keepLast(), keepBest,
                    metric.get());
        }
        if (!f.errors.isEmpty()) {
            return new Result(null, f.errors);
        }
        DataConfig dc = c.data().withSpec(spec).withFractions(val, tst);
        c = c.withData(dc).withBatchSize(b.intValue()).withEpochs(e.intValue()).withMaxSteps(ms)
                .withOptimizer(opt).withSchedule(sched).withAugmentation(aug).withSeed(sd).withDevice(dev)
                .withCheckpoint(ck);
        // the deeper checks (design errors, optimizer options, schedule types), attached to their fields
        for (String p : c.validate()) {
            f.error(keyOf(p), p);
        }
        return f.errors.isEmpty() ? new Result(c, Map.of()) : new Result(null, f.errors);
    }

    private static String keyOf(String problem) {
        if (problem.startsWith("optimizer")) {
            return OPTIMIZER_OPTIONS;
        }
        if (problem.startsWith("design")) {
            return DESIGN;
        }
        if (problem.startsWith("data")) {
            return DATASET;
        }
        if (problem.startsWith("device")) {
            return DEVICE;
        }
        if (problem.startsWith("early_stopping")) {
            return VALIDATION;
        }
        return SCHEDULE_OPTIONS;
    }

    /** Collects the first message per field while parsing. */
    private static final class Fields {
        final Map<String, String> errors = new LinkedHashMap<>();

        void error(String key, String message) {
            errors.merge(key, message, (a, b) -> a + "; " + b);
        }

        Double number(String key, String text) {
            String t = text == null ? "" : text.strip();
            try {
                double d = Double.parseDouble(t);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException ex) {
                error(key, "'" + t + "' is not a number");
                return null;
            }
        }

        Double fraction(String key, String text) {
            Double d = number(key, text);
            if (d != null && !(d >= 0 && d < 1)) {
                error(key, "must be a fraction in [0, 1), e.g. 0.1");
                return null;
            }
            return d;
        }

        Long whole(String key, String text, long min, long max) {
            String t = text == null ? "" : text.strip().replace("_", "").replace(",", "");
            long v;
            try {
                v = Long.parseLong(t);
            } catch (NumberFormatException ex) {
                error(key, "'" + t + "' is not a whole number");
                return null;
            }
            if (v < min || v > max) {
                error(key, max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "must be at least " + min
                        : "must be between " + min + " and " + max);
                return null;
            }
            return v;
        }

        Map<String, Object> options(String key, String text) {
            try {
                return OptionText.parse(text);
            } catch (IllegalArgumentException ex) {
                error(key, ex.getMessage());
                return null;
            }
        }
    }
}
