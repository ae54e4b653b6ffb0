package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Tensor;
import java.util.Arrays;

/**
 * The module of the merge layers: {@code Add} and {@code Multiply} (elementwise over all inputs, broadcasting) and
 * {@code Concat} (along {@code dim}, batch counted). It has no parameters; in PyTorch code it is an expression
 * ({@code a + b}, {@code torch.cat([a, b], dim=1)}).
 */
public final class MergeModule extends Module {

    /** The operation. */
    public enum Op {
        /** Elementwise sum. */
        ADD,
        /** Elementwise product. */
        MULTIPLY,
        /** Concatenation along a dim. */
        CONCAT
    }

    private final Op op;
    private final int dim;

    /** A merge doing {@code op}; {@code dim} is used by CONCAT only. */
    public MergeModule(Op op, int dim) {
        this.op = op;
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input;
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length == 1) {
            return inputs[0];
        }
        if (op == Op.CONCAT) {
            return Tensor.cat(Arrays.asList(inputs), dim);
        }
        Tensor out = inputs[0];
        for (int i = 1; i < inputs.length; i++) {
            out = op == Op.ADD ? out.add(inputs[i]) : out.mul(inputs[i]);
        }
        return out;
    }

    @Override
    public String name() {
        return switch (op) {
            case ADD -> "Add";
            case MULTIPLY -> "Multiply";
            case CONCAT -> "Concat";
        };
    }

    @Override
    public String extraRepr() {
        return op == Op.CONCAT ? "dim=" + dim : "";
    }
}
