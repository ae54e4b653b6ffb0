package io.netwright.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.netwright.graph.Design;
import io.netwright.io.Safetensors;
import io.netwright.io.SafetensorsFile;
import io.netwright.nn.Module;
import io.netwright.nn.StateDictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --weights} argument: a safetensors file, a run folder (its {@code weights.safetensors}) or a
 * checkpoint folder (its {@code model.safetensors}), loaded strictly into a compiled design.
 */
final class WeightsArgs {

    /** The weights file the train command writes in a run folder. */
    static final String RUN_WEIGHTS = "weights.safetensors";
    /** Metadata key of the class names (a JSON array) in a weights file. */
    static final String META_CLASSES = "netwright.classes";
    /** Metadata key of the design name in a weights file. */
    static final String META_DESIGN = "netwright.design";
    /** Metadata key of the input shape (a JSON array) in a weights file. */
    static final String META_INPUT = "netwright.input_shape";

    private WeightsArgs() {
    }

    /**
     * The safetensors file {@code path} stands for.
     *
     * @throws CliError when there is none
     */
    static Path resolve(Path path) {
        if (Files.isDirectory(path)) {
            for (Path p : List.of(path.resolve(RUN_WEIGHTS), path.resolve("model.safetensors"),
                    path.resolve("checkpoints").resolve("last").resolve("model.safetensors"))) {
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
            throw new CliError(path + ": no weights in this folder — expected " + RUN_WEIGHTS + " (a run folder)"
                    + " or model.safetensors (a checkpoint)");
        }
        if (!Files.isRegularFile(path)) {
            throw new CliError(path + ": no such weights file");
        }
        return path;
    }

    /**
     * Reads {@code path} (see {@link #resolve}) and loads it into {@code model} strictly.
     *
     * @return the file's metadata
     * @throws CliError naming the file and every missing, unexpected or mis-shaped key
     */
    static Map<String, String> load(Path path, Module model, String designName) {
        Path file = resolve(path);
        SafetensorsFile f;
        try {
            f = Safetensors.read(file);
        } catch (IOException e) {
            throw new CliError(file + ": cannot be read as safetensors: " + ShortErrors.message(e), e);
        }
        try {
            model.loadStateDict(f.tensors(), true);
        } catch (StateDictException e) {
            List<String> parts = new ArrayList<>();
            if (!e.missing().isEmpty()) {
                parts.add("missing " + keys(e.missing()));
            }
            if (!e.unexpected().isEmpty()) {
                parts.add("unexpected " + keys(e.unexpected()));
            }
            parts.addAll(e.mismatched());
            throw new CliError(file + ": the weights do not fit design '" + designName + "': "
                    + String.join("; ", parts) + " — were they trained with another design?", e);
        }
        return f.metadata();
    }

    /** The class names stored in weights metadata, if any. */
    static Optional<List<String>> classes(Map<String, String> metadata) {
        String text = metadata.get(META_CLASSES);
        if (text == null) {
            return Optional.empty();
        }
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonArray()) {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            for (JsonElement x : (JsonArray) e) {
                out.add(x.getAsString());
            }
            return Optional.of(List.copyOf(out));
        } catch (RuntimeException e) {
            return Optional.empty(); // malformed metadata: fall back to other sources of names
        }
    }

    /**
     * Writes the model weights of checkpoint folder {@code checkpoint} to {@code target} as safetensors with the
     * design name, the input shape and the class names in the metadata (what {@code predict} reads back).
     */
    static void export(Path checkpoint, Path target, Design design, List<String> classes) throws IOException {
        SafetensorsFile model = Safetensors.read(checkpoint.resolve("model.safetensors"));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put(META_DESIGN, design.metadata().name());
        JsonArray shape = new JsonArray();
        design.input().shape().forEach(shape::add);
        meta.put(META_INPUT, shape.toString());
        JsonArray names = new JsonArray();
        classes.forEach(names::add);
        meta.put(META_CLASSES, names.toString());
        Safetensors.write(target, model.tensors(), meta);
    }

    private static String keys(List<String> keys) {
        int shown = Math.min(keys.size(), 5);
        return String.join(", ", keys.subList(0, shown)) + (keys.size() > shown ? ", ... (" + keys.size() + " keys)"
                : "");
    }
}
