package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.nn.Upsample;
import io.netwright.nn.ZeroPad2d;
import java.util.List;

/** {@code Upsample} (H×W scaled by scale_factor) and {@code ZeroPad2d} (zeros added around H×W). */
final class ResizeLayer extends BaseLayer {

    private final boolean upsample;

    static final ResizeLayer UPSAMPLE = new ResizeLayer(true);
    static final ResizeLayer ZERO_PAD2D = new ResizeLayer(false);

    private ResizeLayer(boolean upsample) {
        super(upsample ? "Upsample" : "ZeroPad2d", upsample ? "Upsample" : "Zero Pad 2D", Category.RESHAPE,
                upsample ? "up" : "pad", 1, 1,
                upsample ? "Scales H×W by scale_factor (nearest or bilinear interpolation)."
                        : "Adds zeros around H×W: one size for all sides, or [left, right, top, bottom].",
                upsample ? List.of(ParamSpec.ofFloat("scale_factor", 2.0, Range.greaterThan(0), "Size multiplier "
                                + "for H and W."),
                        ParamSpec.ofChoice("mode", List.of("nearest", "bilinear"), "Interpolation."))
                        : List.of(ParamSpec.ofInts("padding", ParamValue.of(1), Range.atLeast(0), "Zeros per side: "
                                + "one size, or [left, right, top, bottom].").asRequired()));
        this.upsample = upsample;
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        if (!needImage(x, check)) {
            return null;
        }
        if (upsample) {
            double s = p.number("scale_factor");
            long h = (long) Math.floor(x[1] * s);
            long w = (long) Math.floor(x[2] * s);
            if (h <= 0 || w <= 0 || h > 1 << 16 || w > 1 << 16) {
                check.error("output size would be " + h + "×" + w, "choose a scale_factor giving 1 to 65536");
                return null;
            }
            return new int[] {x[0], (int) h, (int) w};
        }
        int[] pad = p.ints("padding");
        if (pad.length != 1 && pad.length != 4) {
            check.error("padding " + Shapes.format(pad) + " has " + pad.length + " values",
                    "give one value, or four: [left, right, top, bottom]");
            return null;
        }
        int l = pad[0];
        int r = pad.length == 4 ? pad[1] : l;
        int t = pad.length == 4 ? pad[2] : l;
        int b = pad.length == 4 ? pad[3] : l;
        return new int[] {x[0], x[1] + t + b, x[2] + l + r};
    }

    @Override
    public long flops(Params p, int[][] in, int[] out) {
        return upsample ? Shapes.numel(out) : 0;
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        if (upsample) {
            return Upsample.scale(p.number("scale_factor"), p.text("mode"));
        }
        int[] pad = p.ints("padding");
        return pad.length == 1 ? new ZeroPad2d(pad[0]) : new ZeroPad2d(pad[0], pad[1], pad[2], pad[3]);
    }
}
