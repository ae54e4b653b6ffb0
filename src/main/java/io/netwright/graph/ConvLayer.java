package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.tensor.WindowRules;
import io.netwright.nn.Conv2d;
import io.netwright.nn.ConvTranspose2d;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Conv2d} and {@code ConvTranspose2d}. {@code in_channels} is inferred from the input unless set; a set
 * value that disagrees with the input is an error with the fix.
 */
final class ConvLayer extends BaseLayer {

    private final boolean transposed;

    static final ConvLayer CONV2D = new ConvLayer(false);
    static final ConvLayer CONV_TRANSPOSE2D = new ConvLayer(true);

    private ConvLayer(boolean transposed) {
        super(transposed ? "ConvTranspose2d" : "Conv2d", transposed ? "Conv Transpose 2D" : "Conv 2D",
                Category.CONVOLUTION, transposed ? "deconv" : "conv", 1, 1,
                transposed ? "Transposed 2-D convolution (learned upsampling): out = (H-1)·stride - 2·padding "
                        + "+ dilation·(kernel-1) + output_padding + 1."
                        : "2-D convolution over C×H×W: out_channels filters of kernel_size, sliding by stride.",
                schema(transposed));
        this.transposed = transposed;
    }

    private static List<ParamSpec> schema(boolean transposed) {
        List<ParamSpec> s = new ArrayList<>();
        s.add(ParamSpec.ofInt("in_channels", 1, Range.atLeast(1), "Input channels; \"auto\" takes them from "
                + "the input.").autoByDefault());
        s.add(ParamSpec.ofInt("out_channels", 16, Range.atLeast(1), "Number of filters (output channels).")
                .asRequired());
        s.add(ParamSpec.ofPair("kernel_size", 3, Range.atLeast(1), "Filter height and width.").asRequired());
        s.add(ParamSpec.ofPair("stride", 1, Range.atLeast(1), "Step between filter positions."));
        ParamSpec padding = ParamSpec.ofPair("padding", 0, Range.atLeast(0), transposed
                ? "Zero padding removed from each side of the output."
                : "Zero padding on each side; \"same\" keeps H×W (stride 1), \"valid\" is 0.");
        s.add(transposed ? padding : padding.alsoAccepting("same", "valid"));
        if (transposed) {
            s.add(ParamSpec.ofPair("output_padding", 0, Range.atLeast(0), "Extra size added to one side of the "
                    + "output (smaller than stride or dilation)."));
        }
        if (!transposed) {
            s.add(ParamSpec.ofPair("dilation", 1, Range.atLeast(1), "Spacing between filter taps."));
        }
        s.add(ParamSpec.ofInt("groups", 1, Range.atLeast(1), "Channel groups convolved separately "
                + "(in and out channels must divide by it)."));
        s.add(ParamSpec.ofBool("bias", true, "Whether to add a learned bias per output channel."));
        if (transposed) {
            s.add(ParamSpec.ofPair("dilation", 1, Range.atLeast(1), "Spacing between filter taps."));
        }
        return s;
    }

