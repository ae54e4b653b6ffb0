package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Huber-like loss, like {@code torch.nn.SmoothL1Loss}: {@code 0.5 d^2 / beta} where {@code |d| < beta}, else
 * {@code |d| - 0.5 beta} (beta 1 by default; beta 0 is L1).
 */
public class SmoothL1Loss extends Loss {

    private final double beta;

    /** Mean, beta 1. */
    public SmoothL1Loss() {
        this(Reduction.MEAN, 1.0);
    }

    /** The given reduction and beta >= 0. */
    public SmoothL1Loss(Reduction reduction, double beta) {
        super(reduction);
        if (beta < 0) {
            throw new IllegalArgumentException("SmoothL1Loss: smooth_l1_loss does not support negative values for "
                    + "beta, got " + beta);
        }
        this.beta = beta;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return LossFunctions.smoothL1(input, target, beta, reduction());
    }
}
