package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import java.util.List;

/**
 * {@code Add} and {@code Multiply} (elementwise over any number of inputs, NumPy broadcasting — e.g. a residual
 * connection, or a squeeze-and-excitation scale of C×1×1) and {@code Concat} (joins inputs along {@code dim}; all
 * other dims must agree — e.g. the branches of an inception block).
 */
final class MergeLayer extends BaseLayer {

    private enum Kind { ADD, MULTIPLY, CONCAT }

    private final Kind kind;

    static final MergeLayer ADD = new MergeLayer(Kind.ADD);
    static final MergeLayer CONCAT = new MergeLayer(Kind.CONCAT);
    static final MergeLayer MULTIPLY = new MergeLayer(Kind.MULTIPLY);

    private MergeLayer(Kind kind) {
        super(switch (kind) {
            case ADD -> "Add";
            case MULTIPLY -> "Multiply";
            case CONCAT -> "Concat";
        }, switch (kind) {
            case ADD -> "Add";
            case MULTIPLY -> "Multiply";
            case CONCAT -> "Concatenate";
        }, Category.MERGE, kind.name().toLowerCase(java.util.Locale.ROOT), 2, VARIADIC, switch (kind) {
            case ADD -> "Sums its inputs elementwise (residual connections); shapes must match or broadcast.";
            case MULTIPLY -> "Multiplies its inputs elementwise (gating, attention scales); shapes must match or "
                    + "broadcast.";
            case CONCAT -> "Joins its inputs along dim (1 = channels); all other dims must agree.";
        }, kind == Kind.CONCAT ? List.of(ParamSpec.ofInt("dim", 1, Range.ANY, "Dim to join along (0 is the batch, "
                + "1 the channels).")) : List.of());
        this.kind = kind;
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        return kind == Kind.CONCAT ? concat(p.integer("dim"), in, check) : broadcast(in, check);
    }

    private int[] broadcast(int[][] in, ShapeCheck check) {
        int[] out = in[0];
        for (int i = 1; i < in.length; i++) {
            int[] b = Shapes.broadcast(out, in[i]);
            if (b == null) {
                boolean channelsOnly = out.length == in[i].length && out.length == 3 && out[1] == in[i][1]
                        && out[2] == in[i][2];
                check.errorAt(i, "input " + i + " is " + Shapes.format(in[i]) + " but input 0 is "
                        + Shapes.format(in[0]) + (i > 1 ? " (so far " + Shapes.format(out) + ")" : "")
                        + "; shapes must match or broadcast", channelsOnly
                        ? "insert a 1x1 Conv2d with out_channels=" + out[0] + " on input " + i
                        : "make the branches produce the same shape (e.g. a 1x1 Conv2d with stride on the "
                                + "shortcut)");
                return null;
            }
            out = b;
        }
        return out;
    }

    private int[] concat(int dim, int[][] in, ShapeCheck check) {
        int[] first = in[0];
        int d = Shapes.batchDim(dim, first.length);
        if (d <= 0) {
            check.error("dim=" + dim + (d == 0 ? " is the batch dimension" : " is out of range for input "
                    + Shapes.format(first)), "set dim=1 to join channels");
            return null;
        }
        int axis = d - 1;
        int[] out = first.clone();
        for (int i = 1; i < in.length; i++) {
            int[] x = in[i];
            boolean ok = x.length == first.length;
            for (int k = 0; ok && k < x.length; k++) {
                ok = k == axis || x[k] == first[k];
            }
            if (!ok) {
                check.errorAt(i, "input " + i + " is " + Shapes.format(x) + " but input 0 is "
                        + Shapes.format(first) + "; all dims but dim " + dim + " must agree",
                        "give the branches the same size in the other dims (same stride and padding)");
                return null;
            }
            out[axis] += x[axis];
        }
        return out;
    }

    @Override
    public long flops(Params p, int[][] in, int[] out) {
        return kind == Kind.CONCAT ? 0 : Shapes.numel(out) * (in.length - 1);
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        return switch (kind) {
            case ADD -> new MergeModule(MergeModule.Op.ADD, 0);
            case MULTIPLY -> new MergeModule(MergeModule.Op.MULTIPLY, 0);
            case CONCAT -> new MergeModule(MergeModule.Op.CONCAT, p.integer("dim"));
        };
    }
}
