package io.netwright.tensor;

/**
 * Convolution, pooling, resizing and dropout on image tensors {@code [N, C, H, W]}, mirroring
 * {@code torch.nn.functional}: same names (camel-cased), same argument order, same output-size rules and
 * PyTorch's error messages with a suggested fix. Every op records its gradient for {@link Tensor#backward()}.
 *
 * <pre>{@code
 * Tensor y = Cnn.conv2d(x, w, b, new int[]{1}, new int[]{2}, new int[]{1}, 1);   // F.conv2d(x, w, b, 1, 2)
 * Tensor p = Cnn.maxPool2d(y.relu(), new int[]{2}, null, new int[]{0}, new int[]{1}, false);
 * }</pre>
 *
 * <p>Int-array arguments take one value (used for both height and width) or two {@code (h, w)}, like PyTorch's
 * int-or-tuple arguments. Convolutions and pooling also accept unbatched {@code [C, H, W]} input and then return
 * an unbatched result.
 */
public final class Cnn {

    private Cnn() {
    }

    // ================================================================ convolution

    /**
     * 2-D convolution (cross-correlation), {@code F.conv2d}: {@code x [N, C, H, W]} (or {@code [C, H, W]}) with
     * {@code weight [OC, C/groups, kH, kW]} gives {@code [N, OC, OH, OW]}, {@code OH = (H + 2*padH - dilH*(kH-1)
     * - 1) / strideH + 1}.
     *
     * @param bias     {@code [OC]} or null
     * @param stride   1 or 2 positive values
     * @param padding  1 or 2 non-negative values (zero padding on both sides)
     * @param dilation 1 or 2 positive values
     * @param groups   input and output channels are split into this many independent groups
     * @throws IllegalArgumentException on mismatched channels, a bias of the wrong size, a kernel larger than the
     *                                  padded input, or invalid hyper-parameters, naming the shapes and the fix
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return ConvOps.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    /**
     * {@code conv2d(...).relu()} with the same values and gradients, computed in one pass where the backend fuses
     * the bias and ReLU into its convolution (the CPU backend's direct kernel does), else composed.
     */
    public static Tensor conv2dRelu(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                    int[] dilation, int groups) {
        Tensor y = ConvOps.conv2dReluFused(x, weight, bias, stride, padding, dilation, groups);
        return y != null ? y : ConvOps.conv2d(x, weight, bias, stride, padding, dilation, groups).relu();
    }

