package io.netwright.nn;

import io.netwright.tensor.Tensor;
import java.util.Arrays;

/**
 * Layer normalisation over the last dims given by {@code normalizedShape}, like {@code torch.nn.LayerNorm}: each
 * sample is normalised with its own mean and biased variance (the same in training and evaluation), then scaled
 * and shifted by per-element weight (init 1) and bias (init 0).
 *
 * <pre>{@code var ln = new LayerNorm(10); // LayerNorm((10,), eps=1e-05, elementwise_affine=True)}</pre>
 */
public class LayerNorm extends Module {

    private final int[] normalizedShape;
    private final double eps;
    private final Parameter weight;
    private final Parameter bias;

    /** Normalises over trailing dims of these sizes, eps 1e-5, with affine parameters. */
    public LayerNorm(int... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /** Every option. */
    public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape.length == 0 || Arrays.stream(normalizedShape).anyMatch(s -> s <= 0)) {
            throw new IllegalArgumentException("LayerNorm: normalized_shape must be non-empty and positive, got "
                    + Arrays.toString(normalizedShape));
        }
        if (!(eps > 0)) {
            throw new IllegalArgumentException("LayerNorm: eps must be positive, got " + eps);
        }
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.weight = registerParameter("weight", elementwiseAffine ? new Parameter(Tensor.ones(normalizedShape))
                : null);
        this.bias = registerParameter("bias", elementwiseAffine ? new Parameter(Tensor.zeros(normalizedShape))
                : null);
    }

    /** Weight 1 and bias 0. */
    public void resetParameters() {
        if (weight != null) {
            Init.ones_(weight.data());
            Init.zeros_(bias.data());
        }
    }

    /** The scale, or null. */
    public Parameter weight() {
        return weight;
    }

    /** The shift, or null. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        int k = normalizedShape.length;
        int[] s = input.sizes();
        boolean ok = s.length >= k;
        for (int i = 0; ok && i < k; i++) {
            ok = s[s.length - k + i] == normalizedShape[i];
        }
        if (!ok) {
            throw new IllegalArgumentException(this + ": Given normalized_shape=" + Arrays.toString(normalizedShape)
                    + ", expected input with shape [*, " + Arrays.toString(normalizedShape).replaceAll("[\\[\\]]", "")
                    + "], but got input of size " + input.shape() + " — set normalized_shape to the trailing dims "
                    + "of the input");
        }
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) {
            dims[i] = s.length - k + i;
        }
        Tensor y = Normalization.normalize(input, dims, eps).xhat();
        return weight == null ? y : y.mul(weight.data()).add(bias.data());
    }

    @Override
    public String extraRepr() {
        return Reprs.tuple(normalizedShape) + ", eps=" + Reprs.pyFloat(eps) + ", elementwise_affine="
                + Reprs.bool(weight != null);
    }
}
