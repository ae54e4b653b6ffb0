package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.nn.AdaptiveAvgPool2d;
import io.netwright.nn.AdaptiveMaxPool2d;
import java.util.List;

/** {@code AdaptiveAvgPool2d} and {@code AdaptiveMaxPool2d}: pools H×W down to a fixed output_size. */
final class AdaptivePoolLayer extends BaseLayer {

    static final AdaptivePoolLayer AVG = new AdaptivePoolLayer(false);
    static final AdaptivePoolLayer MAX = new AdaptivePoolLayer(true);

    private final boolean max;

    private AdaptivePoolLayer(boolean max) {
        super(max ? "AdaptiveMaxPool2d" : "AdaptiveAvgPool2d", max ? "Adaptive Max Pool 2D" : "Adaptive Avg Pool 2D",
                Category.POOLING, "pool", 1, 1,
                (max ? "Maximum" : "Average") + " over windows chosen so the output is output_size whatever the "
                        + "input size (1 = global pooling).",
                List.of(ParamSpec.ofPair("output_size", 1, Range.atLeast(1), "Output height and width.")
                        .asRequired()));
        this.max = max;
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        if (!needImage(x, check)) {
            return null;
        }
        int[] o = p.pair("output_size");
        if (o[0] > x[1] || o[1] > x[2]) {
            check.warning("output_size " + Shapes.format(o) + " is larger than the input " + x[1] + "×" + x[2]
                    + ", so values are repeated", "set output_size to at most " + x[1] + "×" + x[2]);
        }
        return new int[] {x[0], o[0], o[1]};
    }

    @Override
    public long flops(Params p, int[][] in, int[] out) {
        return Math.max(Shapes.numel(in[0]), Shapes.numel(out));
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        int[] o = p.pair("output_size");
        return max ? new AdaptiveMaxPool2d(o[0], o[1]) : new AdaptiveAvgPool2d(o[0], o[1]);
    }
}
