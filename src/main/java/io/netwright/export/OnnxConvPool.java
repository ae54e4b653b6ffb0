package io.netwright.export;

import static io.netwright.export.OnnxGraph.attr;
import static io.netwright.export.OnnxGraph.ints;

import io.netwright.graph.Params;
import java.util.ArrayList;
import java.util.List;

/** ONNX for the convolution and pooling layers of the catalogue. */
final class OnnxConvPool {

    private OnnxConvPool() {
    }

    /** Conv2d → Conv; padding "same" becomes explicit pads (the extra one bottom/right, as PyTorch does). */
    static void conv(OnnxStep s) {
        Params p = s.params();
        int[] k = p.pair("kernel_size");
        int[] d = p.pair("dilation");
        int[] pads;
        if (p.isText("padding")) {
            if (p.text("padding").equals("valid")) {
                pads = new int[] {0, 0, 0, 0};
            } else {
                int th = d[0] * (k[0] - 1);
                int tw = d[1] * (k[1] - 1);
                pads = new int[] {th / 2, tw / 2, th - th / 2, tw - tw / 2};
            }
        } else {
            int[] pp = p.pair("padding");
            pads = new int[] {pp[0], pp[1], pp[0], pp[1]};
        }
        List<String> in = new ArrayList<>(List.of(s.in(), s.weight("weight")));
        if (p.bool("bias")) {
            in.add(s.weight("bias"));
        }
        s.graph().node("Conv", in, s.out(), ints("kernel_shape", k), ints("strides", p.pair("stride")),
                ints("pads", pads), ints("dilations", d), attr("group", p.integer("groups")));
    }

    /** ConvTranspose2d → ConvTranspose with output_padding. */
    static void convTranspose(OnnxStep s) {
        Params p = s.params();
        int[] pp = p.pair("padding");
        List<String> in = new ArrayList<>(List.of(s.in(), s.weight("weight")));
        if (p.bool("bias")) {
            in.add(s.weight("bias"));
        }
        s.graph().node("ConvTranspose", in, s.out(), ints("kernel_shape", p.pair("kernel_size")),
                ints("strides", p.pair("stride")), ints("pads", pp[0], pp[1], pp[0], pp[1]),
                ints("output_padding", p.pair("output_padding")), ints("dilations", p.pair("dilation")),
                attr("group", p.integer("groups")));
    }

    /** MaxPool2d → MaxPool (dilations and ceil_mode need opset 10+, which every supported opset is). */
    static void maxPool(OnnxStep s) {
        Params p = s.params();
        int[] k = p.pair("kernel_size");
        int[] pad = p.pair("padding");
        s.graph().node("MaxPool", List.of(s.in()), s.out(), ints("kernel_shape", k), ints("strides", stride(p)),
                ints("pads", pad[0], pad[1], pad[0], pad[1]), ints("dilations", p.pair("dilation")),
                attr("ceil_mode", p.bool("ceil_mode") ? 1 : 0));
    }

    /** AvgPool2d → AveragePool. */
    static void avgPool(OnnxStep s) {
        Params p = s.params();
        int[] k = p.pair("kernel_size");
        int[] pad = p.pair("padding");
        s.graph().node("AveragePool", List.of(s.in()), s.out(), ints("kernel_shape", k),
                ints("strides", stride(p)), ints("pads", pad[0], pad[1], pad[0], pad[1]),
                attr("ceil_mode", p.bool("ceil_mode") ? 1 : 0),
                attr("count_include_pad", p.bool("count_include_pad") ? 1 : 0));
    }

    private static int[] stride(Params p) {
        return p.isAuto("stride") ? p.pair("kernel_size") : p.pair("stride");
    }

    /**
     * AdaptiveAvgPool2d / AdaptiveMaxPool2d: a global pool for 1×1, a plain pool when the input divides by the
     * output, else PyTorch's windows ({@code floor(i·in/out)} to {@code ceil((i+1)·in/out)}) as slices reduced
     * along H and then along W (both reductions are separable over a rectangle).
     */
    static void adaptive(OnnxStep s, boolean max) {
        int[] o = s.params().pair("output_size");
        int[] x = s.step().inputShape(0);
        int h = x[1];
        int w = x[2];
        if (o[0] == 1 && o[1] == 1) {
            s.graph().node(max ? "GlobalMaxPool" : "GlobalAveragePool", List.of(s.in()), s.out());
        } else if (h % o[0] == 0 && w % o[1] == 0) {
            int[] k = {h / o[0], w / o[1]};
            s.graph().node(max ? "MaxPool" : "AveragePool", List.of(s.in()), s.out(), ints("kernel_shape", k),
                    ints("strides", k));
        } else {
            String rows = reduceWindows(s, s.in(), 2, h, o[0], max, s.temp("rows"));
            reduceWindows(s, rows, 3, w, o[1], max, s.out());
        }
    }

    private static String reduceWindows(OnnxStep s, String value, int axis, int in, int out, boolean max,
            String result) {
        OnnxGraph g = s.graph();
        List<String> parts = new ArrayList<>(out);
        String axes = g.constLongs(s.step().id() + "/axis", axis);
        for (int i = 0; i < out; i++) {
            int start = Math.floorDiv(i * in, out);
            int end = -Math.floorDiv(-(i + 1) * in, out);
            String slice = g.temp("Slice", List.of(value, g.constLongs(s.step().id() + "/start", start),
                    g.constLongs(s.step().id() + "/end", end), axes), s.step().id() + "/slice");
            parts.add(g.temp(max ? "ReduceMax" : "ReduceMean", List.of(slice), s.step().id() + "/window",
                    ints("axes", axis), attr("keepdims", 1)));
        }
        return g.node("Concat", parts, result, attr("axis", axis));
    }
}
