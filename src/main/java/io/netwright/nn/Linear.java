package io.netwright.nn;

import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;

/**
 * {@code y = x W^T + b}, like {@code torch.nn.Linear}: weight {@code [out_features, in_features]}, bias
 * {@code [out_features]}, both initialised from U(-1/sqrt(in), 1/sqrt(in)) (PyTorch's default).
 */
public class Linear extends Module {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer with bias, initialised from the default generator. */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /** A layer with or without bias, initialised from the default generator. */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, Generator.defaultGenerator());
    }

    /** A layer initialised from {@code g}. */
    public Linear(int inFeatures, int outFeatures, boolean bias, Generator g) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("Linear: in_features and out_features must be positive, got "
                    + inFeatures + " and " + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", new Parameter(Tensor.empty(outFeatures, inFeatures)));
        this.bias = registerParameter("bias", bias ? new Parameter(Tensor.empty(outFeatures)) : null);
        resetParameters(g);
    }

    /** Re-draws the weights with PyTorch's default initialisation. */
    public void resetParameters(Generator g) {
        Init.kaimingUniform_(weight.data(), Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu", g);
        if (bias != null) {
            double bound = 1 / Math.sqrt(inFeatures);
            Init.uniform_(bias.data(), -bound, bound, g);
        }
    }

    /** The weight {@code [out, in]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}, or null. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (input.dim() == 0 || input.size(-1) != inFeatures) {
            throw new IllegalArgumentException("Linear(in_features=" + inFeatures + "): input " + input.shape()
                    + " has " + (input.dim() == 0 ? 0 : input.size(-1)) + " features in its last dim — set "
                    + "in_features=" + (input.dim() == 0 ? "?" : input.size(-1)) + " or insert Flatten before it");
        }
        return Tensor.linear(input, weight.data(), bias == null ? null : bias.data());
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias != null ? "True"
                : "False");
    }
}
