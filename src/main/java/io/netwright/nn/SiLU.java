package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** {@code x * sigmoid(x)} (swish) elementwise, like {@code torch.nn.SiLU}. */
public class SiLU extends Module {

    /** The activation. */
    public SiLU() {
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.silu(input);
    }
}
