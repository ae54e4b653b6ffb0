package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Tensor;

/**
 * 2-D max pooling over {@code [N, C, H, W]} or {@code [C, H, W]}, like {@code torch.nn.MaxPool2d}. The stride
 * defaults to the kernel size. Prints what it was given, as PyTorch does:
 * {@code MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)}.
 */
public class MaxPool2d extends Module {

    private final int[] kernelGiven;
    private final int[] strideGiven;
    private final int[] paddingGiven;
    private final int[] dilationGiven;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;

    /** Square window, stride = window. */
    public MaxPool2d(int kernelSize) {
        this(new int[]{kernelSize}, null, new int[]{0}, new int[]{1}, false);
    }

    /** Square window and stride. */
    public MaxPool2d(int kernelSize, int stride) {
        this(new int[]{kernelSize}, new int[]{stride}, new int[]{0}, new int[]{1}, false);
    }

    /** Square window, stride and padding. */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(new int[]{kernelSize}, new int[]{stride}, new int[]{padding}, new int[]{1}, false);
    }

    /** Square window, stride, padding, dilation and ceil mode. */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this(new int[]{kernelSize}, new int[]{stride}, new int[]{padding}, new int[]{dilation}, ceilMode);
    }

    /**
     * Every option; each array holds one value or {@code (h, w)}; a null stride means the kernel size.
     *
     * @param ceilMode use ceil instead of floor for the output size
     */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        String n = "MaxPool2d";
        this.kernelGiven = kernelSize.clone();
        this.strideGiven = stride == null ? kernelSize.clone() : stride.clone();
        this.paddingGiven = padding.clone();
        this.dilationGiven = dilation.clone();
        this.kernel = Args.atLeast(n, "kernel_size", Args.pair(n, "kernel_size", kernelGiven), 1);
        this.stride = Args.atLeast(n, "stride", Args.pair(n, "stride", strideGiven), 1);
        this.padding = Args.atLeast(n, "padding", Args.pair(n, "padding", paddingGiven), 0);
        this.dilation = Args.atLeast(n, "dilation", Args.pair(n, "dilation", dilationGiven), 1);
        this.ceilMode = ceilMode;
        Pooling.checkPadding(n, this.kernel, this.padding);
    }

    @Override
    public Tensor forward(Tensor input) {
        Args.rank(toString(), input, "[N, C, H, W] or [C, H, W]", 3, 4);
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor y = Cnn.maxPool2d(x, kernel, stride, padding, dilation, ceilMode);
        return unbatched ? y.squeeze(0) : y;
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + Reprs.intOrTuple(kernelGiven, kernelGiven.length == 1) + ", stride="
                + Reprs.intOrTuple(strideGiven, strideGiven.length == 1) + ", padding="
                + Reprs.intOrTuple(paddingGiven, paddingGiven.length == 1) + ", dilation="
                + Reprs.intOrTuple(dilationGiven, dilationGiven.length == 1) + ", ceil_mode="
                + Reprs.bool(ceilMode);
    }
}
