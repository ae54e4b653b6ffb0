package io.netwright.cli;

import com.google.gson.JsonObject;
import io.netwright.data.Dataset;
import io.netwright.data.Datasets;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.io.AtomicFiles;
import io.netwright.io.Json;
import io.netwright.train.DataSpec;
import io.netwright.train.RunStore;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code netwright train DESIGN --data SPEC}: runs the {@link Trainer} with a console listener (progress bar,
 * validation figures per epoch, the final test evaluation), then writes {@code weights.safetensors} (the final
 * weights, PyTorch key names, class names in the metadata) next to the trainer's run folder content (config,
 * metrics, events, {@code checkpoints/last} and {@code best}, {@code evaluation.json}). {@code --json} prints a
 * machine-readable summary on stdout; progress then goes to stderr. Ctrl-C stops the run after the current step
 * and writes {@code checkpoints/last}.
 */
@Command(name = "train", mixinStandardHelpOptions = true, defaultValueProvider = TrainDefaults.class,
        description = "Train a design on a dataset with a progress bar; save weights (safetensors, PyTorch key "
                + "names), checkpoints, metrics and the test evaluation in the run folder.")
final class TrainCommand implements Callable<Integer> {

    /** The run-folder file of command-line options the training config does not hold. */
    static final String CLI_OPTIONS = "cli.json";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "DESIGN", description = "The design file (.json), e.g. samples/designs/lenet5.json.")
    Path design;

    @Option(names = "--data", paramLabel = "SPEC",
            description = "The dataset: a bundled sample (fashion-mnist-small, shapes10), a folder (IDX files, "
                    + "CIFAR binary batches, train.csv/test.csv, or one sub-folder of images per class, optionally under train/ "
                    + "and test/) or a CSV file (default: the design's dataset).")
    String data;

    @Mixin
    RunFormArgs run;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Start from a saved training config: the studio's (Train tab settings, kept in "
                    + "~/.netwright/train-configs/) or a run's config.json. Its design is replaced by DESIGN; options "
                    + "given here override its settings.")
    Path configFile;

    @Option(names = "--out", paramLabel = "RUN_DIR",
            description = "The run folder, new or empty (default: a new folder under ~/.netwright/runs).")
    Path out;

    @Option(names = "--limit", paramLabel = "N",
            description = "Use at most N samples of each split (a random subset): quick trials.")
    Integer limit;

    @Option(names = "--json", description = "Print a JSON summary on stdout at the end (progress goes to stderr).")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        checkOptions();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter log = json ? spec.commandLine().getErr() : stdout;

        Design d = DesignArgs.read(design);
        DesignAnalysis analysis = new Analyzer().analyze(d);
        DesignArgs.requireValid(design, analysis);
        TrainingConfig config = config(d);
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            throw new CliError(design.getFileName() + ": " + ShortErrors.oneLine(String.join("\n", problems)));
        }
        String dataSpec = config.dataSpec();
        TrainingData trainingData = data(config, dataSpec);
        checkClasses(analysis, d, trainingData.classes().size(), dataSpec);
        Path runDir = runDir(config);

        writeCliOptions(runDir);
        Trainer trainer = Trainer.create(config, runDir, trainingData);
        ConsoleRun.Outcome outcome = ConsoleRun.run(trainer, runDir, trainingData.name(), log,
                main != null && main.terminal() && !json);
        if (json) {
            JsonObject summary = ConsoleRun.summary(config, trainingData.name(), runDir, outcome);
            summary.addProperty("design_file", design.toString());
            stdout.println(Json.GSON.toJson(summary));
            stdout.flush();
        }
        return 0;
    }

    private void checkOptions() {
        run.check(spec.commandLine().getParseResult());
        if (limit != null && limit <= 0) {
            throw new UsageError("--limit " + limit + ": must be a positive number of samples");
        }
    }

    /**
     * The config: the {@code --config} file's (for this design) or the shared defaults, then every option given
     * here. The design's own dataset path is taken from the design file's folder; the config keeps it resolved, so
     * resume and eval find it from any folder.
     */
    private TrainingConfig config(Design d) throws IOException {
        TrainingConfig base = configFile == null ? TrainingConfig.of(d) : readConfig(configFile, d);
        String own = d.input().dataset().trim();
        String fromBase = base.data().spec().trim();
        String dataSpec = data != null ? data : !fromBase.isEmpty() && !fromBase.equals(own) ? fromBase
                : DataSpec.inDesignFolder(own, design);
        return run.apply(base.withData(base.data().withSpec(dataSpec)), spec.commandLine().getParseResult());
    }

    /** The training config in {@code file}, for design {@code d}; a one-line error naming the file otherwise. */
    static TrainingConfig readConfig(Path file, Design d) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CliError("--config " + file + ": no such file — give a saved training config (the studio keeps "
                    + "them in ~/.netwright/train-configs/) or a run's config.json");
        }
        try {
            return TrainingConfig.fromJson(io.netwright.files.InputFiles.readUtf8(file,
                    io.netwright.files.InputFiles.TEXT_LIMIT, "training config"), d);
        } catch (IllegalArgumentException e) {
            throw new CliError("--config " + file + ": " + ShortErrors.oneLine(e.getMessage()), e);
        }
    }

    /** Resolves and splits the data here, so a bad SPEC is a one-line error before anything starts. */
    private TrainingData data(TrainingConfig config, String dataSpec) {
        if (dataSpec.isEmpty()) {
            throw new CliError("--data is missing and " + design.getFileName() + " names no dataset — give --data, "
                    + "e.g. --data fashion-mnist-small, or set input.dataset in the design");
        }
        TrainingData td;
        try {
            td = TrainingData.resolve(config);
        } catch (IOException | RuntimeException e) {
            throw dataError(config, dataSpec, e);
        }
        return limit == null ? td : limited(td, limit, config.seed());
    }

    /** The one-line error for data that cannot be opened, naming where the SPEC came from. */
    private CliError dataError(TrainingConfig config, String dataSpec, Exception e) {
        boolean fromDesign = data == null;
        String named = fromDesign ? config.design().input().dataset().trim() : dataSpec;
        String where = fromDesign ? "input.dataset '" + named + "' in " + design.getFileName() : "--data " + dataSpec;
        if (ClassNames.known(named).isPresent() && !Files.exists(Path.of(dataSpec))) {
            String fix = fromDesign
                    ? "download it and set input.dataset to its folder (relative to the design file), or give "
                            + "--data ~/data/cifar-10-batches-bin, or --data " + DataSpec.BUNDLED.get(0)
                    : "download it and give its folder, e.g. --data ~/data/cifar-10-batches-bin, or use "
                            + DataSpec.BUNDLED.get(0);
            return new CliError(where + ": this dataset is not bundled and Netwright does not download it — " + fix, e);
        }
        String msg = ShortErrors.oneLine(ShortErrors.message(e));
        msg = msg.startsWith(dataSpec + ": ") ? msg.substring(dataSpec.length() + 2) : msg;
        if (fromDesign && !dataSpec.equals(named)) {
            msg += " (looked for " + dataSpec + ": a path in input.dataset is relative to the design's folder)";
        }
        return new CliError(where + ": " + msg, e);
    }

    /** At most {@code limit} samples of each split, a random subset fixed by {@code seed} (resume redoes it). */
    static TrainingData limited(TrainingData td, int limit, long seed) {
        return new TrainingData(td.name(), td.classes(), limited(td.train(), limit, seed),
                limited(td.validation(), limit, seed + 1), limited(td.test(), limit, seed + 2));
    }

    private static <T> Dataset<T> limited(Dataset<T> ds, int limit, long splitSeed) {
        if (ds == null || ds.size() <= limit) {
            return ds;
        }
        return Datasets.randomSplit(ds, splitSeed, limit, ds.size() - limit).get(0);
    }

    /** The {@code --limit} a run was trained with, from its {@code cli.json}. */
    static Optional<Integer> recordedLimit(Path runDir) throws IOException {
        Path file = runDir.resolve(CLI_OPTIONS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var o = io.netwright.files.JsonFields.of(file, io.netwright.files.JsonInput.readObject(file, "cli.json"));
        return o.has("limit") ? Optional.of(o.intNumber("limit", 1, Integer.MAX_VALUE)) : Optional.empty();
    }

    /**
     * Records the options the trainer's config has no place for ({@code --limit}) in {@code cli.json}, so that
     * {@code resume} trains on the same samples.
     */
    private void writeCliOptions(Path runDir) throws IOException {
        if (limit == null) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("limit", limit);
        Files.createDirectories(runDir);
        AtomicFiles.writeString(runDir.resolve(CLI_OPTIONS), Json.GSON.toJson(o) + "\n");
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
            String where = data != null ? "--data " + dataSpec
                    : "input.dataset '" + d.input().dataset().trim() + "' in " + design.getFileName();
            throw new CliError(where + ": has " + classes + " classes but " + design.getFileName()
                    + " outputs " + SummaryCommand.shapeText(java.util.Arrays.stream(dims).boxed().toList())
                    + " — set out_features=" + classes + last);
        }
    }

    /** {@code --out} (new or empty), or a new folder in the run store. */
    private Path runDir(TrainingConfig config) throws IOException {
        if (out == null) {
            return new RunStore(RunStore.defaultRoot()).newRunDir(config);
        }
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new CliError("--out " + out + ": is a file — give a folder for the run");
            }
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new CliError("--out " + out + ": the folder is not empty — choose a new run folder or "
                            + "delete this one");
                }
            }
        }
        return out;
    }
}