    /** The input channels: from the input, or the explicit value when the input is unknown. */
    static int inChannels(Params p, int[][] in) {
        return p.isAuto("in_channels") ? in[0][0] : p.integer("in_channels");
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        if (!needImage(x, check)) {
            return null;
        }
        int c = x[0];
        int outC = p.integer("out_channels");
        int groups = p.integer("groups");
        checkInferred(p, "in_channels", c, "channels", transposed ? null : "insert a 1x1 Conv2d", check);
        if (c % groups != 0 || outC % groups != 0) {
            check.error("groups=" + groups + " must divide in_channels (" + c + ") and out_channels (" + outC
                    + ")", "set groups to a common divisor, e.g. groups=1");
        }
        int[] k = p.pair("kernel_size");
        int[] s = p.pair("stride");
        int[] d = p.pair("dilation");
        int[] pad;
        if (p.isText("padding")) {
            if (p.text("padding").equals("valid")) {
                pad = new int[] {0, 0, 0, 0};
            } else {
                if (s[0] != 1 || s[1] != 1) {
                    check.error("padding=\"same\" needs stride 1, got stride=" + Shapes.format(s),
                            "set stride=1 or give padding as numbers");
                    return null;
                }
                // PyTorch pads the total d·(k-1) with the extra element on the bottom/right
                int[] ph = WindowRules.samePadding(k[0], d[0]);
                int[] pw = WindowRules.samePadding(k[1], d[1]);
                pad = new int[] {ph[0], ph[1], pw[0], pw[1]};
            }
        } else {
            int[] pp = p.pair("padding");
            pad = new int[] {pp[0], pp[0], pp[1], pp[1]};
        }
        // a declared size that contradicts the input is reported above, but the output shape is still known:
        // going on lets the analysis report independent problems further down in the same pass
        long h;
        long w;
        if (transposed) {
            int[] op = p.pair("output_padding");
            for (int i = 0; i < 2; i++) {
                if (op[i] >= s[i] && op[i] >= d[i]) {
                    check.error("output_padding=" + op[i] + " must be smaller than stride (" + s[i]
                            + ") or dilation (" + d[i] + ")", "set output_padding=" + Math.max(0, Math.max(s[i],
                                    d[i]) - 1));
                    return null;
                }
            }
            h = (long) (x[1] - 1) * s[0] - 2L * pad[0] + (long) d[0] * (k[0] - 1) + op[0] + 1;
            w = (long) (x[2] - 1) * s[1] - 2L * pad[2] + (long) d[1] * (k[1] - 1) + op[1] + 1;
        } else {
            // the engine's rule (io.netwright.tensor.WindowRules): the dilated kernel must fit the padded input
            WindowRules.Violation v = WindowRules.convFits(new int[] {x[1], x[2]}, k, s, new int[] {pad[0], pad[2]},
                    new int[] {pad[1], pad[3]}, d);
            if (v != null) {
                check.error(v.message(), v.fix());
                return null;
            }
            h = WindowRules.outputSize(x[1], k[0], s[0], pad[0], pad[1], d[0], false);
            w = WindowRules.outputSize(x[2], k[1], s[1], pad[2], pad[3], d[1], false);
        }
        if (h <= 0 || w <= 0) {
            check.error("output size would be " + Math.max(0, h) + "×" + Math.max(0, w) + " (input " + x[1] + "×"
                    + x[2] + ", kernel " + Shapes.format(k) + ", stride " + Shapes.format(s) + ", padding " + pad[0]
                    + "×" + pad[2] + ")", "reduce padding");
            return null;
        }
        if (h > Integer.MAX_VALUE || w > Integer.MAX_VALUE) {
            check.error("output size " + h + "×" + w + " is too large", "reduce stride or kernel_size");
            return null;
        }
        return new int[] {outC, (int) h, (int) w};
    }

    @Override
    public long paramCount(Params p, int[][] in, int[] out) {
        int[] k = p.pair("kernel_size");
        long weights = (long) (inChannels(p, in) / p.integer("groups")) * out[0] * k[0] * k[1];
        return weights + (p.bool("bias") ? out[0] : 0);
    }

    @Override
    public long macs(Params p, int[][] in, int[] out) {
        int[] k = p.pair("kernel_size");
        int groups = p.integer("groups");
        long taps = (long) k[0] * k[1];
        // conv: every output element reads (in/groups)·k·k inputs; transposed: every input element is spread
        // over (out/groups)·k·k outputs
        return transposed ? Shapes.numel(in[0]) * (out[0] / groups) * taps
                : Shapes.numel(out) * (inChannels(p, in) / groups) * taps;
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        int inC = inChannels(p, in);
        int outC = p.integer("out_channels");
        int[] k = p.pair("kernel_size");
        if (transposed) {
            return ConvTranspose2d.builder(inC, outC, k).stride(p.pair("stride")).padding(p.pair("padding"))
                    .outputPadding(p.pair("output_padding")).dilation(p.pair("dilation"))
                    .groups(p.integer("groups")).bias(p.bool("bias")).generator(g).build();
        }
        Conv2d.Builder b = Conv2d.builder(inC, outC, k).stride(p.pair("stride")).dilation(p.pair("dilation"))
                .groups(p.integer("groups")).bias(p.bool("bias")).generator(g);
        return (p.isText("padding") ? b.padding(p.text("padding")) : b.padding(p.pair("padding"))).build();
    }
}
