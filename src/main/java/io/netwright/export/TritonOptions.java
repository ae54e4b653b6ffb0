package io.netwright.export;

import java.util.Locale;

/**
 * How to lay out a Triton model repository.
 *
 * @param modelName     the model's folder and {@code name} in config.pbtxt; null or blank takes the design's name
 * @param maxBatchSize  Triton's {@code max_batch_size}: the largest batch the server forms (at least 1)
 * @param instanceKind  {@code auto}, {@code cpu} or {@code gpu}: where Triton runs the model's instances
 * @param instances     instances per device (at least 1)
 * @param onnx          the ONNX options of {@code 1/model.onnx}
 * @param torchscript   whether to add a {@code pytorch_libtorch} model made from the PyTorch export
 */
public record TritonOptions(String modelName, int maxBatchSize, String instanceKind, int instances,
        OnnxOptions onnx, boolean torchscript) {

    /** Checks the values. */
    public TritonOptions {
        if (maxBatchSize < 1) {
            throw new ExportException("max batch size " + maxBatchSize + " must be at least 1 (e.g. 32)");
        }
        if (instances < 1) {
            throw new ExportException("instance count " + instances + " must be at least 1");
        }
        instanceKind = instanceKind == null ? "auto" : instanceKind.toLowerCase(Locale.ROOT);
        if (!instanceKind.equals("auto") && !instanceKind.equals("cpu") && !instanceKind.equals("gpu")) {
            throw new ExportException("instance kind '" + instanceKind + "' is not one of auto, cpu, gpu");
        }
        if (modelName != null && !modelName.isBlank() && !modelName.matches("[A-Za-z0-9_.-]+")) {
            throw new ExportException("model name '" + modelName + "' may use only letters, digits, '_', '-' and "
                    + "'.' (it is a folder name in the repository)");
        }
        onnx = onnx == null ? OnnxOptions.defaults() : onnx;
    }

    /** Batches up to 32, one instance wherever Triton chooses, opset 17, ONNX only. */
    public static TritonOptions defaults() {
        return new TritonOptions(null, 32, "auto", 1, OnnxOptions.defaults(), false);
    }

    /** The model name used for {@code designName}: the given one, else the design name made folder-safe. */
    public String nameFor(String designName) {
        if (modelName != null && !modelName.isBlank()) {
            return modelName;
        }
        String n = designName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "_").replaceAll("^_+|_+$", "");
        return n.isEmpty() ? "model" : n;
    }
}
