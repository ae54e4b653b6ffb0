package io.netwright.train;

import io.netwright.data.ByteImage;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Trainer} reports, as a sealed family of immutable records. Every event carries the epoch in
 * progress (0-based) and the number of optimizer steps completed so far. Listeners receive them in the order they
 * happened; {@link BatchEnd} events arrive in small bursts (within about 20 ms) and may be coalesced for a listener
 * that falls far behind (it then sees the latest one, whose running figures cover the ones skipped).
 *
 * <p>A run's events begin with {@link Started} and end with exactly one terminal event: {@link Finished},
 * {@link Stopped} or {@link Failed} (a run whose preparation fails — data not found, design errors — reports only
 * {@code Failed}).
 */
public sealed interface TrainingEvent permits TrainingEvent.Started, TrainingEvent.BatchEnd,
        TrainingEvent.EpochEnd, TrainingEvent.Samples, TrainingEvent.Health, TrainingEvent.CheckpointSaved,
        TrainingEvent.Paused, TrainingEvent.Resumed, TrainingEvent.LrChanged, TrainingEvent.Warning,
        TrainingEvent.Evaluated, TrainingEvent.Stopped, TrainingEvent.Failed, TrainingEvent.Finished {

    /** The epoch in progress (0-based). */
    int epoch();

    /** Optimizer steps completed when the event happened. */
    long step();

    /** The event's name in {@code events.jsonl}: {@code started}, {@code batch}, {@code epoch}, ... */
    String type();

    /** Whether this ends the run (finished, stopped, failed). */
    default boolean isTerminal() {
        return this instanceof Finished || this instanceof Stopped || this instanceof Failed;
    }

    /**
     * The run began (or continued from a checkpoint).
     *
     * @param runId               the run folder's name ("" without a folder)
     * @param config              the configuration
     * @param classes             class names, indexed by label
     * @param parameters          parameter count
     * @param trainableParameters trainable parameter count
     * @param device              the device and backend description
     * @param trainSize           training samples
     * @param validationSize      validation samples (0: none)
     * @param testSize            test samples (0: none)
     * @param batchesPerEpoch     steps per epoch
     * @param totalSteps          steps the run will take if not stopped early
     * @param resumed             whether the run continues from a checkpoint
     * @param lr                  the learning rate in effect for the first step (a resumed run's restored
     *                            schedule and any {@code --lr} applied), which can differ from the config's
     */
    record Started(int epoch, long step, String runId, TrainingConfig config, List<String> classes, long parameters,
            long trainableParameters, String device, int trainSize, int validationSize, int testSize,
            int batchesPerEpoch, long totalSteps, boolean resumed, double lr) implements TrainingEvent {
        /** Copies the class list. */
        public Started {
            classes = List.copyOf(classes);
        }

        /** A start whose learning rate in effect is the config's. */
        public Started(int epoch, long step, String runId, TrainingConfig config, List<String> classes,
                long parameters, long trainableParameters, String device, int trainSize, int validationSize,
                int testSize, int batchesPerEpoch, long totalSteps, boolean resumed) {
            this(epoch, step, runId, config, classes, parameters, trainableParameters, device, trainSize,
                    validationSize, testSize, batchesPerEpoch, totalSteps, resumed, config.optimizer().lr());
        }

        @Override
        public String type() {
            return "started";
        }
    }

    /**
     * One optimizer step was taken.
     *
     * @param batch           1-based index of the batch within the epoch
     * @param batches         batches per epoch
     * @param loss            this batch's loss
     * @param meanLoss        mean loss of the epoch so far
     * @param accuracy        accuracy of the epoch so far
     * @param lr              the learning rate this step used (first parameter group)
     * @param imagesPerSecond recent throughput in samples per second
     * @param etaSeconds      estimated seconds until the run's last step
     */
    record BatchEnd(int epoch, long step, int batch, int batches, float loss, double meanLoss, double accuracy,
            double lr, double imagesPerSecond, double etaSeconds) implements TrainingEvent {
        @Override
        public String type() {
            return "batch";
        }
    }

    /**
     * An epoch ended (and was validated).
     *
     * @param trainLoss     mean training loss of the epoch
     * @param trainAccuracy training accuracy of the epoch
     * @param valLoss       validation loss (NaN without a validation set)
     * @param valAccuracy   validation accuracy (NaN without a validation set)
     * @param valTopK       validation top-k accuracy (NaN without a validation set or with k >= classes)
     * @param topK          the k of {@code valTopK}
     * @param lr            the learning rate at the end of the epoch
     * @param seconds       wall time of the epoch, pauses excluded
     */
    record EpochEnd(int epoch, long step, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
            double valTopK, int topK, double lr, double seconds) implements TrainingEvent {
        @Override
        public String type() {
            return "epoch";
        }

        /** The epoch's figures by {@link Metric}. */
        public Map<Metric, Double> metrics() {
            Map<Metric, Double> m = new EnumMap<>(Metric.class);
            m.put(Metric.TRAIN_LOSS, trainLoss);
            m.put(Metric.TRAIN_ACCURACY, trainAccuracy);
            m.put(Metric.VAL_LOSS, valLoss);
            m.put(Metric.VAL_ACCURACY, valAccuracy);
            m.put(Metric.VAL_TOPK, valTopK);
            return m;
        }
    }

    /**
     * A class and its predicted probability.
     *
     * @param label       the class index
     * @param probability its probability
     */
    record Prediction(int label, double probability) {
    }

    /**
     * One probe sample and the model's current top-k predictions for it.
     *
     * @param index           the sample's index in the probed split
     * @param label           its true class
     * @param image           the raw image (null for non-image data)
     * @param top             the top-k predictions, most probable first
     * @param trueProbability the probability given to the true class
     */
    record Probe(int index, int label, ByteImage image, List<Prediction> top, double trueProbability) {
        /** Copies the list. */
        public Probe {
            top = List.copyOf(top);
        }

        /** The predicted class. */
        public int predicted() {
            return top.get(0).label();
        }
    }

    /**
     * Predictions on the fixed probe set (every epoch and on request).
     *
     * @param split  the split the probes come from ({@code validation}, or {@code train} without one)
     * @param probes the probes in probe order
     */
    record Samples(int epoch, long step, String split, List<Probe> probes) implements TrainingEvent {
        /** Copies the list. */
        public Samples {
            probes = List.copyOf(probes);
        }

        @Override
        public String type() {
            return "samples";
        }
    }

    /**
     * Health figures of one layer; NaN where a figure does not apply (no parameters, not a ReLU).
     *
     * @param layer          the node id
     * @param type           the layer class ({@code Conv2d})
     * @param weightNorm     2-norm of the layer's parameters
     * @param gradNorm       2-norm of their gradients
     * @param updateRatio    2-norm of this step's update over the parameters' norm (healthy: about 1e-3)
     * @param activationMean mean of the layer's output on this step's batch
     * @param activationStd  standard deviation of that output
     * @param zeroFraction   fraction of exact zeros in a ReLU's output (dead units)
     */
    record LayerHealth(String layer, String type, double weightNorm, double gradNorm, double updateRatio,
            double activationMean, double activationStd, double zeroFraction) {
    }

    /**
     * Per-layer health, every {@code monitoring.health_every_steps} steps.
     *
     * @param layers the layers in forward order
     */
    record Health(int epoch, long step, List<LayerHealth> layers) implements TrainingEvent {
        /** Copies the list. */
        public Health {
            layers = List.copyOf(layers);
        }

        @Override
        public String type() {
            return "health";
        }
    }

    /**
     * A checkpoint was written.
     *
     * @param kind   {@code last} or {@code best}
     * @param path   the checkpoint folder
     * @param metric the metric that made it best (null for {@code last})
     * @param value  that metric's value (NaN for {@code last})
     */
    record CheckpointSaved(int epoch, long step, String kind, Path path, Metric metric, double value)
            implements TrainingEvent {
        @Override
        public String type() {
            return "checkpoint";
        }
    }

    /** Why a run paused. */
    enum PauseReason {
        /** {@link Trainer#pause()} was called. */
        USER,
        /** The loss or a gradient was NaN or infinite. */
        NON_FINITE,
        /** The device ran out of memory during a step (the step was not applied; checkpoints are intact). */
        OUT_OF_MEMORY
    }

    /**
     * Where a step went non-finite. The step was not applied: the model is as it was before it.
     *
     * @param loss            the step's loss (may be finite when only gradients overflowed)
     * @param gradientLayer   the first layer, in backward order, whose gradients are not finite (null if none)
     * @param activationLayer the first layer, in forward order, whose output is not finite (null if none)
     */
    record NonFinite(double loss, String gradientLayer, String activationLayer) {
        /** A sentence for people. */
        public String describe(long step) {
            StringBuilder sb = new StringBuilder("step ").append(step + 1).append(": loss is ").append(loss);
            if (activationLayer != null) {
                sb.append("; the output of '").append(activationLayer).append("' went non-finite first");
            }
            if (gradientLayer != null) {
                sb.append("; gradients went non-finite first at '").append(gradientLayer).append('\'');
            }
            return sb.append(" — lower the learning rate (or clip gradients) and resume").toString();
        }
    }

    /**
     * The run paused; nothing happens until it is resumed or stopped.
     *
     * @param reason    why
     * @param nonFinite the details of a {@link PauseReason#NON_FINITE} pause, else null
     */
    record Paused(int epoch, long step, PauseReason reason, NonFinite nonFinite) implements TrainingEvent {
        /** Requires the details exactly for a non-finite pause. */
        public Paused {
            Objects.requireNonNull(reason, "reason");
            if ((reason == PauseReason.NON_FINITE) != (nonFinite != null)) {
                throw new IllegalArgumentException("a NON_FINITE pause needs its details, other pauses none");
            }
        }

        @Override
        public String type() {
            return "paused";
        }
    }

    /** The run resumed after a pause. */
    record Resumed(int epoch, long step) implements TrainingEvent {
        @Override
        public String type() {
            return "resumed";
        }
    }

    /**
     * The learning rate was changed by hand ({@link Trainer#setLearningRate}).
     *
     * @param oldLr the rate before
     * @param newLr the rate from the next step on
     */
    record LrChanged(int epoch, long step, double oldLr, double newLr) implements TrainingEvent {
        @Override
        public String type() {
            return "lr_changed";
        }
    }

    /**
     * Something worth a look: {@code loss_spike}, {@code update_ratio}, {@code dead_relu}, {@code non_finite},
     * {@code data}, {@code threads}, {@code listener}.
     *
     * @param code    a stable identifier
     * @param message a sentence with the fix
     */
    record Warning(int epoch, long step, String code, String message) implements TrainingEvent {
        @Override
        public String type() {
            return "warning";
        }
    }

    /**
     * The final evaluation (also written to {@code evaluation.json}).
     *
     * @param evaluation the results
     */
    record Evaluated(int epoch, long step, Evaluation evaluation) implements TrainingEvent {
        @Override
        public String type() {
            return "evaluation";
        }
    }

    /**
     * The run was stopped by {@link Trainer#stop()} after finishing its current step.
     *
     * @param checkpoint the checkpoint written on stopping (null if the policy keeps none)
     */
    record Stopped(int epoch, long step, Path checkpoint) implements TrainingEvent {
        @Override
        public String type() {
            return "stopped";
        }
    }

    /**
     * The run failed.
     *
     * @param message what went wrong, for people
     * @param cause   the exception
     */
    record Failed(int epoch, long step, String message, Throwable cause) implements TrainingEvent {
        @Override
        public String type() {
            return "failed";
        }
    }

    /**
     * The run completed.
     *
     * @param reason  {@code completed}, {@code max_steps} or {@code early_stopping}
     * @param seconds training wall time, pauses excluded
     * @param metrics the final figures by name ({@code train_loss}, {@code val_accuracy}, {@code test_accuracy}, ...)
     */
    record Finished(int epoch, long step, String reason, double seconds, Map<String, Double> metrics)
            implements TrainingEvent {
        /** Copies the map. */
        public Finished {
            metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        }

        @Override
        public String type() {
            return "finished";
        }
    }
}
