package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Elementwise absolute error {@code |x - y|}, like {@code torch.nn.L1Loss}. Input and target must have the same
 * shape.
 */
public class L1Loss extends Loss {

    /** Mean reduction. */
    public L1Loss() {
        this(Reduction.MEAN);
    }

    /** The given reduction. */
    public L1Loss(Reduction reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return LossFunctions.l1(input, target, reduction());
    }
}
