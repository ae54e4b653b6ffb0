package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * What {@link AdaptiveAvgPool2d} and {@link AdaptiveMaxPool2d} share: the output size (a null size keeps that input
 * dim), its validation, unbatched input handling and the printed form; subclasses supply the pooling itself.
 */
public abstract class AdaptivePool2d extends Module {

    private final Integer outH;
    private final Integer outW;
    private final boolean scalar;

    /** Output {@code h x w}; {@code scalar} prints it as one number, as PyTorch does for an int size. */
    AdaptivePool2d(Integer h, Integer w, boolean scalar) {
        if (h != null && h <= 0 || w != null && w <= 0) {
            throw new IllegalArgumentException(name() + ": output_size must be positive, got "
                    + Pooling.adaptiveRepr(h, w, scalar));
        }
        this.outH = h;
        this.outW = w;
        this.scalar = scalar;
    }

    /** Pools a batched {@code [N, C, H, W]} input to {@code outH x outW}. */
    abstract Tensor pool(Tensor x, int outH, int outW);

    @Override
    public Tensor forward(Tensor input) {
        Args.rank(toString(), input, "[N, C, H, W] or [C, H, W]", 3, 4);
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        int[] size = Pooling.adaptiveSize(x, outH, outW);
        Tensor y = pool(x, size[0], size[1]);
        return unbatched ? y.squeeze(0) : y;
    }

    @Override
    public String extraRepr() {
        return "output_size=" + Pooling.adaptiveRepr(outH, outW, scalar);
    }
}
