package io.netwright.export;

import static io.netwright.export.OnnxGraph.attr;
import static io.netwright.export.OnnxGraph.ints;

import io.netwright.graph.Params;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** ONNX for the dense and normalisation layers of the catalogue. */
final class OnnxDenseNorm {

    private OnnxDenseNorm() {
    }

    /** Linear → Gemm (transB) on vectors, MatMul with the transposed weight (+ Add) on higher ranks. */
    static void linear(OnnxStep s) {
        OnnxGraph g = s.graph();
        boolean bias = s.params().bool("bias");
        String w = s.weight("weight");
        if (s.inRank() == 1) {
            List<String> in = new ArrayList<>(List.of(s.in(), w));
            if (bias) {
                in.add(s.weight("bias"));
            }
            g.node("Gemm", in, s.out(), attr("transB", 1));
            return;
        }
        String wt = g.temp("Transpose", List.of(w), s.step().id() + "/weight_t", ints("perm", 1, 0));
        if (!bias) {
            g.node("MatMul", List.of(s.in(), wt), s.out());
            return;
        }
        String mm = g.temp("MatMul", List.of(s.in(), wt), s.step().id() + "/matmul");
        g.node("Add", List.of(mm, s.weight("bias")), s.out());
    }

    /** Embedding → Gather of weight rows by the (int64) indices; the design's input must feed it directly. */
    static void embedding(OnnxStep s) {
        if (!s.in().equals(OnnxExporter.INPUT)) {
            throw s.fail("an Embedding takes int64 indices from the design input, but its input here is a float "
                    + "value from '" + s.step().inputs().get(0) + "' — wire it to Input");
        }
        s.graph().node("Gather", List.of(s.weight("weight"), s.in()), s.out(), attr("axis", 0));
    }

    /**
     * BatchNorm1d/2d: with running statistics, BatchNormalization in eval form (PyTorch's eval uses them); without
     * ({@code track_running_stats=false}), the batch statistics PyTorch's eval then uses, written out.
     */
    static void batchNorm(OnnxStep s) {
        OnnxGraph g = s.graph();
        Params p = s.params();
        int c = s.step().inputShape(0)[0];
        double eps = p.number("eps");
        String scale = p.bool("affine") ? s.weight("weight") : g.constFloats(s.step().id() + "/ones", filled(c, 1));
        String shift = p.bool("affine") ? s.weight("bias") : g.constFloats(s.step().id() + "/zeros", filled(c, 0));
        if (p.bool("track_running_stats")) {
            g.node("BatchNormalization", List.of(s.in(), scale, shift, s.weight("running_mean"),
                    s.weight("running_var")), s.out(), attr("epsilon", eps));
            return;
        }
        int rank = s.inRank() + 1;
        int[] axes = new int[rank - 1];
        axes[0] = 0;
        for (int i = 2; i < rank; i++) {
            axes[i - 1] = i;
        }
        // per-channel values broadcast as [C, 1, ...] against [N, C, ...]
        String shape = g.constLongs(s.step().id() + "/channel_shape", channelShape(c, rank));
        String sc = g.temp("Reshape", List.of(scale, shape), s.step().id() + "/scale");
        String sh = g.temp("Reshape", List.of(shift, shape), s.step().id() + "/shift");
        normalize(s, axes, eps, sc, sh);
    }

    /** LayerNorm: LayerNormalization at opset 17, the same arithmetic written out below it. */
    static void layerNorm(OnnxStep s) {
        OnnxGraph g = s.graph();
        Params p = s.params();
        int[] x = s.step().inputShape(0);
        int[] shape = p.isAuto("normalized_shape") ? x : p.ints("normalized_shape");
        int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double eps = p.number("eps");
        String scale;
        String shift;
        if (p.bool("elementwise_affine")) {
            scale = s.weight("weight");
            shift = s.weight("bias");
        } else {
            scale = g.floats(g.fresh(s.step().id() + "/ones"), filled(count, 1), shape);
            shift = g.floats(g.fresh(s.step().id() + "/zeros"), filled(count, 0), shape);
        }
        int rank = x.length + 1;
        if (g.opset() >= 17) {
            g.node("LayerNormalization", List.of(s.in(), scale, shift), s.out(), attr("axis", rank - shape.length),
                    attr("epsilon", eps));
            return;
        }
        int[] axes = new int[shape.length];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = rank - shape.length + i;
        }
        normalize(s, axes, eps, scale, shift);
    }

    /** {@code (x - mean) / sqrt(var + eps) * scale + shift}, mean and (biased) variance over {@code axes}. */
    private static void normalize(OnnxStep s, int[] axes, double eps, String scale, String shift) {
        OnnxGraph g = s.graph();
        String id = s.step().id();
        String mean = g.temp("ReduceMean", List.of(s.in()), id + "/mean", ints("axes", axes), attr("keepdims", 1));
        String centred = g.temp("Sub", List.of(s.in(), mean), id + "/centred");
        String sq = g.temp("Mul", List.of(centred, centred), id + "/squared");
        String var = g.temp("ReduceMean", List.of(sq), id + "/var", ints("axes", axes), attr("keepdims", 1));
        String plus = g.temp("Add", List.of(var, g.scalar(id + "/eps", (float) eps)), id + "/var_eps");
        String std = g.temp("Sqrt", List.of(plus), id + "/std");
        String normed = g.temp("Div", List.of(centred, std), id + "/normed");
        String scaled = g.temp("Mul", List.of(normed, scale), id + "/scaled");
        g.node("Add", List.of(scaled, shift), s.out());
    }

    /** {@code [C, 1, 1, ...]}: the shape of per-channel values against a rank-{@code rank} batch. */
    static long[] channelShape(int c, int rank) {
        long[] shape = new long[Math.max(1, rank - 1)];
        Arrays.fill(shape, 1);
        shape[0] = c;
        return shape;
    }

    private static float[] filled(int n, float v) {
        float[] a = new float[n];
        Arrays.fill(a, v);
        return a;
    }
}
