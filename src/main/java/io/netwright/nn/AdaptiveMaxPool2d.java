package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Tensor;

/**
 * Adaptive 2-D max pooling to a fixed output size whatever the input size, like
 * {@code torch.nn.AdaptiveMaxPool2d}. A null size keeps that input dim.
 *
 * <pre>{@code var gap = new AdaptiveMaxPool2d(1); // global max pool: [N, C, H, W] -> [N, C, 1, 1]}</pre>
 */
public class AdaptiveMaxPool2d extends AdaptivePool2d {

    /** A square output of {@code size x size}. */
    public AdaptiveMaxPool2d(int size) {
        super(size, size, true);
    }

    /** An output of {@code h x w}; null keeps the input's size in that dim. */
    public AdaptiveMaxPool2d(Integer h, Integer w) {
        super(h, w, false);
    }

    @Override
    Tensor pool(Tensor x, int outH, int outW) {
        return Cnn.adaptiveMaxPool2d(x, outH, outW);
    }
}
