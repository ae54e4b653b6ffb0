package io.netwright.ui.export;

import com.google.gson.JsonParser;
import io.netwright.export.ExportCheck;
import io.netwright.export.ExportException;
import io.netwright.export.ExportSource;
import io.netwright.export.OnnxExporter;
import io.netwright.export.OnnxOptions;
import io.netwright.export.PyTorchExporter;
import io.netwright.export.PyTorchRecipes;
import io.netwright.export.TritonExporter;
import io.netwright.export.TritonOptions;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.GraphModule;
import io.netwright.io.Safetensors;
import io.netwright.io.SafetensorsFile;
import io.netwright.nn.StateDictException;
import io.netwright.tensor.Generator;
import io.netwright.train.DataSpec;
import io.netwright.train.ReferenceBatch;
import io.netwright.train.RunFolder;
import io.netwright.train.RunModel;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link ExportRequest} off the FX thread: loads the weights, exports, and checks the export against our
 * engine on the reference batch, as {@code netwright export} does. Never throws: a failure is an outcome with a
 * one-line error.
 */
public final class ExportJob {

    private ExportJob() {
    }

    /** Does {@code r} (blocking). */
    public static ExportOutcome run(ExportRequest r) {
        try {
            Loaded l = load(r);
            OnnxOptions onnx = new OnnxOptions(r.opset(), r.probabilities());
            ExportSource src = new ExportSource(l.design(), l.analysis(), l.model(), l.classes());
            Path written;
            Path onnxFile = null;
            switch (r.format()) {
                case ONNX -> {
                    OnnxExporter.write(src, onnx, r.output(), r.force());
                    written = r.output();
                    onnxFile = written;
                }
                case TRITON -> {
                    TritonOptions t = new TritonOptions(null, 32, "auto", 1, onnx, false);
                    written = TritonExporter.write(src, t, r.output(), r.force()).model();
                    onnxFile = written.resolve(TritonExporter.VERSION).resolve(TritonExporter.ONNX_FILE);
                }
                default -> {
                    PyTorchExporter.export(src, PyTorchRecipes.from(l.config()), r.output(), r.force());
                    written = r.output();
                }
            }
            if (!r.check()) {
                return new ExportOutcome(written, null, null);
            }
            if (onnxFile == null) {
                return new ExportOutcome(written, ExportCheck.pytorch(src, written), null);
            }
            ReferenceBatch ref = ReferenceBatch.of(l.design(), l.config(), r.samples());
            return new ExportOutcome(written, ExportCheck.onnx(src, Files.readAllBytes(onnxFile), ref.inputs(),
                    ref.text(), r.format().name().toLowerCase(java.util.Locale.ROOT), r.opset(), r.output()), null);
        } catch (ExportException e) {
            return ExportOutcome.failed(e.getMessage());
        } catch (IOException | RuntimeException e) {
            return ExportOutcome.failed(oneLine(e));
        }
    }

    private record Loaded(Design design, DesignAnalysis analysis, GraphModule model, List<String> classes,
            TrainingConfig config) {
    }

    private static Loaded load(ExportRequest r) throws IOException {
        WeightsChoice w = r.weights();
        if (w instanceof WeightsChoice.Run run) {
            RunModel m = RunModel.load(run.run().dir(), null);
            Design d = m.design();
            return new Loaded(d, new Analyzer().analyze(d), m.model(), classes(d, m.config(), runClasses(
                    run.run().dir())), m.config());
        }
        Design d = r.design();
        DesignAnalysis a = new Analyzer().analyze(d);
        if (a.hasErrors()) {
            throw new ExportException("the design has errors: " + a.errors().get(0).text()
                    + " — fix them on the Design tab first");
        }
        GraphModule model = DesignCompiler.compile(a, new Generator(0));
        List<String> fromFile = List.of();
        if (w instanceof WeightsChoice.File f) {
            SafetensorsFile sf = Safetensors.read(f.file());
            try {
                model.loadStateDict(sf.tensors(), true);
            } catch (StateDictException e) {
                throw new ExportException(f.file().getFileName() + ": the weights do not fit the design: "
                        + oneLine(e));
            }
            fromFile = metadataClasses(sf.metadata());
        }
        model.eval();
        // the dataset path of a saved design is relative to its folder
        TrainingConfig config = TrainingConfig.of(d.withInput(d.input().withDataset(DataSpec.inDesignFolder(
                d.input().dataset(), r.designFile()))));
        return new Loaded(d, a, model, classes(d, config, fromFile), config);
    }

    /** Class names: those given if they fit the output, else the dataset's, else none (not a classifier). */
    static List<String> classes(Design d, TrainingConfig config, List<String> known) {
        DesignAnalysis a = new Analyzer().analyze(d);
        int[] out = a.outputShape().map(s -> s.dims()).orElse(new int[0]);
        if (out.length != 1 || !d.head().loss().isClassification()) {
            return List.of();
        }
        if (known.size() == out[0]) {
            return known;
        }
        try {
            List<String> names = TrainingData.resolve(config != null ? config : TrainingConfig.of(d)).classes();
            if (names.size() == out[0]) {
                return names;
            }
        } catch (IOException | RuntimeException e) {
            // no readable dataset: the exporters number the classes
        }
        return List.of();
    }

    private static List<String> runClasses(Path dir) {
        try {
            return RunFolder.open(dir).readEvaluation().map(e -> e.classes()).orElse(List.of());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> metadataClasses(Map<String, String> meta) {
        String json = meta.get("netwright.classes");
        if (json == null) {
            return List.of();
        }
        try {
            List<String> names = new ArrayList<>();
            JsonParser.parseString(json).getAsJsonArray().forEach(e -> names.add(e.getAsString()));
            return names;
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
