package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** {@code x > 0 ? x : negativeSlope * x}, like {@code torch.nn.LeakyReLU} (default slope 0.01). */
public class LeakyReLU extends Module {

    private final double negativeSlope;

    /** Slope 0.01. */
    public LeakyReLU() {
        this(0.01);
    }

    /** The given slope for negative inputs. */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.leakyRelu(negativeSlope);
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + Reprs.pyFloat(negativeSlope);
    }
}
