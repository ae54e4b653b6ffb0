package io.netwright.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netwright.data.Batch;
import io.netwright.data.DataLoader;
import io.netwright.data.Dataset;
import io.netwright.data.Datasets;
import io.netwright.data.Sample;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.GraphModule;
import io.netwright.io.Json;
import io.netwright.io.TrainingState;
import io.netwright.nn.CrossEntropyLoss;
import io.netwright.nn.Loss;
import io.netwright.nn.NLLLoss;
import io.netwright.optim.Optimizer;
import io.netwright.optim.Optimizers;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code netwright train DESIGN --data SPEC}: trains a design with a console progress bar, evaluates it after
 * every epoch on the test split (or a held-out tenth of the data when there is none), and saves the weights and a
 * checkpoint in the run folder. {@code --json} prints a machine-readable summary on stdout (progress then goes to
 * stderr).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a design on a dataset with a progress bar; save weights (safetensors, PyTorch key "
                + "names) and a checkpoint in the run folder.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "DESIGN", description = "The design file (.json), e.g. samples/designs/lenet5.json.")
    Path design;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "The dataset: a bundled sample (fashion-mnist-small, shapes), a folder (IDX files, CIFAR "
                    + "binary batches, one sub-folder of images per class, optionally under train/ and test/) or a "
                    + "CSV file (default: the design's dataset).")
    String data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (default: 0.01 for sgd (momentum 0.9), rmsprop and adagrad; 0.001 for adam "
                    + "and adamw).")
    Double lr;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = OptimizerArgs.Names.class)
    String optimizer;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the weights, the shuffling and the split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
            description = "Where to train (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--out", paramLabel = "RUN_DIR",
            description = "The run folder, new or empty (default: runs/<design>-<date>-<time>).")
    Path out;

    @Option(names = "--limit", paramLabel = "N",
            description = "Use at most N training and N evaluation samples (a random subset): quick trials.")
    Integer limit;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "Threads loading batches in the background (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--json", description = "Print a JSON summary on stdout at the end (progress goes to stderr).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        OptimizerArgs opt = OptimizerArgs.parse(optimizer);
        DeviceArgs.parseForCompute(device);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter log = json ? spec.commandLine().getErr() : stdout;
        ConsoleProgress progress = new ConsoleProgress(log, main != null && main.terminal() && !json, epochs);

        Design d = DesignArgs.read(design);
        DesignAnalysis analysis = new Analyzer().analyze(d);
        Loss loss = lossOf(d);
        String dataSpec = data != null ? data : d.input().dataset();
        if (dataSpec.isEmpty()) {
            throw new CliError("--data is missing and " + design.getFileName() + " names no dataset — give --data, "
                    + "e.g. --data fashion-mnist-small");
        }
        GraphModule model = DesignArgs.compile(design, analysis, new Generator(seed));

        DataSources.Source src = DataSources.resolve(dataSpec, d.input().dims()[0]);
        checkClasses(analysis, d, src.classes().size(), dataSpec);
        InputFit fit = new InputFit(d.input());
        String what = "--data " + dataSpec;
        var notes = new java.util.LinkedHashSet<String>();
        Dataset<? extends Sample<?>> rawTrain = src.train();
        Dataset<? extends Sample<?>> rawEval = src.test();
        String evalName = "test";
        if (rawEval == null) {
            if (rawTrain.size() < 2) {
                throw new CliError(what + ": has " + rawTrain.size() + " sample — need at least 2 to hold one out");
            }
            int[] lengths = Datasets.lengthsForFractions(rawTrain.size(), 0.9, 0.1);
            var parts = Datasets.randomSplit(rawTrain, seed, Math.max(lengths[0], 1),
                    rawTrain.size() - Math.max(lengths[0], 1));
            rawTrain = parts.get(0);
            rawEval = parts.get(1);
            evalName = "validation";
        }
        rawTrain = limited(rawTrain, seed);
        rawEval = limited(rawEval, seed + 1);
        Dataset<?> trainSet = fit.apply(rawTrain, what, notes::add);
        Dataset<?> evalSet = rawEval.size() == 0 ? null : fit.apply(rawEval, what, notes::add);

        Map<String, Object> options = new HashMap<>(opt.options());
        double rate = lr != null ? lr : opt.defaultLr();
        options.put("lr", rate);
        Optimizer optim;
        try {
            optim = Optimizers.create(opt.displayName(), model.parameters(), options);
        } catch (IllegalArgumentException e) {
            throw new CliError("--optimizer " + optimizer + ": " + e.getMessage(), e);
        }

        RunFolder run = RunFolder.create(out, design);
        JsonObject config = config(dataSpec, opt, rate);
        run.writeStart(d, config);

        log.printf(Locale.ROOT, "Training %s (%,d parameters) on %s: %,d train / %,d %s images, batch %d, %s lr %s, "
                        + "%d epoch%s, %s%n", d.metadata().name(), model.numParameters(false), src.name(),
                trainSet.size(), evalSet == null ? 0 : evalSet.size(), evalName, batch, opt.displayName(), rate,
                epochs, epochs == 1 ? "" : "s", Tensor.zeros(1).backend().description());
        notes.forEach(n -> log.println("note: " + n));
        log.flush();

        List<PlainTrainingLoop.EpochResult> results;
        PlainTrainingLoop loop;
        try (var trainLoader = loader(trainSet, true); var evalLoader = evalSet == null ? null : loader(evalSet, false)) {
            loop = new PlainTrainingLoop(model, optim, loss, trainLoader, evalLoader, epochs);
            String evalLabel = evalName;
            results = loop.run(new PlainTrainingLoop.Listener() {
                @Override
                public void step(int epoch, int step, int steps, double l, double acc, double ips, double eta) {
                    progress.step(epoch, step, steps, l, acc, ips, eta);
                }

                @Override
                public void epoch(PlainTrainingLoop.EpochResult r) {
                    progress.println(String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f acc %.1f%%  %s loss "
                                    + "%.4f acc %.1f%%  (%s)", r.epoch(), epochs, r.trainLoss(),
                            100 * r.trainAccuracy(), evalLabel, r.evalLoss(), 100 * r.evalAccuracy(),
                            ConsoleProgress.duration(r.seconds())));
                }
            });
        }
        PlainTrainingLoop.EpochResult last = results.get(results.size() - 1);
        run.writeMetrics(results, evalName);
        run.writeWeights(model, d, src.classes());
        TrainingState.save(run.checkpoint(), model, optim, null, new TrainingState.Progress(epochs, loop.steps(),
                last.evalAccuracy()), null, config);
        log.printf(Locale.ROOT, "saved %s and checkpoint %s%n", run.weights(), run.checkpoint());
        log.flush();
        if (json) {
            stdout.println(Json.GSON.toJson(summary(d, src, dataSpec, run, results, loop, evalName, trainSet.size(),
                    evalSet == null ? 0 : evalSet.size())));
            stdout.flush();
        }
        return 0;
    }

    private void checkOptions() {
        if (epochs <= 0) {
            throw new CliError("--epochs " + epochs + ": must be at least 1");
        }
        if (batch <= 0) {
            throw new CliError("--batch " + batch + ": must be a positive number of samples");
        }
        if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
            throw new CliError("--lr " + lr + ": must be a positive number");
        }
        if (limit != null && limit <= 0) {
            throw new CliError("--limit " + limit + ": must be a positive number of samples");
        }
        if (workers < 0) {
            throw new CliError("--workers " + workers + ": must be 0 (load in the training thread) or more");
        }
    }

    /** The nn loss of the design's head; the command line trains classification heads only. */
    private Loss lossOf(Design d) {
        return switch (d.head().loss()) {
            case CROSS_ENTROPY -> new CrossEntropyLoss();
            case NLL -> new NLLLoss();
            default -> throw new CliError(design.getFileName() + ": head loss '" + d.head().loss().key()
                    + "' is not a classification loss — the train command trains cross_entropy and nll heads");
        };
    }

    /** The design's output must have one score per class of the data. */
    private void checkClasses(DesignAnalysis a, Design d, int classes, String dataSpec) {
        var shape = a.outputShape().orElse(null);
        if (shape == null) {
            return;
        }
        int[] dims = shape.dims();
        if (dims.length != 1 || dims[0] != classes) {
            String last = d.nodes().stream().filter(n -> n.type().equals("Output")).findFirst()
                    .flatMap(o -> d.incoming(o.id()).stream().findFirst()).map(e -> " on node '" + e.from() + "'")
                    .orElse("");
            throw new CliError("--data " + dataSpec + ": has " + classes + " classes but " + design.getFileName()
                    + " outputs " + SummaryCommand.shapeText(java.util.Arrays.stream(dims).boxed().toList())
                    + " — set out_features=" + classes + last);
        }
    }

    private <T> Dataset<T> limited(Dataset<T> ds, long splitSeed) {
        if (limit == null || ds.size() <= limit) {
            return ds;
        }
        return Datasets.randomSplit(ds, splitSeed, limit, ds.size() - limit).get(0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DataLoader<?, Batch> loader(Dataset<?> ds, boolean shuffle) {
        return DataLoader.builder((Dataset) ds).batchSize(shuffle ? batch : Math.max(batch, 256)).shuffle(shuffle)
                .seed(seed).numWorkers(workers).build();
    }

    private JsonObject config(String dataSpec, OptimizerArgs opt, double rate) {
        JsonObject c = new JsonObject();
        c.addProperty("design", design.toString());
        c.addProperty("data", dataSpec);
        c.addProperty("epochs", epochs);
        c.addProperty("batch_size", batch);
        c.addProperty("optimizer", opt.displayName());
        c.addProperty("lr", rate);
        opt.options().forEach((k, v) -> c.add(k, Json.toJson(v)));
        c.addProperty("seed", seed);
        c.addProperty("device", device);
        if (limit != null) {
            c.addProperty("limit", limit);
        }
        return c;
    }

    private JsonObject summary(Design d, DataSources.Source src, String dataSpec, RunFolder run,
            List<PlainTrainingLoop.EpochResult> results, PlainTrainingLoop loop, String evalName, int trainSize,
            int evalSize) {
        PlainTrainingLoop.EpochResult last = results.get(results.size() - 1);
        JsonObject o = new JsonObject();
        o.addProperty("design", d.metadata().name());
        o.addProperty("design_file", design.toString());
        o.addProperty("data", dataSpec);
        o.addProperty("dataset", src.name());
        o.addProperty("train_samples", trainSize);
        o.addProperty(evalName + "_samples", evalSize);
        o.addProperty("epochs", epochs);
        o.addProperty("steps", loop.steps());
        o.addProperty("train_loss", last.trainLoss());
        o.addProperty("train_accuracy", last.trainAccuracy());
        o.addProperty("eval_split", evalName);
        o.add("eval_loss", Json.toJson(last.evalLoss()));
        o.add("eval_accuracy", Json.toJson(last.evalAccuracy()));
        o.addProperty("images_per_second", Math.round(loop.imagesPerSecond() * 10) / 10.0);
        o.addProperty("run_dir", run.dir().toString());
        o.addProperty("weights", run.weights().toString());
        o.addProperty("checkpoint", run.checkpoint().toString());
        JsonArray classes = new JsonArray();
        src.classes().forEach(classes::add);
        o.add("classes", classes);
        JsonArray history = new JsonArray();
        for (var r : results) {
            JsonObject e = new JsonObject();
            e.addProperty("epoch", r.epoch());
            e.addProperty("train_loss", r.trainLoss());
            e.addProperty("train_accuracy", r.trainAccuracy());
            e.add("eval_loss", Json.toJson(r.evalLoss()));
            e.add("eval_accuracy", Json.toJson(r.evalAccuracy()));
            e.addProperty("seconds", Math.round(r.seconds() * 1000) / 1000.0);
            history.add(e);
        }
        o.add("history", history);
        return o;
    }
}
