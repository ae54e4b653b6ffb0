package io.netwright.cli;

import io.netwright.export.ExportCheck;
import io.netwright.export.ExportCheckReport;
import io.netwright.export.ExportException;
import io.netwright.export.ExportSource;
import io.netwright.export.OnnxExporter;
import io.netwright.export.OnnxOptions;
import io.netwright.export.PyTorchExporter;
import io.netwright.export.PyTorchRecipes;
import io.netwright.export.TritonExporter;
import io.netwright.export.TritonRepository;
import io.netwright.export.TritonOptions;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.GraphModule;
import io.netwright.tensor.Generator;
import io.netwright.train.DataSpec;
import io.netwright.train.ReferenceBatch;
import io.netwright.train.RunFolder;
import io.netwright.train.TrainingConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwright export DESIGN|RUN --format onnx|triton|pytorch --out PATH}: writes the design with its weights
 * as an ONNX model, a Triton model repository or PyTorch code, then (unless {@code --no-check}) runs the export on a
 * reference batch next to our engine and prints the export check report. Outputs are written atomically and an
 * existing one is kept unless {@code --force}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a design with its weights to ONNX, a Triton model repository or PyTorch code, and "
                + "check the export against Netwright's engine on a reference batch.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DESIGN|RUN_DIR",
            description = "A design file (.json) or a run folder (its design and weights).")
    Path target;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "onnx",
            description = "onnx, triton or pytorch (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "The .onnx file (onnx), or the folder to create (triton: the model repository; pytorch: "
                    + "the code folder).")
    Path out;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Weights: a .safetensors file, a run folder or a checkpoint folder (default: the run's; "
                    + "a design without weights exports its initial weights, seed 0).")
    Path weights;

    @Option(names = "--checkpoint", paramLabel = "last|best",
            description = "With a run folder: export this checkpoint instead of the final weights.")
    String checkpoint;

    @Option(names = "--opset", paramLabel = "N", defaultValue = "17",
            description = "ONNX opset, 13 to 17 (default: ${DEFAULT-VALUE}).")
    int opset;

    @Option(names = "--probabilities", description = "Add a 'probabilities' output (Softmax of the logits).")
    boolean probabilities;

    @Option(names = "--force", description = "Replace an existing output.")
    boolean force;

    @Option(names = "--check", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the export on a reference batch next to our engine and print the report "
                    + "(default: on; --no-check skips it).")
    boolean check;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "8",
            description = "Reference batch size for the check (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--name", paramLabel = "NAME",
            description = "triton: the model name (default: the design's name, folder-safe).")
    String name;

    @Option(names = "--max-batch", paramLabel = "N", defaultValue = "32",
            description = "triton: max_batch_size (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--instance-kind", paramLabel = "KIND", defaultValue = "auto",
            description = "triton: auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String instanceKind;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "triton: model instances per device (default: ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--torchscript",
            description = "triton: also a pytorch_libtorch model (1/model.pt traced from the PyTorch export where "
                    + "python3 with torch is found).")
    boolean torchscript;

    @Override
    public Integer call() throws IOException {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("onnx", "triton", "pytorch").contains(fmt)) {
            throw new UsageError("--format " + format + ": use onnx, triton or pytorch");
        }
        if (samples < 1) {
            throw new UsageError("--samples " + samples + ": must be at least 1");
        }
        OnnxOptions onnx;
        TritonOptions triton;
        try {
            onnx = new OnnxOptions(opset, probabilities);
            triton = new TritonOptions(name, maxBatch, instanceKind, instances, onnx, torchscript);
        } catch (ExportException e) {
            throw new UsageError(e.getMessage());
        }
        if (!force && Files.exists(out)) {
            throw new CliError(out + " exists — pass --force to replace it, or choose another --out");
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Loaded l = load(err);
        ExportSource src;
        try {
            src = new ExportSource(l.design(), l.analysis(), l.model(), l.classes());
            Path written;
            List<String> notes = new java.util.ArrayList<>();
            switch (fmt) {
                case "onnx" -> {
                    OnnxExporter.write(src, onnx, out, force);
                    written = out;
                }
                case "triton" -> {
                    TritonRepository repo = TritonExporter.write(src, triton, out, force);
                    written = repo.model();
                    notes.addAll(repo.notes());
                }
                default -> {
                    PyTorchExporter.export(src, PyTorchRecipes.from(l.config()), out,
                            force);
                    written = out;
                }
            }
            o.println("Exported " + src.name() + " (" + fmt + (fmt.equals("pytorch") ? "" : ", opset " + opset)
                    + ") to " + written);
            notes.forEach(n -> err.println("note: " + n));
            if (check) {
                ExportCheckReport r;
                if (fmt.equals("pytorch")) {
                    r = ExportCheck.pytorch(src, out);
                } else {
                    ReferenceBatch ref = ReferenceBatch.of(l.design(), l.config(), samples);
                    Path onnxFile = fmt.equals("onnx") ? out : written.resolve(TritonExporter.VERSION)
                            .resolve(TritonExporter.ONNX_FILE);
                    r = ExportCheck.onnx(src, Files.readAllBytes(onnxFile), ref.inputs(), ref.text(), fmt, opset,
                            out);
                }
                r.lines().forEach(o::println);
                o.flush();
                if (r.checked() && !r.passed()) {
                    throw new CliError("export check failed: the exported model's outputs differ from Netwright's "
                            + "beyond tolerance — the files are written; please report the design");
                }
            }
        } catch (ExportException e) {
            throw new CliError(e.getMessage(), e);
        }
        return 0;
    }

    /** The design, its compiled model with weights, class names, the run's config (a design's defaults). */
    record Loaded(Design design, DesignAnalysis analysis, GraphModule model, List<String> classes,
            TrainingConfig config) {
    }

    private Loaded load(PrintWriter err) throws IOException {
        boolean isRun = Files.isRegularFile(target.resolve(RunFolder.CONFIG));
        Path designPath = isRun ? target.resolve(RunFolder.DESIGN) : target;
        if (checkpoint != null && !isRun) {
            throw new UsageError("--checkpoint " + checkpoint + ": only for a run folder");
        }
        Design d = DesignArgs.read(designPath);
        DesignAnalysis analysis = new Analyzer().analyze(d);
        GraphModule model = DesignArgs.compile(designPath, analysis, new Generator(0));
        Path w = weights;
        if (w == null && isRun) {
            w = checkpoint == null ? target : checkpointFolder(target, checkpoint);
        }
        Map<String, String> meta = Map.of();
        if (w != null) {
            meta = WeightsArgs.load(w, model, d.metadata().name());
        } else {
            err.println("note: no --weights: exporting the design's initial weights (seed 0)");
        }
        model.eval();
        int[] outShape = analysis.outputShape().map(s -> s.dims()).orElse(new int[0]);
        List<String> classes = outShape.length == 1 && d.head().loss().isClassification()
                ? ClassNames.of(d, designPath, meta, outShape[0], n -> err.println("note: " + n)) : List.of();
        // a design's dataset path is relative to its folder; a run's config has it resolved already
        TrainingConfig config = isRun ? RunFolder.open(target).readConfig()
                : TrainingConfig.of(d.withInput(d.input().withDataset(DataSpec.inDesignFolder(d.input().dataset(),
                        designPath))));
        return new Loaded(d, analysis, model, classes, config);
    }

    private static Path checkpointFolder(Path run, String which) {
        if (!which.equals("last") && !which.equals("best")) {
            throw new UsageError("--checkpoint " + which + ": use last or best");
        }
        Path p = run.resolve(RunFolder.CHECKPOINTS).resolve(which);
        if (!Files.isDirectory(p)) {
            throw new CliError(run + ": has no checkpoints/" + which + " — the run did not write one");
        }
        return p;
    }
}
