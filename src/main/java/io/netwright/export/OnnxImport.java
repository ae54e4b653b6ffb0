package io.netwright.export;

import io.netwright.graph.Design;
import io.netwright.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * An imported ONNX model: the design (laid out, analysed without errors unless the import was partial), its weights
 * under Netwright's state-dict keys ({@code <node id>.weight}, ...), the class names stored in the model's
 * {@code netwright.classes} metadata (empty when absent) and the report of what was not imported.
 *
 * @param weights state-dict entries that load strictly into {@code DesignCompiler.compile(design)}
 */
public record OnnxImport(Design design, Map<String, Tensor> weights, List<String> classes, OnnxImportReport report) {

    /** Copies the collections (the weights keep their order). */
    public OnnxImport {
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        classes = List.copyOf(classes);
    }

    /**
     * Writes the weights as safetensors with the metadata {@code predict} reads (design name, input shape, class
     * names), atomically.
     *
     * @throws ExportException when {@code file} exists and {@code force} is false, or it cannot be written
     */
    public void writeWeights(java.nio.file.Path file, boolean force) {
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("netwright.design", design.metadata().name());
        com.google.gson.Gson gson = new com.google.gson.Gson();
        meta.put("netwright.input_shape", gson.toJson(design.input().shape()));
        if (!classes.isEmpty()) {
            meta.put("netwright.classes", gson.toJson(classes));
        }
        byte[] bytes = io.netwright.io.Safetensors.toBytes(weights, meta);
        ExportOutput.file(file, force, out -> out.write(bytes));
    }

    /** The number of parameter values (all weight elements). */
    public long parameterCount() {
        long n = 0;
        for (Tensor t : weights.values()) {
            n += t.numel();
        }
        return n;
    }
}
