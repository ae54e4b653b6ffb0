package io.netwright.graph;

import io.netwright.nn.Linear;
import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import java.util.List;

/**
 * {@code Linear}: {@code y = x Wᵀ + b} on the last dim. {@code in_features} is inferred from the input unless set.
 * After a C×H×W feature map the usual mistake is a missing {@code Flatten}; the messages say so.
 */
final class LinearLayer extends BaseLayer {

    static final LinearLayer LINEAR = new LinearLayer();

    private LinearLayer() {
        super("Linear", "Linear (Dense)", Category.DENSE, "fc", 1, 1,
                "Fully connected layer: every output is a weighted sum of all input features plus a bias.",
                List.of(ParamSpec.ofInt("in_features", 1, Range.atLeast(1), "Input features; \"auto\" takes them "
                                + "from the input.").autoByDefault(),
                        ParamSpec.ofInt("out_features", 10, Range.atLeast(1), "Output features.").asRequired(),
                        ParamSpec.ofBool("bias", true, "Whether to add a learned bias.")));
    }

    static int inFeatures(Params p, int[][] in) {
        return p.isAuto("in_features") ? in[0][in[0].length - 1] : p.integer("in_features");
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        int last = x[x.length - 1];
        if (x.length > 1) {
            long all = Shapes.numel(x);
            if (!p.isAuto("in_features") && p.integer("in_features") == all && all != last) {
                check.error("input is " + Shapes.format(x) + " (" + all + " values) but Linear acts on the last "
                        + "dim only (" + last + " features)", "insert Flatten before it");
                return new int[] {p.integer("out_features")}; // what it gives once Flatten is in
            }
            if (p.isAuto("in_features")) {
                check.warning("input is " + Shapes.format(x) + ": Linear acts on the last dim only (" + last
                        + " features)", "insert Flatten before it to use all " + all + " values");
            }
        }
        // on a mismatch the output shape is still known, so the analysis goes on past this node
        checkInferred(p, "in_features", last, "features", x.length > 1 ? "insert Flatten before it" : null, check);
        int[] out = x.clone();
        out[out.length - 1] = p.integer("out_features");
        return out;
    }

    @Override
    public long paramCount(Params p, int[][] in, int[] out) {
        int o = p.integer("out_features");
        return (long) inFeatures(p, in) * o + (p.bool("bias") ? o : 0);
    }

    @Override
    public long macs(Params p, int[][] in, int[] out) {
        return Shapes.numel(out) * inFeatures(p, in);
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        return new Linear(inFeatures(p, in), p.integer("out_features"), p.bool("bias"), g);
    }
}
