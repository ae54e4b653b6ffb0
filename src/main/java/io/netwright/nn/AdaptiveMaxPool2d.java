package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Tensor;

/**
 * Adaptive 2-D max pooling to a fixed output size whatever the input size, like
 * {@code torch.nn.AdaptiveMaxPool2d}. A null size keeps that input dim.
 *
 * <pre>{@code var gap = new AdaptiveMaxPool2d(1); // global max pool: [N, C, H, W] -> [N, C, 1, 1]}</pre>
 */
public class AdaptiveMaxPool2d extends Module {

    private final Integer outH;
    private final Integer outW;
    private final boolean scalar;

    /** A square output of {@code size x size}. */
    public AdaptiveMaxPool2d(int size) {
        this(size, size, true);
    }

    /** An output of {@code h x w}; null keeps the input's size in that dim. */
    public AdaptiveMaxPool2d(Integer h, Integer w) {
        this(h, w, false);
    }

    private AdaptiveMaxPool2d(Integer h, Integer w, boolean scalar) {
        if (h != null && h <= 0 || w != null && w <= 0) {
            throw new IllegalArgumentException("AdaptiveMaxPool2d: output_size must be positive, got "
                    + Pooling.adaptiveRepr(h, w, scalar));
        }
        this.outH = h;
        this.outW = w;
        this.scalar = scalar;
    }

    @Override
    public Tensor forward(Tensor input) {
        Args.rank(toString(), input, "[N, C, H, W] or [C, H, W]", 3, 4);
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        int[] size = Pooling.adaptiveSize(x, outH, outW);
        Tensor y = Cnn.adaptiveMaxPool2d(x, size[0], size[1]);
        return unbatched ? y.squeeze(0) : y;
    }

    @Override
    public String extraRepr() {
        return "output_size=" + Pooling.adaptiveRepr(outH, outW, scalar);
    }
}
