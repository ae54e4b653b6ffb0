package io.netwright.export;

import io.netwright.graph.ParamValue;
import java.util.Arrays;
import java.util.List;

/** Import of ONNX convolution, pooling, padding and resizing into Netwright's 2-D layers. */
final class OnnxImportConv {

    private OnnxImportConv() {
    }

    /** The [N, C, H, W] input of a 2-D layer. */
    private static String image(OnnxImportNode n) {
        String x = n.dynamic(0);
        int r = n.graph().rank(x);
        if (r != 4) {
            throw n.refuse("its input has rank " + r + "; Netwright's 2-D layers take [N, C, H, W]");
        }
        return x;
    }

    private static int[] pair(OnnxImportNode n, String attr, int def) {
        int[] v = n.ints(attr);
        if (v == null) {
            return new int[] {def, def};
        }
        if (v.length != 2) {
            throw n.refuse(attr + " " + Arrays.toString(v) + " is not 2-D");
        }
        return v;
    }

    /** ONNX pads {@code [top, left, bottom, right]}, from pads or auto_pad. */
    private static int[] pads(OnnxImportNode n, int[] in, int[] k, int[] s, int[] d) {
        String auto = n.text("auto_pad", "NOTSET");
        switch (auto) {
            case "NOTSET" -> {
                int[] p = n.ints("pads");
                if (p == null) {
                    return new int[4];
                }
                if (p.length != 4) {
                    throw n.refuse("pads " + Arrays.toString(p) + " are not 2-D");
                }
                return p;
            }
            case "VALID" -> {
                return new int[4];
            }
            case "SAME_UPPER", "SAME_LOWER" -> {
                int[] p = new int[4];
                for (int i = 0; i < 2; i++) {
                    int size = in[i + 2];
                    int out = (size + s[i] - 1) / s[i];
                    int total = Math.max(0, (out - 1) * s[i] + (k[i] - 1) * d[i] + 1 - size);
                    int small = total / 2;
                    p[i] = auto.equals("SAME_UPPER") ? small : total - small;
                    p[i + 2] = total - p[i];
                }
                return p;
            }
            default -> throw n.refuse("auto_pad " + auto + " is not an ONNX value");
        }
    }

    private static boolean symmetric(int[] p) {
        return p[0] == p[2] && p[1] == p[3];
    }

    /** Conv (2-D) → Conv2d; asymmetric padding that is not "same" becomes a ZeroPad2d before it. */
    static void conv(OnnxImportNode n) {
        String x = image(n);
        OnnxConst w = n.constant(1, "weight");
        OnnxConst b = n.constant(2, "bias");
        if (w.rank() != 4) {
            throw n.refuse("its weight has rank " + w.rank() + "; a 2-D convolution's has 4");
        }
        int[] xs = n.graph().shape(x);
        int[] k = n.ints("kernel_shape") == null ? new int[] {w.dims()[2], w.dims()[3]} : pair(n, "kernel_shape", 1);
        int[] s = pair(n, "strides", 1);
        int[] d = pair(n, "dilations", 1);
        int[] p = pads(n, xs, k, s, d);
        Object padding;
        int th = d[0] * (k[0] - 1);
        int tw = d[1] * (k[1] - 1);
        if (symmetric(p)) {
            padding = new int[] {p[0], p[1]};
        } else if (s[0] == 1 && s[1] == 1 && Arrays.equals(p, new int[] {th / 2, tw / 2, th - th / 2, tw - tw / 2})) {
            padding = "same";
        } else {
            x = zeroPad(n, x, p, "pad");
            padding = new int[] {0, 0};
        }
        String id = n.add("Conv2d", List.of(x), "out_channels", w.dims()[0], "kernel_size", k, "stride", s,
                "padding", padding, "dilation", d, "groups", (int) n.integer("group", 1), "bias", b != null);
        n.graph().weight(id, "weight", w);
        if (b != null) {
            n.graph().weight(id, "bias", b);
        }
    }

    private static String zeroPad(OnnxImportNode n, String x, int[] p, String suffix) {
        String base = OnnxNames.identifier(n.name(), n.op());
        String value = n.out() + "/" + suffix;
        n.graph().add(base == null ? "" : base + "_" + suffix, n.op(), "ZeroPad2d", List.of(x), value, "padding",
                padding(p[1], p[3], p[0], p[2]));
        return value;
    }

    private static ParamValue padding(int l, int r, int t, int b) {
        return l == r && r == t && t == b ? ParamValue.ofInts(l) : ParamValue.ofInts(l, r, t, b);
    }

