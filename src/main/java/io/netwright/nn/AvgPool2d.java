package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Tensor;

/**
 * 2-D average pooling over {@code [N, C, H, W]} or {@code [C, H, W]}, like {@code torch.nn.AvgPool2d}. The stride
 * defaults to the kernel size; zero padding counts in the average unless {@code countIncludePad} is false.
 */
public class AvgPool2d extends Module {

    private final int[] kernelGiven;
    private final int[] strideGiven;
    private final int[] paddingGiven;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;
    private final Integer divisorOverride;

    /** Square window, stride = window. */
    public AvgPool2d(int kernelSize) {
        this(new int[]{kernelSize}, null, new int[]{0}, false, true, null);
    }

    /** Square window and stride. */
    public AvgPool2d(int kernelSize, int stride) {
        this(new int[]{kernelSize}, new int[]{stride}, new int[]{0}, false, true, null);
    }

    /** Square window, stride and padding. */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(new int[]{kernelSize}, new int[]{stride}, new int[]{padding}, false, true, null);
    }

    /**
     * Every option; each array holds one value or {@code (h, w)}; a null stride means the kernel size.
     *
     * @param divisorOverride divide every window sum by this instead of the window size, or null
     */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
                     Integer divisorOverride) {
        String n = "AvgPool2d";
        this.kernelGiven = kernelSize.clone();
        this.strideGiven = stride == null ? kernelSize.clone() : stride.clone();
        this.paddingGiven = padding.clone();
        this.kernel = Args.atLeast(n, "kernel_size", Args.pair(n, "kernel_size", kernelGiven), 1);
        this.stride = Args.atLeast(n, "stride", Args.pair(n, "stride", strideGiven), 1);
        this.padding = Args.atLeast(n, "padding", Args.pair(n, "padding", paddingGiven), 0);
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        if (divisorOverride != null && divisorOverride == 0) {
            throw new IllegalArgumentException(n + ": divisor_override must be non-zero, or null for the window "
                    + "size");
        }
        this.divisorOverride = divisorOverride;
        Pooling.checkPadding(n, this.kernel, this.padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        Args.rank(toString(), input, "[N, C, H, W] or [C, H, W]", 3, 4);
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor y;
        if (divisorOverride == null) {
            y = Cnn.avgPool2d(x, kernel, stride, padding, ceilMode, countIncludePad);
        } else {
            // window sum / divisor = (average over the padded window) * (padded window size) / divisor
            y = Cnn.avgPool2d(x, kernel, stride, padding, ceilMode, true);
            y = y.mul(paddedWindowSizes(x.size(2), x.size(3), y.size(2), y.size(3)).div(divisorOverride));
        }
        return unbatched ? y.squeeze(0) : y;
    }

    /** PyTorch's divisor with {@code count_include_pad}: each window clipped to the padded input. */
    private Tensor paddedWindowSizes(int h, int w, int outH, int outW) {
        float[] sizes = new float[outH * outW];
        for (int i = 0; i < outH; i++) {
            int hs = i * stride[0] - padding[0];
            int rows = Math.min(hs + kernel[0], h + padding[0]) - hs;
            for (int j = 0; j < outW; j++) {
                int ws = j * stride[1] - padding[1];
                int cols = Math.min(ws + kernel[1], w + padding[1]) - ws;
                sizes[i * outW + j] = rows * cols;
            }
        }
        return Tensor.of(sizes, outH, outW);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + Reprs.intOrTuple(kernelGiven, kernelGiven.length == 1) + ", stride="
                + Reprs.intOrTuple(strideGiven, strideGiven.length == 1) + ", padding="
                + Reprs.intOrTuple(paddingGiven, paddingGiven.length == 1);
    }
}
