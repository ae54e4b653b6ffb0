package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** {@code x > 0 ? x : alpha * (exp(x) - 1)}, like {@code torch.nn.ELU} (default alpha 1). */
public class ELU extends Module {

    private final double alpha;

    /** Alpha 1. */
    public ELU() {
        this(1.0);
    }

    /** The given alpha. */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.elu(input, alpha);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + Reprs.pyFloat(alpha);
    }
}