    /** ConvTranspose (2-D, symmetric pads, no output_shape) → ConvTranspose2d. */
    static void convTranspose(OnnxImportNode n) {
        String x = image(n);
        OnnxConst w = n.constant(1, "weight");
        OnnxConst b = n.constant(2, "bias");
        if (w.rank() != 4) {
            throw n.refuse("its weight has rank " + w.rank() + "; a 2-D transposed convolution's has 4");
        }
        if (n.hasAttr("output_shape")) {
            throw n.refuse("output_shape is set; Netwright's ConvTranspose2d takes padding and output_padding — "
                    + "export with explicit pads");
        }
        String auto = n.text("auto_pad", "NOTSET");
        if (!auto.equals("NOTSET") && !auto.equals("VALID")) {
            throw n.refuse("auto_pad " + auto + " is not supported — export with explicit pads");
        }
        int group = (int) n.integer("group", 1);
        int[] k = n.ints("kernel_shape") == null ? new int[] {w.dims()[2], w.dims()[3]} : pair(n, "kernel_shape", 1);
        int[] p = auto.equals("VALID") || n.ints("pads") == null ? new int[4] : n.ints("pads");
        if (p.length != 4 || !symmetric(p)) {
            throw n.refuse("pads " + Arrays.toString(p) + " are not symmetric; ConvTranspose2d pads both sides "
                    + "alike");
        }
        String id = n.add("ConvTranspose2d", List.of(x), "out_channels", w.dims()[1] * group, "kernel_size", k,
                "stride", pair(n, "strides", 1), "padding", new int[] {p[0], p[1]}, "output_padding",
                pair(n, "output_padding", 0), "dilation", pair(n, "dilations", 1), "groups", group,
                "bias", b != null);
        n.graph().weight(id, "weight", w);
        if (b != null) {
            n.graph().weight(id, "bias", b);
        }
    }

    /** MaxPool / AveragePool (2-D, symmetric pads) → MaxPool2d / AvgPool2d. */
    static void pool(OnnxImportNode n, boolean max) {
        String x = image(n);
        n.onlyFirstOutputUsed();
        int[] k = n.ints("kernel_shape");
        if (k == null || k.length != 2) {
            throw n.refuse("kernel_shape " + Arrays.toString(k) + " is not 2-D");
        }
        int[] s = pair(n, "strides", 1);
        int[] d = pair(n, "dilations", 1);
        int[] p = pads(n, n.graph().shape(x), k, s, d);
        if (!symmetric(p)) {
            throw n.refuse("pads " + Arrays.toString(p) + " are not symmetric; Netwright's pooling pads both sides "
                    + "alike");
        }
        Object stride = Arrays.equals(s, k) ? ParamValue.AUTO : s;
        boolean ceil = n.integer("ceil_mode", 0) == 1;
        if (max) {
            n.add("MaxPool2d", List.of(x), "kernel_size", k, "stride", stride, "padding", new int[] {p[0], p[1]},
                    "dilation", d, "ceil_mode", ceil);
        } else {
            if (d[0] != 1 || d[1] != 1) {
                throw n.refuse("dilations " + Arrays.toString(d) + " on an average pool are not supported");
            }
            boolean include = n.integer("count_include_pad", 0) == 1 || p[0] == 0 && p[1] == 0 && !ceil;
            n.add("AvgPool2d", List.of(x), "kernel_size", k, "stride", stride, "padding", new int[] {p[0], p[1]},
                    "ceil_mode", ceil, "count_include_pad", include);
        }
    }

    /** GlobalAveragePool / GlobalMaxPool → AdaptiveAvgPool2d / AdaptiveMaxPool2d with output_size 1. */
    static void global(OnnxImportNode n, boolean max) {
        String x = image(n);
        n.add(max ? "AdaptiveMaxPool2d" : "AdaptiveAvgPool2d", List.of(x), "output_size", ParamValue.of(1));
    }

