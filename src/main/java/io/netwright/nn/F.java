package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;

/**
 * The functional forms of the layers and losses, like {@code torch.nn.functional}: stateless, all state passed
 * in. The modules call these same functions.
 *
 * <pre>{@code
 * Tensor h = F.relu(F.linear(x, w1, b1));
 * Tensor loss = F.crossEntropy(F.linear(h, w2, b2), labels);
 * }</pre>
 */
public final class F {

    private F() {
    }

    // ================================================================ activations

    /** {@code max(x, 0)}. */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /** {@code x > 0 ? x : slope * x}. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        return x.leakyRelu(negativeSlope);
    }

    /** {@code x > 0 ? x : alpha (exp(x) - 1)}. */
    public static Tensor elu(Tensor x, double alpha) {
        return Activations.elu(x, alpha);
    }

    /** Exact GELU {@code x * Phi(x)}. */
    public static Tensor gelu(Tensor x) {
        return Activations.gelu(x, "none");
    }

    /** GELU, {@code approximate} {@code "none"} (exact) or {@code "tanh"}. */
    public static Tensor gelu(Tensor x, String approximate) {
        return Activations.gelu(x, approximate);
    }

    /** {@code x * sigmoid(x)}. */
    public static Tensor silu(Tensor x) {
        return Activations.silu(x);
    }

    /** Logistic sigmoid. */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /** Hyperbolic tangent. */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** Softmax along {@code dim}. */
    public static Tensor softmax(Tensor x, int dim) {
        return x.softmax(dim);
    }

    /** Log-softmax along {@code dim}. */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return x.logSoftmax(dim);
    }

    /** {@code x > 0 ? x : w * x}, {@code w} of one element or one per channel (dim 1). */
    public static Tensor prelu(Tensor x, Tensor weight) {
        return Activations.prelu(x, weight);
    }

    // ================================================================ layers

    /** {@code x W^T + b} ({@code b} may be null). */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return Tensor.linear(x, weight, bias);
    }

    /** 2-D convolution of {@code [N, C, H, W]} input ({@code bias} may be null). */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation,
                                int groups) {
        return Cnn.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    /** 2-D convolution with {@code "same"} or {@code "valid"} padding. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation,
                                int groups) {
        return Cnn.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    /** Max pooling with every option ({@code stride} null means the kernel size). */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation,
                                   boolean ceilMode) {
        return Cnn.maxPool2d(x, kernel, stride, padding, dilation, ceilMode);
    }

    /** Adaptive average pooling to {@code outH x outW}. */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) {
        return Cnn.adaptiveAvgPool2d(x, outH, outW);
    }

    /** Resizes {@code [N, C, H, W]} to {@code outH x outW} ({@code "nearest"} or {@code "bilinear"}). */
    public static Tensor interpolate(Tensor x, int outH, int outW, String mode, boolean alignCorners) {
        return Cnn.interpolate(x, outH, outW, mode, alignCorners);
    }

    /** Max pooling with stride = kernel, no padding. */
    public static Tensor maxPool2d(Tensor x, int kernelSize) {
        int[] k = {kernelSize, kernelSize};
        return Cnn.maxPool2d(x, k, k, new int[]{0, 0}, new int[]{1, 1}, false);
    }

    /** Average pooling with stride = kernel, no padding. */
    public static Tensor avgPool2d(Tensor x, int kernelSize) {
        int[] k = {kernelSize, kernelSize};
        return Cnn.avgPool2d(x, k, k, new int[]{0, 0}, false, true);
    }

    /** Zeroes elements with probability {@code p} when {@code training}, scaling the rest by {@code 1/(1-p)}. */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator g) {
        return Cnn.dropout(x, Args.probability("dropout", p), training, g);
    }

    /** Zeroes whole channels with probability {@code p} when {@code training}. */
    public static Tensor dropout2d(Tensor x, double p, boolean training, Generator g) {
        return Cnn.dropout2d(x, Args.probability("dropout2d", p), training, g);
    }

    /** Pads the last two dims by {@code left, right, top, bottom} with {@code value} (negative crops). */
    public static Tensor pad(Tensor x, int left, int right, int top, int bottom, double value) {
        return Padding.constantPad2d(x, left, right, top, bottom, value);
    }

    /** Rows of {@code weight [num, dim]} at int64 {@code indices}. */
    public static Tensor embedding(Tensor indices, Tensor weight) {
        return Embedding.lookup(weight, indices, null, "embedding");
    }

    /** Layer normalisation over the trailing dims of {@code normalizedShape}; weight and bias may be null. */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int[] dims = new int[normalizedShape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = x.dim() - dims.length + i;
        }
        Tensor y = Normalization.normalize(x, dims, eps).xhat();
        if (weight != null) {
            y = y.mul(weight);
        }
        return bias == null ? y : y.add(bias);
    }

    // ================================================================ losses

    /** Mean cross-entropy of logits {@code [N, C, ...]} against int64 class indices. */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return ClassLosses.crossEntropy(input, target, null, -100, 0, Reduction.MEAN);
    }

    /** Cross-entropy with every option ({@code weight} may be null). */
    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex,
                                      double labelSmoothing, Reduction reduction) {
        return ClassLosses.crossEntropy(input, target, weight, ignoreIndex, labelSmoothing, reduction);
    }

    /** Mean negative log-likelihood of log-probabilities against int64 class indices. */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return ClassLosses.nll("nll_loss", input, target, null, -100, Reduction.MEAN);
    }

    /** NLL with every option ({@code weight} may be null). */
    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, long ignoreIndex, Reduction reduction) {
        return ClassLosses.nll("nll_loss", input, target, weight, ignoreIndex, reduction);
    }

    /** Mean squared error. */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return LossFunctions.mse(input, target, Reduction.MEAN);
    }

    /** Squared error with a reduction. */
    public static Tensor mseLoss(Tensor input, Tensor target, Reduction reduction) {
        return LossFunctions.mse(input, target, reduction);
    }

    /** Mean absolute error. */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return LossFunctions.l1(input, target, Reduction.MEAN);
    }

    /** Absolute error with a reduction. */
    public static Tensor l1Loss(Tensor input, Tensor target, Reduction reduction) {
        return LossFunctions.l1(input, target, reduction);
    }

    /** Smooth L1 with {@code beta}. */
    public static Tensor smoothL1Loss(Tensor input, Tensor target, Reduction reduction, double beta) {
        return LossFunctions.smoothL1(input, target, beta, reduction);
    }

    /** Binary cross-entropy of probabilities ({@code weight} may be null). */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        return LossFunctions.bce(input, target, weight, reduction);
    }

    /** Binary cross-entropy of logits ({@code weight}, {@code posWeight} may be null). */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      Reduction reduction) {
        return LossFunctions.bceWithLogits(input, target, weight, posWeight, reduction);
    }
}
