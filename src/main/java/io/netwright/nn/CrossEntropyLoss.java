package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Cross-entropy between logits {@code [N, C, d...]} (or {@code [C]}) and int64 class indices {@code [N, d...]}
 * (or class probabilities of the input's shape), like {@code torch.nn.CrossEntropyLoss}: log-softmax over dim 1
 * followed by NLL. Options as in PyTorch: class {@code weight} (a buffer, so it is in the state dict), an
 * {@code ignoreIndex} whose targets count neither in the sum nor in the mean's denominator, and
 * {@code labelSmoothing}. The mean is weighted: {@code sum(w[y_i] l_i) / sum(w[y_i])}.
 *
 * <pre>{@code Tensor loss = new CrossEntropyLoss().forward(logits, labels);}</pre>
 */
public class CrossEntropyLoss extends Loss {

    private final long ignoreIndex;
    private final double labelSmoothing;

    /** Mean over the batch, no weights, ignore index -100, no smoothing. */
    public CrossEntropyLoss() {
        this(null, -100, Reduction.MEAN, 0.0);
    }

    /** The given reduction, other options at their defaults. */
    public CrossEntropyLoss(Reduction reduction) {
        this(null, -100, reduction, 0.0);
    }

    /**
     * Every option.
     *
     * @param weight         per-class rescaling weight {@code [C]}, or null
     * @param ignoreIndex    target value to ignore (PyTorch's default -100)
     * @param reduction      none, mean or sum
     * @param labelSmoothing in [0, 1]: mix the target with the uniform distribution
     */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing) {
        super(reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: label_smoothing must be between 0.0 and 1.0. Got: "
                    + labelSmoothing);
        }
        registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
    }

    /** The class weights, or null. */
    public Tensor weight() {
        return buffer("weight");
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return ClassLosses.crossEntropy(input, target, weight(), ignoreIndex, labelSmoothing, reduction());
    }
}
