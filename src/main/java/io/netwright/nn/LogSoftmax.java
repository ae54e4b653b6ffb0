package io.netwright.nn;

import io.netwright.tensor.Tensor;

/** {@code torch.nn.LogSoftmax} along {@code dim} (stable: the maximum is subtracted first). */
public class LogSoftmax extends Module {

    private final int dim;

    /** Along {@code dim} (negative counts from the end); for {@code [N, C]} logits use 1. */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        if (dim >= input.dim() || dim < -Math.max(input.dim(), 1)) {
            throw new IllegalArgumentException(this + ": dim " + dim + " is out of range for input "
                    + input.shape() + " — use a dim in [" + -input.dim() + ", " + (input.dim() - 1) + "]");
        }
        return input.logSoftmax(dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
