package io.netwright.cli;

import io.netwright.backend.Backend;
import io.netwright.data.Batch;
import io.netwright.data.DataLoader;
import io.netwright.data.Dataset;
import io.netwright.data.Datasets;
import io.netwright.data.Sample;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.GraphModule;
import io.netwright.graph.Loss;
import io.netwright.nn.CrossEntropyLoss;
import io.netwright.nn.NLLLoss;
import io.netwright.nn.Reduction;
import io.netwright.tensor.Generator;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import io.netwright.train.DataConfig;
import io.netwright.train.DataSpec;
import io.netwright.train.Evaluation;
import io.netwright.train.RunFolder;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwright eval RUN_DIR|WEIGHTS --data SPEC}: evaluates trained weights on a dataset split and prints the
 * summary (loss, accuracy, top-k), the per-class precision / recall / F1 and the confusion matrix; {@code --json}
 * prints the whole {@link Evaluation} (with PR curves and the misclassified samples). A run folder brings its design,
 * its weights and its data SPEC, split settings and {@code --limit}, so {@code --split validation} is the run's own
 * validation set and the default split gives the run's {@code evaluation.json} figures.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate trained weights on a dataset: accuracy, top-k, per-class precision/recall/F1 and the "
                + "confusion matrix (--json for everything).")
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR|WEIGHTS",
            description = "A run folder, or a weights file (.safetensors) or checkpoint folder with --design.")
    Path target;

    @Option(names = "--design", paramLabel = "DESIGN",
            description = "The design the weights belong to (default: the run folder's design.json).")
    Path designFile;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "The dataset (default: the run's, else the design's dataset).")
    String data;

    @Option(names = "--split", paramLabel = "SPLIT",
            description = "test, validation or train (default: test, or validation when the data has no test split).")
    String split;

    @Option(names = "--checkpoint", paramLabel = "KIND",
            description = "For a run folder: evaluate checkpoints/KIND (last or best) instead of weights.safetensors.")
    String checkpoint;

    @Option(names = "--limit", paramLabel = "N", description = "Evaluate at most N samples (a random subset).")
    Integer limit;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
            description = "Samples per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "5",
            description = "The k of top-k accuracy (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
            description = "cpu, cuda, cuda:N or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--json", description = "Print the whole evaluation as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (batch <= 0 || topK <= 0 || limit != null && limit <= 0) {
            throw new UsageError("--batch, --top-k and --limit must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Backend backend = DeviceArgs.backendForCompute(device, n -> err.println("note: " + n));
        boolean isRun = Files.isRegularFile(target.resolve(RunFolder.CONFIG));
        if (!Files.exists(target)) {
            throw new CliError(target + ": no such run folder or weights file");
        }
        TrainingConfig runConfig = isRun ? RunFolder.open(target).readConfig() : null;
        Path designPath = designFile != null ? designFile : isRun ? target.resolve(RunFolder.DESIGN) : null;
        if (designPath == null) {
            throw new CliError(target + ": not a run folder — give the design the weights belong to with --design");
        }
        Design d = DesignArgs.read(designPath);
        if (!d.head().loss().isClassification()) {
            throw new CliError(designPath.getFileName() + ": head loss '" + d.head().loss().key() + "' is not a "
                    + "classification loss — eval measures cross_entropy and nll heads");
        }
        DesignAnalysis analysis = new Analyzer().analyze(d);
        GraphModule model = DesignArgs.compile(designPath, analysis, new Generator(0));
        Path weights = weightsPath(isRun);
        WeightsArgs.load(weights, model, d.metadata().name());

        TrainingConfig config = (runConfig != null ? runConfig.withDesign(d) : TrainingConfig.of(d));
        if (data != null) {
            config = config.withData(config.data().withSpec(data));
        } else if (runConfig == null) {
            config = config.withData(DataConfig.of(DataSpec.inDesignFolder(d.input().dataset(), designPath)));
        }
        String dataSpec = config.dataSpec();
        if (dataSpec.isEmpty()) {
            throw new CliError("--data is missing and " + designPath.getFileName() + " names no dataset — give --data");
        }
        TrainingData td;
        try {
            td = TrainingData.resolve(config);
        } catch (IOException | RuntimeException e) {
            String msg = ShortErrors.oneLine(ShortErrors.message(e));
            String where = data == null && runConfig == null
                    ? "input.dataset '" + d.input().dataset().trim() + "' in " + designPath.getFileName()
                    : "--data " + dataSpec;
            throw new CliError(where + ": " + (msg.startsWith(dataSpec + ": ")
                    ? msg.substring(dataSpec.length() + 2) : msg), e);
        }
        Optional<Integer> runLimit = isRun && data == null ? TrainCommand.recordedLimit(target) : Optional.empty();
        if (runLimit.isPresent()) {
            td = TrainCommand.limited(td, runLimit.get(), config.seed()); // the samples the run used
        }
        String splitName = split != null ? split.toLowerCase(Locale.ROOT) : td.evaluationSplitName();
        Dataset<? extends Sample<?>> raw = switch (splitName) {
            case "test" -> td.test();
            case "validation", "val" -> td.validation();
            case "train" -> td.train();
            case "none" -> null;
            default -> throw new UsageError("--split " + split + ": use test, validation or train");
        };
        if (raw == null || raw.size() == 0) {
            throw new CliError("--data " + dataSpec + ": has no " + splitName + " split — use --split "
                    + (td.test() != null ? "test" : td.validation() != null ? "validation" : "train"));
        }
        if (limit != null && raw.size() > limit) {
            raw = Datasets.randomSplit(raw, 1, limit, raw.size() - limit).get(0);
        }
        int classes = td.classes().size();
        int outputs = analysis.outputShape().map(s -> s.dims()[s.dims().length - 1]).orElse(0);
        if (outputs != classes) {
            throw new CliError("--data " + dataSpec + ": has " + classes + " classes but the design outputs " + outputs
                    + " scores — evaluate with the data the weights were trained on");
        }
        Set<String> notes = new LinkedHashSet<>();
        Dataset<?> view = new InputFit(d.input()).apply(raw, "--data " + dataSpec, notes::add);
        if (!json) {
            out.printf(Locale.ROOT, "Evaluating %s (%s) on %s, %s split%n", d.metadata().name(), weights, td.name(),
                    splitName);
            notes.forEach(n -> out.println("note: " + n));
        } else {
            notes.forEach(n -> err.println("note: " + n));
        }
        model.to(backend);
        Evaluation e = evaluate(model, backend, d.head().loss(), view, splitName, td.classes());
        out.print(json ? e.toJson() + (e.toJson().endsWith("\n") ? "" : "\n") : e.report());
        out.flush();
        return 0;
    }

    /** The weights of a run folder (weights.safetensors, or the checkpoint asked for) or the file given. */
    private Path weightsPath(boolean isRun) {
        if (checkpoint != null) {
            if (!isRun) {
                throw new UsageError("--checkpoint " + checkpoint + ": only for a run folder");
            }
            if (!checkpoint.equals("last") && !checkpoint.equals("best")) {
                throw new UsageError("--checkpoint " + checkpoint + ": use last or best");
            }
            Path p = target.resolve(RunFolder.CHECKPOINTS).resolve(checkpoint).resolve("model.safetensors");
            if (!Files.isRegularFile(p)) {
                throw new CliError(target + ": has no checkpoints/" + checkpoint + " — the run did not write one");
            }
            return p;
        }
        return WeightsArgs.resolve(target);
    }

    /** Per-sample probabilities, labels and losses over {@code view}, summed up by {@link Evaluation#compute}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Evaluation evaluate(GraphModule model, Backend backend, Loss loss, Dataset<?> view, String splitName,
            List<String> classes) {
        int n = view.size();
        int k = classes.size();
        float[][] probs = new float[n][];
        int[] labels = new int[n];
        float[] losses = new float[n];
        io.netwright.nn.Loss criterion = loss == Loss.NLL ? new NLLLoss(Reduction.NONE)
                : new CrossEntropyLoss(Reduction.NONE);
        model.eval();
        int row = 0;
        try (var loader = DataLoader.builder((Dataset) view).batchSize(batch).numWorkers(1).build();
             var g = NoGrad.enter()) {
            for (Object o : loader.epoch(0)) {
                Batch b = (Batch) o;
                try (b; var scope = TensorScope.open()) {
                    Tensor logits = model.call(b.inputs().to(backend));
                    Tensor p = loss == Loss.NLL ? logits.exp() : logits.softmax(1);
                    float[] pv = p.contiguous().toFloatArray();
                    float[] lv = criterion.forward(logits, b.targets().to(backend)).contiguous().toFloatArray();
                    long[] y = b.targets().toLongArray();
                    for (int i = 0; i < y.length; i++, row++) {
                        probs[row] = Arrays.copyOfRange(pv, i * k, (i + 1) * k);
                        labels[row] = (int) y[i];
                        losses[row] = lv[i];
                    }
                }
            }
        }
        return Evaluation.compute(splitName, classes, probs, labels, losses, Math.min(topK, k), 100, List.of());
    }
}