    /** Pad with constant zeros on H and W → ZeroPad2d. */
    static void pad(OnnxImportNode n) {
        String x = image(n);
        String mode = n.text("mode", "constant");
        if (!mode.equals("constant")) {
            throw n.refuse("mode " + mode + " is not supported; Netwright pads with zeros (ZeroPad2d)");
        }
        long[] pads;
        double value;
        if (n.opset() < 11) {
            pads = Arrays.stream(n.ints("pads")).asLongStream().toArray();
            value = n.number("value", 0);
        } else {
            pads = n.constant(1, "pads").longs();
            OnnxConst v = n.constant(2, "constant value");
            value = v == null || v.numel() == 0 ? 0 : v.values()[0];
            if (n.has(3)) {
                throw n.refuse("the axes input is not supported — give pads for all four dims");
            }
        }
        if (value != 0) {
            throw n.refuse("it pads with " + value + "; Netwright's ZeroPad2d pads with zeros");
        }
        if (pads.length != 8 || pads[0] != 0 || pads[1] != 0 || pads[4] != 0 || pads[5] != 0) {
            throw n.refuse("pads " + Arrays.toString(pads) + " pad more than H and W");
        }
        for (long p : pads) {
            if (p < 0) {
                throw n.refuse("pads " + Arrays.toString(pads) + " crop (negative); ZeroPad2d only adds");
            }
        }
        n.add("ZeroPad2d", List.of(x), "padding", padding((int) pads[3], (int) pads[7], (int) pads[2],
                (int) pads[6]));
    }

    /** Resize / Upsample by one scale on H and W, nearest (floor) or bilinear (half pixel) → Upsample. */
    static void resize(OnnxImportNode n) {
        String x = image(n);
        int[] xs = n.graph().shape(x);
        String mode = n.text("mode", "nearest");
        boolean upsampleOp = n.op().equals("Upsample");
        boolean old = upsampleOp || n.opset() < 11;
        OnnxConst scales;
        OnnxConst sizes = null;
        if (upsampleOp && n.opset() < 9) {
            float[] f = n.floats("scales");
            double[] v = new double[f == null ? 0 : f.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = f[i];
            }
            scales = new OnnxConst(new int[] {v.length}, v, false);
        } else if (old) {
            scales = n.constant(1, "scales");
        } else {
            scales = n.constant(2, "scales");
            sizes = n.constant(3, "sizes");
        }
        if (n.hasAttr("axes")) {
            throw n.refuse("the axes attribute is not supported — give scales for all four dims");
        }
        if (n.integer("antialias", 0) != 0) {
            throw n.refuse("antialias is not supported");
        }
        double sh;
        double sw;
        if (scales != null && scales.numel() == 4) {
            double[] v = scales.values();
            if (v[0] != 1 || v[1] != 1) {
                throw n.refuse("scales " + Arrays.toString(v) + " resize the batch or channel dims");
            }
            sh = v[2];
            sw = v[3];
        } else if (sizes != null && sizes.numel() == 4) {
            long[] v = sizes.longs();
            if (v[1] != xs[1]) {
                throw n.refuse("sizes " + Arrays.toString(v) + " resize the channel dim");
            }
            sh = (double) v[2] / xs[2];
            sw = (double) v[3] / xs[3];
        } else {
            throw n.refuse("it has neither 4 scales nor 4 sizes");
        }
        if (sh != sw) {
            throw n.refuse("H and W scale differently (" + sh + ", " + sw + "); Netwright's Upsample takes one "
                    + "scale_factor");
        }
        String coord = old ? "asymmetric" : n.text("coordinate_transformation_mode", "half_pixel");
        boolean integral = sh == Math.rint(sh) && sh >= 1;
        String ours;
        if (mode.equals("nearest")) {
            String nearest = old ? "floor" : n.text("nearest_mode", "round_prefer_floor");
            boolean floor = coord.equals("asymmetric") && nearest.equals("floor");
            boolean halfPixel = (coord.equals("half_pixel") || coord.equals("pytorch_half_pixel")) && integral
                    && nearest.startsWith("round_prefer");
            if (!floor && !halfPixel) {
                throw n.refuse("nearest with coordinate_transformation_mode " + coord + " and nearest_mode " + nearest
                        + (integral ? "" : " at scale " + sh) + " differs from Netwright's (asymmetric, floor)");
            }
            ours = "nearest";
        } else if (mode.equals("linear") || mode.equals("bilinear")) {
            if (!coord.equals("half_pixel") && !coord.equals("pytorch_half_pixel")) {
                throw n.refuse("linear with coordinate_transformation_mode " + coord + " differs from Netwright's "
                        + "bilinear (half pixel, align_corners=False)");
            }
            ours = "bilinear";
        } else {
            throw n.refuse("mode " + mode + " is not supported (nearest or linear)");
        }
        if (sizes != null) {
            long[] v = sizes.longs();
            if (Math.floor(xs[2] * sh) != v[2] || Math.floor(xs[3] * sw) != v[3]) {
                throw n.refuse("sizes " + Arrays.toString(v) + " are not a scale of the input");
            }
        }
        n.add("Upsample", List.of(x), "scale_factor", sh, "mode", ours);
    }
}
