package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** Returns its input unchanged, like {@code torch.nn.Identity}: a placeholder that keeps state-dict keys stable. */
public class Identity extends Module {

    /** The activation. */
    public Identity() {
    }

    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
