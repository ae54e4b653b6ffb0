package io.netwright.nn;

import io.netwright.tensor.Tensor;
import io.netwright.tensor.WindowRules;

/** Checks shared by the pooling layers. */
final class Pooling {

    private Pooling() {
    }

    /** PyTorch's rule ({@link WindowRules#poolPadding}): padding at most half the kernel size. */
    static void checkPadding(String layer, int[] kernel, int[] padding) {
        WindowRules.Violation v = WindowRules.poolPadding(kernel, padding);
        if (v != null) {
            v.throwFor(layer);
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
