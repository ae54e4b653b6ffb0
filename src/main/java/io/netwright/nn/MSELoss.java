package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** Elementwise squared error {@code (x - y)^2}, like {@code torch.nn.MSELoss}. Input and target must have the same shape. */
public class MSELoss extends Loss {

    /** Mean reduction. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /** The given reduction. */
    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return LossFunctions.mse(input, target, reduction());
    }
}
