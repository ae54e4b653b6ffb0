package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.tensor.WindowRules;
import io.netwright.nn.AvgPool2d;
import io.netwright.nn.MaxPool2d;
import java.util.ArrayList;
import java.util.List;

/** {@code MaxPool2d} and {@code AvgPool2d}: a fixed window sliding over H×W, per channel. */
final class PoolLayer extends BaseLayer {

    private final boolean max;

    static final PoolLayer MAX = new PoolLayer(true);
    static final PoolLayer AVG = new PoolLayer(false);

    private PoolLayer(boolean max) {
        super(max ? "MaxPool2d" : "AvgPool2d", max ? "Max Pool 2D" : "Avg Pool 2D", Category.POOLING, "pool", 1, 1,
                (max ? "Maximum" : "Average") + " over kernel_size windows of each channel, moving by stride "
                        + "(default: kernel_size).", schema(max));
        this.max = max;
    }

    private static List<ParamSpec> schema(boolean max) {
        List<ParamSpec> s = new ArrayList<>();
        s.add(ParamSpec.ofPair("kernel_size", 2, Range.atLeast(1), "Window height and width.").asRequired());
        s.add(ParamSpec.ofPair("stride", 2, Range.atLeast(1), "Step between windows; \"auto\" is kernel_size.")
                .autoByDefault());
        s.add(ParamSpec.ofPair("padding", 0, Range.atLeast(0), "Implicit padding on each side (at most half the "
                + "kernel size)."));
        if (max) {
            s.add(ParamSpec.ofPair("dilation", 1, Range.atLeast(1), "Spacing between window taps."));
        }
        s.add(ParamSpec.ofBool("ceil_mode", false, "Round the output size up instead of down."));
        if (!max) {
            s.add(ParamSpec.ofBool("count_include_pad", true, "Whether padding zeros count in the average."));
        }
        return s;
    }

    static int[] stride(Params p) {
        return p.isAuto("stride") ? p.pair("kernel_size") : p.pair("stride");
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        if (!needImage(x, check)) {
            return null;
        }
        int[] k = p.pair("kernel_size");
        int[] s = stride(p);
        int[] pad = p.pair("padding");
        int[] d = max ? p.pair("dilation") : new int[] {1, 1};
        // the engine's rules (io.netwright.tensor.WindowRules), so the analysis accepts what forward runs
        WindowRules.Violation v = WindowRules.poolPadding(k, pad);
        if (v != null) {
            check.error(v.message(), v.fix());
            return null;
        }
        boolean ceil = p.bool("ceil_mode");
        long h = WindowRules.outputSize(x[1], k[0], s[0], pad[0], pad[0], d[0], ceil);
        long w = WindowRules.outputSize(x[2], k[1], s[1], pad[1], pad[1], d[1], ceil);
        v = WindowRules.poolOutput(x[0], new int[] {x[1], x[2]}, new long[] {h, w}, k, d);
        if (v != null) {
            check.error(v.message(), v.fix());
            return null;
        }
        return new int[] {x[0], (int) h, (int) w};
    }

    @Override
    public long flops(Params p, int[][] in, int[] out) {
        int[] k = p.pair("kernel_size");
        return Shapes.numel(out) * k[0] * k[1];
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        int[] stride = p.isAuto("stride") ? null : p.pair("stride");
        return max ? new MaxPool2d(p.pair("kernel_size"), stride, p.pair("padding"), p.pair("dilation"),
                p.bool("ceil_mode"))
                : new AvgPool2d(p.pair("kernel_size"), stride, p.pair("padding"), p.bool("ceil_mode"),
                        p.bool("count_include_pad"), null);
    }
}
