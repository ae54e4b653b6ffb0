package io.netwright.export;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@code train_ddp.py} trains: the run's recipe in plain values (the CLI fills it from a run's training
 * config; {@link #defaults} serves a design without a run). Optimizer and schedule options use PyTorch's names.
 *
 * <pre>{@code TrainingRecipe r = TrainingRecipe.defaults("fashion-mnist-small").withEpochs(2);}</pre>
 *
 * @param dataset            the dataset SPEC the run used (a bundled sample name, a folder); {@code --data} overrides it
 * @param batchSize          the global batch per optimizer step, split evenly over the processes
 * @param epochs             passes over the training set
 * @param maxSteps           stop after this many optimizer steps (0: no limit)
 * @param seed               seeds weights, data order and augmentation
 * @param optimizer          {@code SGD}, {@code Adam}, {@code AdamW}, {@code RMSprop} or {@code Adagrad}
 * @param optimizerOptions   keyword arguments of the {@code torch.optim} class ({@code lr}, {@code momentum}, ...)
 * @param schedule           {@code none}, {@code step}, {@code multistep}, {@code exponential}, {@code cosine},
 *                           {@code linear}, {@code onecycle} or {@code plateau}
 * @param scheduleOptions    the schedule's options ({@code step_size}, {@code gamma}, {@code eta_min}, ...)
 * @param warmupSteps        steps of linear warm-up (0: none)
 * @param warmupStartFactor  the fraction of the rate the warm-up starts from, in (0, 1]
 * @param augmentation       random augmentation of training images
 * @param validationFraction fraction of the training set held out for validation, in [0, 1)
 * @param clipNorm           clip the gradients' total 2-norm to this (0: off)
 * @param clipValue          clamp every gradient element to [-v, v] (0: off)
 */
public record TrainingRecipe(String dataset, int batchSize, int epochs, long maxSteps, long seed, String optimizer,
        Map<String, Object> optimizerOptions, String schedule, Map<String, Object> scheduleOptions, int warmupSteps,
        double warmupStartFactor, Augment augmentation, double validationFraction, double clipNorm, double clipValue) {

    /** The optimizers the script can build. */
    public static final Set<String> OPTIMIZERS = Set.of("SGD", "Adam", "AdamW", "RMSprop", "Adagrad");

    /** The schedules the script can build. */
    public static final Set<String> SCHEDULES = Set.of("none", "step", "multistep", "exponential", "cosine", "linear",
            "onecycle", "plateau");

    /** Checks the values and copies the option maps. */
    public TrainingRecipe {
        dataset = Objects.requireNonNullElse(dataset, "").trim();
        if (batchSize < 1 || epochs < 1 || maxSteps < 0) {
            throw new ExportException("training recipe: batch size and epochs must be >= 1 and max steps >= 0, got "
                    + "batch " + batchSize + ", epochs " + epochs + ", max steps " + maxSteps);
        }
        if (!OPTIMIZERS.contains(optimizer)) {
            throw new ExportException("training recipe: optimizer '" + optimizer + "' has no PyTorch script — use one "
                    + "of " + String.join(", ", new java.util.TreeSet<>(OPTIMIZERS)));
        }
        if (!SCHEDULES.contains(schedule)) {
            throw new ExportException("training recipe: schedule '" + schedule + "' has no PyTorch script — use one of "
                    + String.join(", ", new java.util.TreeSet<>(SCHEDULES)));
        }
        if (warmupSteps < 0 || !(warmupStartFactor > 0 && warmupStartFactor <= 1)) {
            throw new ExportException("training recipe: warm-up needs steps >= 0 and a start factor in (0, 1], got "
                    + warmupSteps + " and " + warmupStartFactor);
        }
        if (!(validationFraction >= 0 && validationFraction < 1) || clipNorm < 0 || clipValue < 0) {
            throw new ExportException("training recipe: validation fraction must be in [0, 1) and clipping >= 0");
        }
        optimizerOptions = Map.copyOf(optimizerOptions == null ? Map.of() : optimizerOptions);
        scheduleOptions = Map.copyOf(scheduleOptions == null ? Map.of() : scheduleOptions);
        augmentation = Objects.requireNonNullElse(augmentation, Augment.NONE);
    }

    /**
     * Netwright's run defaults for a design without a run: batch 64, 10 epochs, SGD lr 0.01 momentum 0.9, constant
     * rate, no augmentation, seed 42, 10% validation.
     *
     * @param dataset the design's dataset SPEC (may be empty: the script then needs {@code --data} or {@code --synthetic})
     */
    public static TrainingRecipe defaults(String dataset) {
        return new TrainingRecipe(dataset, 64, 10, 0, 42, "SGD", Map.of("lr", 0.01, "momentum", 0.9), "none",
                Map.of(), 0, 1.0, Augment.NONE, 0.1, 0, 0);
    }

    /** This recipe with another number of epochs. */
    public TrainingRecipe withEpochs(int n) {
        return new TrainingRecipe(dataset, batchSize, n, maxSteps, seed, optimizer, optimizerOptions, schedule,
                scheduleOptions, warmupSteps, warmupStartFactor, augmentation, validationFraction, clipNorm, clipValue);
    }

    /**
     * Random augmentation of training images, as in Netwright's runs.
     *
     * @param horizontalFlip  flip left-right with probability 0.5
     * @param verticalFlip    flip upside down with probability 0.5
     * @param cropPadding     pad with zeros by this many pixels and crop back at a random place (0: off)
     * @param rotationDegrees rotate by a random angle in [-d, d] (0: off)
     * @param colorJitter     brightness, contrast and saturation jitter factor (0: off)
     * @param randomErasing   probability of erasing a random rectangle (0: off)
     */
    public record Augment(boolean horizontalFlip, boolean verticalFlip, int cropPadding, double rotationDegrees,
            double colorJitter, double randomErasing) {

        /** No augmentation. */
        public static final Augment NONE = new Augment(false, false, 0, 0, 0, 0);

        /** Checks the ranges. */
        public Augment {
            if (cropPadding < 0 || rotationDegrees < 0 || colorJitter < 0 || randomErasing < 0 || randomErasing > 1) {
                throw new ExportException("training recipe: augmentation values must be >= 0 (random erasing at most "
                        + "1), got crop " + cropPadding + ", rotation " + rotationDegrees + ", jitter " + colorJitter
                        + ", erasing " + randomErasing);
            }
        }
    }
}