    /**
     * {@link #conv2d(Tensor, Tensor, Tensor, int[], int[], int[], int)} with string padding: {@code "valid"} (no
     * padding) or {@code "same"} (output size equals input size; stride must be 1). For "same", each side gets
     * {@code dilation*(k-1)/2} and an odd remainder goes to the right/bottom, as PyTorch does.
     */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation,
                                int groups) {
        return ConvOps.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    /** {@code F.conv2d(x, weight, bias)}: stride 1, no padding, no dilation, one group. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return ConvOps.conv2d(x, weight, bias, new int[]{1}, new int[]{0}, new int[]{1}, 1);
    }

    /**
     * Transposed 2-D convolution, {@code F.conv_transpose2d} (the adjoint of {@link #conv2d}; argument order as in
     * PyTorch): {@code x [N, C, H, W]} with {@code weight [C, OC/groups, kH, kW]} gives {@code [N, OC, OH, OW]},
     * {@code OH = (H-1)*strideH - 2*padH + dilH*(kH-1) + outputPadH + 1}.
     *
     * @param outputPadding extra size added to one side of the output; each value must be smaller than the stride
     *                      or the dilation of its dim
     */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                         int[] outputPadding, int groups, int[] dilation) {
        return ConvOps.convTranspose2d(x, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    // ================================================================ pooling

    /**
     * Max pooling, {@code F.max_pool2d}. Output size {@code floor((H + 2*pad - dil*(k-1) - 1) / stride) + 1}, or
     * with {@code ceilMode} rounded up as long as the last window starts inside the input or the left padding.
     * Padding reads as -infinity and must be at most half the kernel.
     *
     * @param stride null or empty means equal to the kernel (PyTorch's default)
     */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                   boolean ceilMode) {
        return PoolOps.maxPool2dWithIndices(x, kernel, stride, padding, dilation, ceilMode).values();
    }

    /** {@code F.max_pool2d(x, kernel)}: stride = kernel, no padding. */
    public static Tensor maxPool2d(Tensor x, int kernel) {
        return maxPool2d(x, new int[]{kernel}, null, new int[]{0}, new int[]{1}, false);
    }

    /**
     * {@link #maxPool2d} also returning the int64 position {@code h*W + w} of each maximum within its plane
     * ({@code return_indices=True}), as {@code max_unpool2d} and PyTorch expect.
     */
    public static ValuesIndices maxPool2dWithIndices(Tensor x, int[] kernel, int[] stride, int[] padding,
                                                     int[] dilation, boolean ceilMode) {
        return PoolOps.maxPool2dWithIndices(x, kernel, stride, padding, dilation, ceilMode);
    }

    /**
     * Average pooling, {@code F.avg_pool2d}; output size as {@link #maxPool2d} without dilation. With
     * {@code countIncludePad} the divisor counts padded positions (clipped to the padded input), else only real
     * ones.
     *
     * @param stride null or empty means equal to the kernel
     */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
                                   boolean countIncludePad) {
        return PoolOps.avgPool2d(x, kernel, stride, padding, ceilMode, countIncludePad);
    }

    /**
     * Adaptive average pooling to {@code outH x outW}, {@code F.adaptive_avg_pool2d}: output row {@code i} averages
     * input rows {@code [floor(i*H/outH), ceil((i+1)*H/outH))}, likewise for columns.
     */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) {
        return PoolOps.adaptiveAvgPool2d(x, outH, outW);
    }

    /** Adaptive max pooling to {@code outH x outW}, {@code F.adaptive_max_pool2d}; windows as adaptive average. */
    public static Tensor adaptiveMaxPool2d(Tensor x, int outH, int outW) {
        return PoolOps.adaptiveMaxPool2dWithIndices(x, outH, outW).values();
    }

    /** {@link #adaptiveMaxPool2d} also returning the flat {@code h*W + w} index of each maximum. */
    public static ValuesIndices adaptiveMaxPool2dWithIndices(Tensor x, int outH, int outW) {
        return PoolOps.adaptiveMaxPool2dWithIndices(x, outH, outW);
    }

    // ================================================================ resizing

    /**
     * Resizes {@code x [N, C, H, W]} to {@code outH x outW}, {@code F.interpolate(x, size=(outH, outW), mode=...)}.
     * {@code "nearest"} takes source index {@code floor(dst * H/outH)}; {@code "bilinear"} maps
     * {@code dst -> (dst + 0.5) * H/outH - 0.5} clamped at 0, or with {@code alignCorners}
     * {@code dst * (H-1)/(outH-1)}, and blends the two neighbours.
     *
     * @param alignCorners only for "bilinear"; must be false for "nearest" (PyTorch rejects it there)
     */
    public static Tensor interpolate(Tensor x, int outH, int outW, String mode, boolean alignCorners) {
        return ResizeOps.interpolate(x, outH, outW, mode, alignCorners);
    }

    /**
     * Resizes by a scale factor, {@code F.interpolate(x, scale_factor=s, mode=...)}: output size
     * {@code floor(H * s)}, and (as PyTorch without {@code recompute_scale_factor}) source positions use
     * {@code 1/s} rather than {@code H/outH}.
     */
    public static Tensor interpolate(Tensor x, double scaleFactor, String mode, boolean alignCorners) {
        return ResizeOps.interpolate(x, new double[]{scaleFactor}, mode, alignCorners);
    }

    /** Resizes by per-dim scale factors {@code (sH, sW)}; see {@link #interpolate(Tensor, double, String, boolean)}. */
    public static Tensor interpolate(Tensor x, double[] scaleFactors, String mode, boolean alignCorners) {
        return ResizeOps.interpolate(x, scaleFactors, mode, alignCorners);
    }

    // ================================================================ dropout

    /**
     * Inverted dropout, {@code F.dropout}: in training, zeroes each element with probability {@code p} and scales
     * the rest by {@code 1/(1-p)}; otherwise (or with {@code p == 0}) returns {@code x} itself.
     *
     * @param g the generator for the mask (null = the default generator)
     * @throws IllegalArgumentException if {@code p} is outside {@code [0, 1]}
     */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator g) {
        return DropoutOps.dropout(x, p, training, g);
    }

    /**
     * Channel dropout, {@code F.dropout2d}: zeroes whole channels of {@code [N, C, H, W]} (one mask value per
     * sample and channel). An unbatched {@code [C, H, W]} input gets one mask value per channel, as
     * {@code nn.Dropout2d} documents (PyTorch's functional form currently treats 3-D input as {@code [N, C, L]}).
     */
    public static Tensor dropout2d(Tensor x, double p, boolean training, Generator g) {
        return DropoutOps.dropout2d(x, p, training, g);
    }
}
