package io.netwright.export;

import com.google.gson.JsonArray;
import io.netwright.graph.Loss;
import io.netwright.io.Safetensors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports a design as PyTorch code: a folder with {@code model.py} (see {@link PyTorchCode}), the weights
 * ({@code weights.safetensors}, our keys), {@code labels.txt}, {@code export_utils.py}, {@code predict.py},
 * {@code to_torchscript.py}, {@code train_ddp.py} (the run's recipe, see {@link TrainScript}) and a README. The
 * folder is written atomically and an existing one is refused unless {@code force}.
 *
 * <pre>{@code PyTorchExporter.export(src, TrainingRecipe.defaults("fashion-mnist-small"), Path.of("lenet5-pt"), false);}</pre>
 */
public final class PyTorchExporter {

    /** The scripts copied as they are from {@code resources/export/pytorch/}. */
    static final List<String> SCRIPTS = List.of("export_utils.py", "predict.py", "to_torchscript.py");

    /** Metadata keys of the weights file, as Netwright's own weights files use them. */
    static final String META_DESIGN = "netwright.design";
    static final String META_CLASSES = "netwright.classes";
    static final String META_INPUT = "netwright.input_shape";

    private PyTorchExporter() {
    }

    /**
     * Writes the PyTorch export of {@code src} to the folder {@code outDir}.
     *
     * @param recipe the run's training recipe, or null for {@link TrainingRecipe#defaults} on the design's dataset
     * @throws ExportException naming the node or file and the fix when the export cannot be made
     */
    public static void export(ExportSource src, TrainingRecipe recipe, Path outDir, boolean force) {
        TrainingRecipe r = recipe != null ? recipe : TrainingRecipe.defaults(src.design().input().dataset());
        String model = PyTorchCode.modelPy(src);
        String train = TrainScript.text(src, r);
        String readme = readme(src, r);
        ExportOutput.folder(outDir, force, dir -> {
            write(dir.resolve("model.py"), model);
            Safetensors.write(dir.resolve("weights.safetensors"), src.model().stateDict(), metadata(src));
            if (!src.classes().isEmpty()) {
                write(dir.resolve("labels.txt"), String.join("\n", src.classes()) + "\n");
            }
            for (String s : SCRIPTS) {
                write(dir.resolve(s), resource(s));
            }
            write(dir.resolve("train_ddp.py"), train);
            write(dir.resolve("README.md"), readme);
        });
    }

    /** The weights file's metadata: design name, input shape and class names (JSON arrays). */
    static Map<String, String> metadata(ExportSource src) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(META_DESIGN, src.name());
        JsonArray shape = new JsonArray();
        for (int d : src.inputShape()) {
            shape.add(d);
        }
        meta.put(META_INPUT, shape.toString());
        JsonArray names = new JsonArray();
        src.classes().forEach(names::add);
        meta.put(META_CLASSES, names.toString());
        meta.put("format", "pt");
        return meta;
    }

    private static String readme(ExportSource src, TrainingRecipe r) {
        long params = src.model().numParameters(false);
        return resource("README.md").replace("{{name}}", src.name())
                .replace("{{class}}", PyTorchCode.className(src.name()))
                .replace("{{params}}", String.format(java.util.Locale.ROOT, "%,d", params))
                .replace("{{input}}", join(src.inputShape())).replace("{{output}}", join(src.outputShape()))
                .replace("{{dataset}}", r.dataset().isEmpty() ? "PATH" : r.dataset())
                .replace("{{batch}}", String.valueOf(r.batchSize())).replace("{{recipe}}", TrainScript.summary(r,
                        lossName(src)));
    }

    /** The PyTorch loss class of the design's head. */
    static String lossName(ExportSource src) {
        Loss loss = src.design().head().loss();
        return loss.torchName();
    }

    private static String join(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return sb.toString();
    }

    /** The text of {@code resources/export/pytorch/<name>}. */
    static String resource(String name) {
        String path = "/export/pytorch/" + name;
        try (InputStream in = PyTorchExporter.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new ExportException("resource " + path + " is missing from the build — rebuild Netwright "
                        + "(mvn package) so resources/export/ is on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException("resource " + path + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
