package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** Checks shared by the pooling layers. */
final class Pooling {

    private Pooling() {
    }

    /** PyTorch's rule: padding at most half the effective kernel size. */
    static void checkPadding(String layer, int[] kernel, int[] padding, int[] dilation) {
        for (int i = 0; i < 2; i++) {
            int effective = dilation[i] * (kernel[i] - 1) + 1;
            if (padding[i] > effective / 2) {
                throw new IllegalArgumentException(layer + ": pad should be at most half of effective kernel size, "
                        + "but got pad=" + padding[i] + ", kernel_size=" + kernel[i] + " and dilation=" + dilation[i]
                        + " — use padding <= " + effective / 2);
            }
        }
    }

    /** The output size of an adaptive pool, where a null entry keeps the input's size. */
    static int[] adaptiveSize(Tensor x, Integer h, Integer w) {
        return new int[]{h == null ? x.size(-2) : h, w == null ? x.size(-1) : w};
    }

    /** {@code 5} or {@code (5, None)} as PyTorch prints an adaptive pool's output size. */
    static String adaptiveRepr(Integer h, Integer w, boolean scalar) {
        if (scalar) {
            return String.valueOf(h);
        }
        return "(" + (h == null ? "None" : h) + ", " + (w == null ? "None" : w) + ")";
    }
}
