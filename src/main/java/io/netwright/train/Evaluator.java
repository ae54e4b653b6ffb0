package io.netwright.train;

import io.netwright.data.Dataset;
import io.netwright.data.Sample;
import io.netwright.data.formats.ColorMode;
import io.netwright.graph.Design;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.GraphModule;
import io.netwright.io.Checkpoint;
import io.netwright.io.Safetensors;
import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Evaluates trained weights — a run's checkpoint or a safetensors file with its design — on a split, as the CLI's
 * {@code eval RUN_DIR|WEIGHTS --data SPEC} does.
 *
 * <pre>{@code
 * Evaluation e = Evaluator.evaluateRun(runDir, null, null);             // the run's own test split, best weights
 * Evaluation f = Evaluator.evaluateRun(runDir, "/data/fashion", "last"); // another data set
 * System.out.println(e.report());
 * }</pre>
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates the run in {@code runDir}: the weights of {@code checkpoints/<checkpoint>} ({@code best} when null,
     * falling back to {@code last}) on {@code spec} (null: the run's own test split, else its validation split —
     * with the probe histories of its training). With a SPEC, the source's test part is used if it has one, else
     * its validation part, else all of it.
     */
    public static Evaluation evaluateRun(Path runDir, String spec, String checkpoint) throws IOException {
        return evaluateRun(runDir, spec, checkpoint, null);
    }

    /**
     * Like {@link #evaluateRun(Path, String, String)}; without a SPEC, {@code split} chooses the run's own split:
     * {@code train}, {@code validation} or {@code test} (null: test, else validation).
     *
     * @throws IOException if the run has no such split
     */
    public static Evaluation evaluateRun(Path runDir, String spec, String checkpoint, String split)
            throws IOException {
        RunModel run = RunModel.load(runDir, checkpoint);
        TrainingConfig config = run.config();
        if (spec == null) {
            TrainingData data = TrainingData.resolve(config);
            String name = split == null ? data.evaluationSplitName() : split;
            Evaluation e = evaluate(run.model(), config.design(), runSplit(runDir, data, name, split), data.classes(),
                    name, config.monitoring(), config.batchSize(), config.data().workers());
            return e.withProbes(probes(runDir));
        }
        return onSpec(run.model(), config.design(), spec, config.monitoring(), config.batchSize());
    }

    /**
     * Evaluates a run's checkpoint ({@code best} when null, falling back to {@code last}) on its own test split
     * (else its validation split) and keeps the per-sample predictions and the split's raw samples with the
     * figures — what the studio's Evaluate tab shows.
     *
     * @throws IOException if the run, its checkpoint or its data cannot be read, or it has no test or validation
     *                     split
     */
    public static EvaluatedRun evaluateRunInDetail(Path runDir, String checkpoint) throws IOException {
        RunModel run = RunModel.load(runDir, checkpoint);
        TrainingConfig config = run.config();
        TrainingData data = TrainingData.resolve(config);
        String name = data.evaluationSplitName();
        Dataset<? extends Sample<?>> part = runSplit(runDir, data, name, null);
        Monitoring m = config.monitoring();
        Predictor.Predictions p = Predictor.predict(run.model(), config.design().head().loss(),
                Pipelines.evaluationView(part, config.design().input()), data.classes().size(), config.batchSize(),
                config.data().workers());
        Evaluation e = Evaluation.compute(name, data.classes(), p.probabilities(), p.labels(), p.losses(), m.topK(),
                m.misclassified(), probes(runDir));
        return new EvaluatedRun(e, SamplePredictions.of(p.probabilities(), p.labels(), p.losses()), part,
                run.checkpoint());
    }

    /** The sample history recorded in the run's {@code events.jsonl}, read through the reader guard. */
    private static List<Evaluation.ProbeHistory> probes(Path runDir) throws IOException {
        Path events = runDir.resolve(RunFolder.EVENTS);
        return io.netwright.files.ReadGuard.read(events, "run's event log", "move the file away to evaluate without "
                + "the sample history", () -> ProbeSet.fromEvents(RunFolder.open(runDir).readEvents()));
    }

    /**
     * The raw samples of a run's split as its trainer saw them (resolved from its config with its seed):
     * {@code train}, {@code validation} or {@code test}; null chooses test, else validation — the split the run's
     * final evaluation used, whose indices {@link Evaluation#misclassified()} refers to.
     *
     * @throws IOException if the data cannot be read or the run has no such split
     */
    public static Dataset<? extends Sample<?>> runSplit(Path runDir, String split) throws IOException {
        TrainingData data = TrainingData.resolve(RunFolder.open(runDir).readConfig());
        return runSplit(runDir, data, split == null ? data.evaluationSplitName() : split, split);
    }

    private static Dataset<? extends Sample<?>> runSplit(Path runDir, TrainingData data, String name, String asked)
            throws IOException {
        Dataset<? extends Sample<?>> part = switch (name) {
            case "train" -> data.train();
            case "validation" -> data.validation();
            case "test" -> data.test();
            case "none" -> null;
            default -> throw new IllegalArgumentException("unknown split '" + asked + "' — use train, "
                    + "validation or test");
        };
        if (part == null) {
            throw new IOException(runDir + ": the run has no " + (asked == null ? "test or validation" : name)
                    + " split — choose another split or pass a data SPEC");
        }
        return part;
    }

    /** Evaluates {@code design} with the weights of a safetensors file (PyTorch key names) on {@code spec}. */
    public static Evaluation evaluateWeights(Design design, Path weights, String spec, int batchSize)
            throws IOException {
        GraphModule model = DesignCompiler.compile(design, new Generator(0));
        Map<String, Tensor> tensors = Safetensors.read(weights).tensors();
        model.loadStateDict(Resumption.scalarsRestored(new Checkpoint(tensors, Map.of(), null), model).model(), true);
        return onSpec(model, design, spec, Monitoring.defaults(), batchSize);
    }

    private static Evaluation onSpec(Module model, Design design, String spec, Monitoring m, int batchSize)
            throws IOException {
        var in = design.input();
        ColorMode mode = in.shape().size() == 3 && in.channels() == 1 ? ColorMode.GRAYSCALE : ColorMode.RGB;
        DataSpec.Source s = DataSpec.resolve(spec, mode);
        Dataset<? extends Sample<?>> split = s.test() != null ? s.test() : s.validation() != null ? s.validation()
                : s.train();
        String name = s.test() != null ? "test" : s.validation() != null ? "validation" : "all";
        return evaluate(model, design, split, s.classes(), name, m, batchSize, 1);
    }

    /**
     * Evaluates {@code model} on raw samples (transformed for {@code design}'s input, without augmentation).
     *
     * @param split the split's name in the result
     */
    public static Evaluation evaluate(Module model, Design design, Dataset<? extends Sample<?>> raw,
            List<String> classes, String split, Monitoring monitoring, int batchSize, int workers) {
        Predictor.Predictions p = Predictor.predict(model, design.head().loss(),
                Pipelines.evaluationView(raw, design.input()), classes.size(), batchSize, workers);
        return Evaluation.compute(split, classes, p.probabilities(), p.labels(), p.losses(), monitoring.topK(),
                monitoring.misclassified(), List.of());
    }
}
