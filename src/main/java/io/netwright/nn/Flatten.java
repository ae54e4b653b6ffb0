package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Flattens dims {@code startDim..endDim} into one, like {@code torch.nn.Flatten} (defaults 1 and -1: keeps the
 * batch dim, so {@code [N, 16, 5, 5]} becomes {@code [N, 400]}).
 */
public class Flatten extends Module {

    private final int startDim;
    private final int endDim;

    /** {@code Flatten(start_dim=1, end_dim=-1)}. */
    public Flatten() {
        this(1, -1);
    }

    /** Flattens {@code startDim..endDim} (negative counts from the end). */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        int r = Math.max(input.dim(), 1);
        int s = startDim < 0 ? startDim + r : startDim;
        int e = endDim < 0 ? endDim + r : endDim;
        if (s < 0 || s >= r || e < 0 || e >= r || s > e) {
            throw new IllegalArgumentException(this + ": cannot flatten dims " + startDim + ".." + endDim
                    + " of input " + input.shape() + " — the input has " + input.dim() + " dims (did the batch "
                    + "dim go missing?)");
        }
        return input.flatten(s, e);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
