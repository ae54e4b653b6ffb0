package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Gaussian error linear unit {@code x * Phi(x)}, like {@code torch.nn.GELU}: exact (with erf) by default, or
 * PyTorch's {@code approximate='tanh'} form.
 */
public class GELU extends Module {

    private final String approximate;

    /** The exact form. */
    public GELU() {
        this("none");
    }

    /** {@code "none"} (exact) or {@code "tanh"}. */
    public GELU(String approximate) {
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException("GELU: approximate must be 'none' or 'tanh', got '" + approximate
                    + "'");
        }
        this.approximate = approximate;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.gelu(input, approximate);
    }

    @Override
    public String extraRepr() {
        return "approximate=" + Reprs.str(approximate);
    }
}
