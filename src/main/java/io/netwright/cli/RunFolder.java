package io.netwright.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netwright.graph.Design;
import io.netwright.graph.DesignFiles;
import io.netwright.io.AtomicFiles;
import io.netwright.io.Json;
import io.netwright.io.Safetensors;
import io.netwright.nn.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folder of a command-line training run: {@code design.json} (the design as trained), {@code config.json},
 * {@code metrics.csv} (one row per epoch), {@code weights.safetensors} (PyTorch key names, with the class names and
 * input spec in the metadata) and {@code checkpoints/last} (model, optimizer and progress, for resuming).
 */
final class RunFolder {

    /** The weights file in a run folder. */
    static final String WEIGHTS = "weights.safetensors";
    /** Metadata key of the class names (a JSON array) in a weights file. */
    static final String META_CLASSES = "netwright.classes";
    /** Metadata key of the design name in a weights file. */
    static final String META_DESIGN = "netwright.design";
    /** Metadata key of the input shape (a JSON array) in a weights file. */
    static final String META_INPUT = "netwright.input_shape";

    private final Path dir;

    private RunFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates the run folder {@code out}, or {@code runs/<design>-<time>} when {@code out} is null.
     *
     * @throws CliError when {@code out} exists and is not an empty folder
     */
    static RunFolder create(Path out, Path designFile) {
        Path dir = out;
        if (dir == null) {
            String stem = designFile.getFileName().toString().replaceFirst("\\.json$", "");
            dir = Path.of("runs", stem + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                    "yyyyMMdd-HHmmss", Locale.ROOT)));
        }
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new CliError("--out " + dir + ": is a file — give a folder for the run");
                }
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new CliError("--out " + dir + ": the folder is not empty — choose a new run folder or "
                                + "delete this one");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliError("--out " + dir + ": cannot create the run folder: " + ShortErrors.message(e), e);
        }
        return new RunFolder(dir);
    }

    /** The folder. */
    Path dir() {
        return dir;
    }

    /** The weights file. */
    Path weights() {
        return dir.resolve(WEIGHTS);
    }

    /** The checkpoint folder. */
    Path checkpoint() {
        return dir.resolve("checkpoints").resolve("last");
    }

    /** Writes the design snapshot and the config. */
    void writeStart(Design design, JsonObject config) throws IOException {
        DesignFiles.write(dir.resolve("design.json"), design);
        AtomicFiles.writeString(dir.resolve("config.json"), Json.GSON.toJson(config) + "\n");
    }

    /** Writes {@code metrics.csv}: one row per epoch. */
    void writeMetrics(List<PlainTrainingLoop.EpochResult> epochs, String evalName) throws IOException {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_accuracy," + evalName + "_loss," + evalName
                + "_accuracy,seconds\n");
        for (var r : epochs) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f%n", r.epoch(), r.trainLoss(),
                    r.trainAccuracy(), r.evalLoss(), r.evalAccuracy(), r.seconds()));
        }
        AtomicFiles.writeString(dir.resolve("metrics.csv"), sb.toString());
    }

    /** Writes the model's state dict as safetensors with the class names and input shape in the metadata. */
    void writeWeights(Module model, Design design, List<String> classes) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put(META_DESIGN, design.metadata().name());
        JsonArray shape = new JsonArray();
        design.input().shape().forEach(shape::add);
        meta.put(META_INPUT, shape.toString());
        JsonArray names = new JsonArray();
        classes.forEach(names::add);
        meta.put(META_CLASSES, names.toString());
        Safetensors.write(weights(), model.stateDict(), meta);
    }
}
