package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Binary cross-entropy of probabilities in [0, 1], like {@code torch.nn.BCELoss}:
 * {@code -w (y log x + (1-y) log(1-x))} with each log clamped at -100 so a saturated input gives a finite loss.
 * Prefer {@link BCEWithLogitsLoss} on raw logits.
 */
public class BCELoss extends Loss {

    /** Mean, no weight. */
    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    /** A per-element {@code weight} broadcast to the input (a buffer; may be null). */
    public BCELoss(Tensor weight, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return LossFunctions.bce(input, target, buffer("weight"), reduction());
    }
}
