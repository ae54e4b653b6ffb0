package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Tensor;

/**
 * Adaptive 2-D avg pooling to a fixed output size whatever the input size, like
 * {@code torch.nn.AdaptiveAvgPool2d}. A null size keeps that input dim.
 *
 * <pre>{@code var gap = new AdaptiveAvgPool2d(1); // global avg pool: [N, C, H, W] -> [N, C, 1, 1]}</pre>
 */
public class AdaptiveAvgPool2d extends AdaptivePool2d {

    /** A square output of {@code size x size}. */
    public AdaptiveAvgPool2d(int size) {
        super(size, size, true);
    }

    /** An output of {@code h x w}; null keeps the input's size in that dim. */
    public AdaptiveAvgPool2d(Integer h, Integer w) {
        super(h, w, false);
    }

    @Override
    Tensor pool(Tensor x, int outH, int outW) {
        return Cnn.adaptiveAvgPool2d(x, outH, outW);
    }
}
