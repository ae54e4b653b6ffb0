package io.netwright.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a Triton Inference Server model repository: {@code REPO/<name>/config.pbtxt}, {@code 1/model.onnx}
 * ({@link OnnxExporter}) and {@code labels.txt} for a classifier. The config uses {@code onnxruntime_onnx}, gives
 * {@code max_batch_size} with dims per sample (Triton adds the batch dimension), FP32 (or INT64 indices) types,
 * {@code dynamic_batching} and an {@code instance_group}.
 *
 * <pre>{@code TritonExporter.write(src, TritonOptions.defaults(), Path.of("repo"), false);}</pre>
 */
public final class TritonExporter {

    /** The version folder Triton loads by default. */
    public static final String VERSION = "1";
    /** The config file name. */
    public static final String CONFIG = "config.pbtxt";
    /** The labels file name. */
    public static final String LABELS = "labels.txt";
    /** The ONNX model file name Triton's onnxruntime backend looks for. */
    public static final String ONNX_FILE = "model.onnx";

    private TritonExporter() {
    }

    /**
     * Writes the repository folder {@code repo} atomically (with {@code force}, an existing one is replaced).
     *
     * @return the model folders written and notes for the user
     */
    public static TritonRepository write(ExportSource src, TritonOptions options, Path repo, boolean force) {
        String name = options.nameFor(src.name());
        byte[] onnx = OnnxExporter.toModel(src, options.onnx()).toByteArray();
        boolean indices = src.steps().stream().anyMatch(s -> s.live() && s.type().name().equals("Embedding")
                && s.inputs().stream().anyMatch(i -> src.steps().stream().anyMatch(t -> t.isInput()
                        && t.id().equals(i))));
        List<String> labels = labels(src);
        List<String> notes = new java.util.ArrayList<>();
        ExportOutput.folder(repo, force, dir -> {
            Path model = dir.resolve(name);
            Files.createDirectories(model.resolve(VERSION));
            Files.write(model.resolve(VERSION).resolve(ONNX_FILE), onnx);
            Files.writeString(model.resolve(CONFIG), config(name, "onnxruntime_onnx", OnnxExporter.INPUT,
                    OnnxExporter.LOGITS, indices ? "TYPE_INT64" : "TYPE_FP32", src.inputShape(), src.outputShape(),
                    !labels.isEmpty(), options), StandardCharsets.UTF_8);
            writeLabels(model, labels);
            if (options.torchscript()) {
                String note = TritonTorchScript.write(src, dir.resolve(name + "_torchscript"), options, indices,
                        labels);
                if (note != null) {
                    notes.add(note);
                }
            }
        });
        return new TritonRepository(repo.resolve(name), options.torchscript() ? repo.resolve(name + "_torchscript")
                : null, notes);
    }

    /** Writes {@code labels.txt} (one class per line) into {@code model} when there are labels. */
    static void writeLabels(Path model, List<String> labels) throws IOException {
        if (!labels.isEmpty()) {
            Files.writeString(model.resolve(LABELS), String.join("\n", labels) + "\n", StandardCharsets.UTF_8);
        }
    }

    /**
     * The class names for a classifier (a vector output under a classification loss): those known, else the
     * indices; empty otherwise.
     */
    static List<String> labels(ExportSource src) {
        int[] out = src.outputShape();
        if (out.length != 1 || !src.design().head().loss().isClassification()) {
            return List.of();
        }
        if (src.classes().size() == out[0]) {
            return src.classes().stream().map(c -> c.replace('\n', ' ')).toList();
        }
        return java.util.stream.IntStream.range(0, out[0]).mapToObj(Integer::toString).toList();
    }

    /** The text of config.pbtxt (protobuf text format of Triton's ModelConfig). */
    static String config(String name, String platform, String input, String output, String inputType,
            int[] inShape, int[] outShape, boolean labels, TritonOptions o) {
        StringBuilder b = new StringBuilder();
        b.append("# written by Netwright: a Triton model configuration (protobuf text format)\n");
        b.append("name: ").append(quote(name)).append('\n');
        b.append("platform: ").append(quote(platform)).append('\n');
        b.append("max_batch_size: ").append(o.maxBatchSize()).append('\n');
        b.append("input [\n  {\n    name: ").append(quote(input)).append("\n    data_type: ").append(inputType)
                .append("\n    dims: ").append(dims(inShape)).append("\n  }\n]\n");
        b.append("output [\n  {\n    name: ").append(quote(output)).append("\n    data_type: TYPE_FP32\n    dims: ")
                .append(dims(outShape));
        if (labels) {
            b.append("\n    label_filename: ").append(quote(LABELS));
        }
        b.append("\n  }\n]\n");
        b.append("dynamic_batching { }\n");
        b.append("instance_group [\n  {\n    count: ").append(o.instances()).append("\n    kind: KIND_")
                .append(o.instanceKind().toUpperCase(Locale.ROOT)).append("\n  }\n]\n");
        return b.toString();
    }

    private static String dims(int[] shape) {
        StringBuilder b = new StringBuilder("[ ");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(" ]").toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
