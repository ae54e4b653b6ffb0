package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** Hyperbolic tangent elementwise, like {@code torch.nn.Tanh}. */
public class Tanh extends Module {

    /** The activation. */
    public Tanh() {
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
