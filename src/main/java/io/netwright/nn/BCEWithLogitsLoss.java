package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Sigmoid plus binary cross-entropy in one numerically stable step, like {@code torch.nn.BCEWithLogitsLoss}:
 * {@code (1-y) x + (1 + (pw-1) y) softplus(-x)}, times {@code weight}. {@code posWeight} (broadcast over the last
 * dim, one entry per class) trades recall against precision; both are buffers, as in PyTorch.
 */
public class BCEWithLogitsLoss extends Loss {

    /** Mean, no weights. */
    public BCEWithLogitsLoss() {
        this(null, Reduction.MEAN, null);
    }

    /** Every option; {@code weight} and {@code posWeight} may be null. */
    public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
        super(reduction);
        registerBuffer("weight", weight);
        registerBuffer("pos_weight", posWeight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return LossFunctions.bceWithLogits(input, target, buffer("weight"), buffer("pos_weight"), reduction());
    }
}
