package io.netwright.data;

import io.netwright.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * A collated batch still on the Java heap: inputs as one float array of {@code shape} (first dim N) and int64
 * targets. {@link #toBatch()} makes the two tensors with one copy each.
 *
 * @param inputs  the stacked inputs, row-major
 * @param shape   the input shape, {@code [N, ...]}
 * @param targets the labels, length N
 */
public record HostBatch(float[] inputs, int[] shape, long[] targets) {

    /** Validates the sizes. */
    public HostBatch {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (shape.length == 0 || n != inputs.length || shape[0] != targets.length) {
            throw new IllegalArgumentException("HostBatch: shape " + Arrays.toString(shape) + " does not fit "
                    + inputs.length + " input values and " + targets.length + " targets");
        }
    }

    /** The number of samples N. */
    public int size() {
        return targets.length;
    }

    /** The batch as tensors (float32 inputs of {@link #shape()}, int64 targets {@code [N]}) on the CPU. */
    public Batch toBatch() {
        Tensor x = Tensor.of(inputs, shape);
        Tensor y = Tensor.ofLongs(targets, targets.length);
        return new Batch(x, y);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }
}
