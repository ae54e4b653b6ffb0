package io.netwright.tensor;

/**
 * The shape rules of sliding-window layers (convolution and pooling), written once: the engine's conv and pool
 * ops, the {@code nn} pooling layers and the design analysis ({@code graph}) all call these, so a design the
 * studio accepts is one the engine runs, with PyTorch's numbers, and both refuse with the same words.
 *
 * <p>Pairs are {@code (h, w)}. A rule returns null when it holds, else a {@link Violation} that the analysis
 * attaches to the node ({@code MaxPool2d 'pool1': ...}) and the engine throws ({@code max_pool2d: ...}).
 *
 * <pre>{@code long out = WindowRules.outputSize(2, 3, 2, 0, 0, 1, true);  // MaxPool2d(3, 2, ceil_mode=True) on 2: 1}</pre>
 */
public final class WindowRules {

    private WindowRules() {
    }

    /**
     * A broken shape rule.
     *
     * @param message what is wrong: {@code padding 2 is more than half the kernel size 3}
     * @param fix     what to do: {@code use padding <= 1}
     * @param torch   PyTorch's own message for the same rule (what users search for)
     */
    public record Violation(String message, String fix, String torch) {

        /** As the engine throws it: {@code max_pool2d: <message> — <fix> (PyTorch: <torch>)}. */
        public String engineText(String op) {
            return op + ": " + message + " — " + fix + " (PyTorch: " + torch + ")";
        }

        /** Throws {@link IllegalArgumentException} with {@link #engineText(String)}. */
        public void throwFor(String op) {
            throw new IllegalArgumentException(engineText(op));
        }
    }

    // ================================================================ sizes

    /** The extent of a dilated window: {@code dilation*(kernel-1) + 1}. */
    public static long effectiveKernel(int kernel, int dilation) {
        return (long) dilation * (kernel - 1) + 1;
    }

    /**
     * PyTorch's output size of a window op along one axis: {@code floor((in + padLo + padHi - dil*(k-1) - 1
     * [+ stride-1 in ceil mode]) / stride) + 1}; in ceil mode the last window must start inside the input or the
     * left padding, else it is dropped. Zero or negative means the op has no output (an error).
     */
    public static long outputSize(long in, int kernel, int stride, int padLo, int padHi, int dilation, boolean ceil) {
        long span = in + padLo + padHi - effectiveKernel(kernel, dilation);
        long out = Math.floorDiv(span + (ceil ? stride - 1 : 0), stride) + 1;
        if (ceil && (out - 1) * stride >= in + padLo) {
            out--;
        }
        return out;
    }

    /**
     * {@code padding="same"} along one axis (stride 1): the total {@code dilation*(kernel-1)}, {@code total/2}
     * before and the odd remainder after (bottom/right), as PyTorch pads it.
     *
     * @return {@code {before, after}}
     */
    public static int[] samePadding(int kernel, int dilation) {
        int total = dilation * (kernel - 1);
        return new int[]{total / 2, total - total / 2};
    }

    // ================================================================ rules

    /**
     * Convolution: the dilated kernel must fit the input as actually padded (for "same", {@link #samePadding}),
     * so a kernel larger than the input is fine once padded.
     *
     * @param in    input {@code (h, w)}
     * @param padLo padding before, per axis
     * @param padHi padding after, per axis
     */
    public static Violation convFits(int[] in, int[] kernel, int[] stride, int[] padLo, int[] padHi,
                                     int[] dilation) {
        long ph = (long) in[0] + padLo[0] + padHi[0];
        long pw = (long) in[1] + padLo[1] + padHi[1];
        long eh = effectiveKernel(kernel[0], dilation[0]);
        long ew = effectiveKernel(kernel[1], dilation[1]);
        if (ph >= eh && pw >= ew) {
            return null;
        }
        long oh = Math.max(0, outputSize(in[0], kernel[0], stride[0], padLo[0], padHi[0], dilation[0], false));
        long ow = Math.max(0, outputSize(in[1], kernel[1], stride[1], padLo[1], padHi[1], dilation[1], false));
        boolean dilated = dilation[0] != 1 || dilation[1] != 1;
        return new Violation("output size would be " + oh + "×" + ow + " (input " + in[0] + "×" + in[1]
                + ", kernel " + kernel[0] + "×" + kernel[1] + (dilated ? ", dilation " + dilation[0] + "×"
                + dilation[1] : "") + ", stride " + stride[0] + "×" + stride[1] + ", padding " + pad(padLo, padHi)
                + ")", "reduce kernel_size or dilation, add padding, or use a larger input (e.g. remove a pooling "
                + "layer before it)", "Calculated padded input size per channel: (" + ph + " x " + pw
                + "). Kernel size: (" + eh + " x " + ew + "). Kernel size can't be greater than actual input size");
    }

    /**
     * Pooling: padding at most half the kernel size on each axis — the kernel itself, not the dilated window
     * ({@code MaxPool2d(3, padding=2, dilation=2)} is refused, as PyTorch refuses it).
     */
    public static Violation poolPadding(int[] kernel, int[] padding) {
        for (int i = 0; i < 2; i++) {
            if (padding[i] > kernel[i] / 2) {
                return new Violation("padding " + padding[i] + " is more than half the kernel size " + kernel[i],
                        "use padding <= " + kernel[i] / 2, "pad should be at most half of kernel size, but got pad="
                        + padding[i] + " and kernel_size=" + kernel[i]);
            }
        }
        return null;
    }

    /**
     * Pooling: the output (from {@link #outputSize}) must be at least 1×1.
     *
     * @param channels the input's channels (PyTorch's message names them)
     * @param in       input {@code (h, w)}
     * @param out      output {@code (h, w)}
     */
    public static Violation poolOutput(int channels, int[] in, long[] out, int[] kernel, int[] dilation) {
        if (out[0] >= 1 && out[1] >= 1) {
            return null;
        }
        boolean dilated = dilation[0] != 1 || dilation[1] != 1;
        return new Violation("output size would be " + Math.max(0, out[0]) + "×" + Math.max(0, out[1])
                + " (input " + in[0] + "×" + in[1] + ", window " + kernel[0] + "×" + kernel[1] + (dilated
                ? ", dilation " + dilation[0] + "×" + dilation[1] : "") + ")", "reduce kernel_size, add padding, "
                + "or remove a pooling layer before it", "Given input size: (" + channels + "x" + in[0] + "x"
                + in[1] + "). Calculated output size: (" + channels + "x" + out[0] + "x" + out[1]
                + "). Output size is too small");
    }

    private static String pad(int[] lo, int[] hi) {
        String h = lo[0] == hi[0] ? String.valueOf(lo[0]) : lo[0] + "+" + hi[0];
        String w = lo[1] == hi[1] ? String.valueOf(lo[1]) : lo[1] + "+" + hi[1];
        return h + "×" + w;
    }
}
