package io.netwright.tensor;

/**
 * The shape rules of sliding-window layers (convolution and pooling), written once: the engine's ops and the
 * design analysis both call these, so a design the studio accepts is one the engine runs, with PyTorch's numbers.
 *
 * <pre>{@code long out = WindowRules.outputSize(2, 3, 2, 0, 0, 1, true);  // MaxPool2d(3, 2, ceil_mode=True) on 2: 1}</pre>
 */
public final class WindowRules {

    private WindowRules() {
    }

    /**
     * PyTorch's output size of a window op along one axis: {@code floor((in + padLo + padHi - dil*(k-1) - 1
     * [+ stride-1 in ceil mode]) / stride) + 1}; in ceil mode the last window must start inside the input or the
     * left padding, else it is dropped. Zero or negative means the op has no output (an error).
     */
    public static long outputSize(long in, int kernel, int stride, int padLo, int padHi, int dilation, boolean ceil) {
        long span = in + padLo + padHi - (long) dilation * (kernel - 1) - 1;
        long out = Math.floorDiv(span + (ceil ? stride - 1 : 0), stride) + 1;
        if (ceil && (out - 1) * stride >= in + padLo) {
            out--;
        }
        return out;
    }

    /**
     * Why a pooling padding is refused, or null: PyTorch allows at most half the kernel size (the kernel itself,
     * not the dilated window) — {@code MaxPool2d(3, padding=2, dilation=2)} is refused.
     */
    public static String poolPaddingProblem(int kernel, int padding) {
        if (padding > kernel / 2) {
            return "pad should be at most half of kernel size, but got pad=" + padding + " and kernel_size=" + kernel;
        }
        return null;
    }
}
