package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** {@code 1 / (1 + exp(-x))} elementwise, like {@code torch.nn.Sigmoid}. */
public class Sigmoid extends Module {

    /** The activation. */
    public Sigmoid() {
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
