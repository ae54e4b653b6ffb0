package io.netwright.export;

import static io.netwright.export.OnnxGraph.attr;

import io.netwright.graph.Params;
import java.util.List;

/** ONNX for the activation, merge and dropout layers of the catalogue. */
final class OnnxElementwise {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    private OnnxElementwise() {
    }

    /** A one-input operator with no attributes ({@code Relu}, {@code Sigmoid}, {@code Tanh}, {@code Identity}). */
    static void unary(OnnxStep s, String op) {
        s.graph().node(op, List.of(s.in()), s.out());
    }

    /** LeakyReLU → LeakyRelu(alpha = negative_slope). */
    static void leakyRelu(OnnxStep s) {
        s.graph().node("LeakyRelu", List.of(s.in()), s.out(), attr("alpha", s.params().number("negative_slope")));
    }

    /** ELU → Elu(alpha). */
    static void elu(OnnxStep s) {
        s.graph().node("Elu", List.of(s.in()), s.out(), attr("alpha", s.params().number("alpha")));
    }

    /** SiLU → x · Sigmoid(x). */
    static void silu(OnnxStep s) {
        String sig = s.graph().temp("Sigmoid", List.of(s.in()), s.step().id() + "/sigmoid");
        s.graph().node("Mul", List.of(s.in(), sig), s.out());
    }

    /**
     * GELU (Gelu is an operator only from opset 20): exact {@code 0.5·x·(1 + erf(x/√2))}, or the tanh form
     * {@code 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))}.
     */
    static void gelu(OnnxStep s) {
        OnnxGraph g = s.graph();
        String id = s.step().id();
        String x = s.in();
        String inner;
        if (s.params().text("approximate").equals("tanh")) {
            String x3 = g.temp("Mul", List.of(x, g.temp("Mul", List.of(x, x), id + "/x2")), id + "/x3");
            String cubic = g.temp("Mul", List.of(x3, g.scalar(id + "/c", 0.044715f)), id + "/cubic");
            String sum = g.temp("Add", List.of(x, cubic), id + "/sum");
            String arg = g.temp("Mul", List.of(sum, g.scalar(id + "/k", (float) SQRT_2_OVER_PI)), id + "/arg");
            inner = g.temp("Tanh", List.of(arg), id + "/tanh");
        } else {
            String arg = g.temp("Div", List.of(x, g.scalar(id + "/sqrt2", (float) Math.sqrt(2))), id + "/arg");
            inner = g.temp("Erf", List.of(arg), id + "/erf");
        }
        String onePlus = g.temp("Add", List.of(inner, g.scalar(id + "/one", 1f)), id + "/one_plus");
        String half = g.temp("Mul", List.of(x, g.scalar(id + "/half", 0.5f)), id + "/half_x");
        g.node("Mul", List.of(half, onePlus), s.out());
    }

    /** Softmax / LogSoftmax along dim (opset 13+ semantics: one axis, as PyTorch). */
    static void softmax(OnnxStep s, String op) {
        s.graph().node(op, List.of(s.in()), s.out(), attr("axis", s.params().integer("dim")));
    }

    /** PReLU → PRelu with the slope shaped {@code [C, 1, ...]} to broadcast over the channel dim. */
    static void prelu(OnnxStep s) {
        OnnxGraph g = s.graph();
        Params p = s.params();
        String slope = s.weight("weight");
        int n = p.integer("num_parameters");
        if (n > 1 && s.inRank() > 1) {
            String shape = g.constLongs(s.step().id() + "/slope_shape", OnnxDenseNorm.channelShape(n,
                    s.inRank() + 1));
            slope = g.temp("Reshape", List.of(slope, shape), s.step().id() + "/slope");
        }
        g.node("PRelu", List.of(s.in(), slope), s.out());
    }

    /** Add / Multiply: a chain of binary ops in port order (the order our engine adds in). */
    static void merge(OnnxStep s, String op) {
        List<String> in = s.inputs();
        String acc = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            acc = i == in.size() - 1 ? s.graph().node(op, List.of(acc, in.get(i)), s.out())
                    : s.graph().temp(op, List.of(acc, in.get(i)), s.step().id() + "/partial");
        }
    }

    /** Concat along dim. */
    static void concat(OnnxStep s) {
        s.graph().node("Concat", s.inputs(), s.out(), attr("axis", s.params().integer("dim")));
    }
}
