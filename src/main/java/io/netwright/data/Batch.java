package io.netwright.data;

import io.netwright.backend.Device;
import io.netwright.tensor.Tensor;
import java.util.Objects;

/**
 * A collated mini-batch: inputs {@code [N, ...]} (float32) and targets {@code [N]} (int64 class indices). Close it
 * (or let a {@code TensorScope} do so) when the step is done, so the memory is freed at once.
 *
 * <pre>{@code for (Batch b : loader) { try (b) { Tensor loss = criterion.forward(model.forward(b.inputs()), b.targets()); ... } }}</pre>
 *
 * @param inputs  the stacked inputs, first dimension N
 * @param targets the labels, shape {@code [N]}
 */
public record Batch(Tensor inputs, Tensor targets) implements AutoCloseable {

    /** Validates that both have the same first dimension. */
    public Batch {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
        if (inputs.dim() == 0 || targets.dim() == 0 || inputs.size(0) != targets.size(0)) {
            throw new IllegalArgumentException("Batch: inputs " + inputs.shape() + " and targets "
                    + targets.shape() + " must have the same first dimension");
        }
    }

    /** The number of samples N. */
    public int size() {
        return inputs.size(0);
    }

    /** This batch on {@code device} (the same object if it is already there). */
    public Batch to(Device device) {
        Tensor x = inputs.to(device);
        Tensor y = targets.to(device);
        return x == inputs && y == targets ? this : new Batch(x, y);
    }

    /** Releases both tensors. */
    @Override
    public void close() {
        inputs.close();
        targets.close();
    }
}
