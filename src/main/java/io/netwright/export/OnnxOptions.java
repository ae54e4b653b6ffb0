package io.netwright.export;

/**
 * How to export to ONNX.
 *
 * @param opset         the default-domain opset, {@value #MIN_OPSET} to {@value #MAX_OPSET}
 * @param probabilities whether to add a {@code probabilities} output (Softmax of {@code logits} over the last dim)
 */
public record OnnxOptions(int opset, boolean probabilities) {

    /** The lowest opset exported (Softmax's single-axis form, Pad/Resize/Squeeze with tensor inputs). */
    public static final int MIN_OPSET = 13;
    /** The highest and default opset (LayerNormalization; Reduce* still take axes as an attribute). */
    public static final int MAX_OPSET = 17;

    /** Checks the opset. */
    public OnnxOptions {
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new ExportException("opset " + opset + " is not supported — choose " + MIN_OPSET + " to "
                    + MAX_OPSET + " (default " + MAX_OPSET + ")");
        }
    }

    /** Opset 17, logits only. */
    public static OnnxOptions defaults() {
        return new OnnxOptions(MAX_OPSET, false);
    }
}
