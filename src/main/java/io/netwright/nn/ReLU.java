package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** {@code max(x, 0)} elementwise, like {@code torch.nn.ReLU}. */
public class ReLU extends Module {

    /** The activation. */
    public ReLU() {
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
