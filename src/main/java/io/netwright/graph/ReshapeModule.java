package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Tensor;

/**
 * The module of {@code Reshape}: views each sample as {@code shape} (one size may be -1), keeping the batch dim;
 * in PyTorch code {@code x.reshape(x.size(0), *shape)}.
 */
public final class ReshapeModule extends Module {

    private final int[] shape;

    /** A reshape to the per-sample {@code shape}. */
    public ReshapeModule(int... shape) {
        this.shape = shape.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] full = new int[shape.length + 1];
        full[0] = input.size(0);
        System.arraycopy(shape, 0, full, 1, shape.length);
        return input.reshape(full);
    }

    @Override
    public String name() {
        return "Reshape";
    }

    @Override
    public String extraRepr() {
        return "shape=" + java.util.Arrays.toString(shape);
    }
}
