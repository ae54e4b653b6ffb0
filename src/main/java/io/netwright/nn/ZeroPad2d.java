package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Pads the last two dims with zeros, like {@code torch.nn.ZeroPad2d}: one amount for every side, or
 * {@code (left, right, top, bottom)}; negative amounts crop.
 *
 * <pre>{@code new ZeroPad2d(1, 1, 2, 0) // [N, C, H, W] -> [N, C, H+2, W+2]}</pre>
 */
public class ZeroPad2d extends Module {

    private final int[] padding;

    /** {@code padding} on every side. */
    public ZeroPad2d(int padding) {
        this(padding, padding, padding, padding);
    }

    /** Columns on the left and right, rows on the top and bottom. */
    public ZeroPad2d(int left, int right, int top, int bottom) {
        this.padding = new int[]{left, right, top, bottom};
    }

    @Override
    public Tensor forward(Tensor input) {
        Args.rank(toString(), input, "[N, C, H, W] or [C, H, W]", 3, 4);
        return Padding.constantPad2d(input, padding[0], padding[1], padding[2], padding[3], 0);
    }

    @Override
    public String extraRepr() {
        return Reprs.tuple(padding);
    }
}
