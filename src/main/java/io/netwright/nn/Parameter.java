package io.netwright.nn;

import io.netwright.tensor.Shape;
import io.netwright.tensor.Tensor;
import java.util.Objects;

/**
 * A trainable tensor owned by a {@link Module}, like {@code torch.nn.Parameter}. It holds one leaf tensor that
 * requires grad; optimizers update {@link #data()} in place and read {@link #grad()}. Freezing sets
 * {@code requiresGrad_(false)}.
 */
public final class Parameter {

    private final Tensor data;

    /** Wraps {@code data} (made a leaf that requires grad). */
    public Parameter(Tensor data) {
        Objects.requireNonNull(data, "data");
        this.data = data.isLeaf() ? data : data.detach();
        this.data.requiresGrad_(true);
    }

    /** The tensor (a leaf; use it in forward computations). */
    public Tensor data() {
        return data;
    }

    /** The accumulated gradient, or null. */
    public Tensor grad() {
        return data.grad();
    }

    /** Clears the gradient. */
    public void zeroGrad() {
        data.zeroGrad();
    }

    /** Whether gradients are computed for this parameter. */
    public boolean requiresGrad() {
        return data.requiresGrad();
    }

    /** Freezes ({@code false}) or unfreezes; returns this. */
    public Parameter requiresGrad_(boolean value) {
        data.requiresGrad_(value);
        return this;
    }

    /** The shape of the data. */
    public Shape shape() {
        return data.shape();
    }

    /** Number of elements. */
    public int numel() {
        return data.numel();
    }

    @Override
    public String toString() {
        return "Parameter containing:\n" + data;
    }
}
