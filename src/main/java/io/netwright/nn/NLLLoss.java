package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Negative log-likelihood of log-probabilities {@code [N, C, d...]} (e.g. from {@link LogSoftmax}) at int64
 * class indices {@code [N, d...]}, like {@code torch.nn.NLLLoss}, with class weights (a buffer), an ignored target
 * value and PyTorch's weighted mean.
 */
public class NLLLoss extends Loss {

    private final long ignoreIndex;

    /** Mean, no weights, ignore index -100. */
    public NLLLoss() {
        this(null, -100, Reduction.MEAN);
    }

    /** The given reduction. */
    public NLLLoss(Reduction reduction) {
        this(null, -100, reduction);
    }

    /** Every option; {@code weight} is {@code [C]} or null. */
    public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return buffer("weight");
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return ClassLosses.nll("NLLLoss", input, target, weight(), ignoreIndex, reduction());
    }
}
