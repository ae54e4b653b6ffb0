package io.netwright.export;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Arrays;
import java.util.List;

/** Import of ONNX activations, merges, reshapes and the inference no-ops (Dropout, Identity). */
final class OnnxImportElementwise {

    private static final double SQRT2 = Math.sqrt(2);

    private OnnxImportElementwise() {
    }

    /** A one-input activation with the given parameters. */
    static void activation(OnnxImportNode n, String type, Object... params) {
        n.add(type, List.of(n.dynamic(0)), params);
    }

    /** Sigmoid → Sigmoid, or SiLU when its only reader multiplies it by its own input. */
    static void sigmoid(OnnxImportNode n) {
        String x = n.dynamic(0);
        OnnxImportGraph g = n.graph();
        List<NodeProto> next = g.consumers(n.out());
        if (next.size() == 1 && next.get(0).getOpType().equals("Mul") && g.onlyFeeds(n.out(), next.get(0))) {
            NodeProto mul = next.get(0);
            String other = mul.getInput(0).equals(n.out()) ? mul.getInput(1) : mul.getInput(0);
            if (other.equals(x)) {
                g.take(mul);
                g.add(mul.getName(), "Mul", "SiLU", List.of(x), mul.getOutput(0));
                return;
            }
        }
        n.add("Sigmoid", List.of(x));
    }

    /** Softmax / LogSoftmax along one axis (before opset 13 only where that is the same as the ONNX meaning). */
    static void softmax(OnnxImportNode n, String type) {
        String x = n.dynamic(0);
        int[] xs = n.graph().shape(x);
        int axis = (int) n.integer("axis", n.opset() >= 13 ? -1 : 1);
        int a = axis < 0 ? axis + xs.length : axis;
        if (a < 1) {
            throw n.refuse("axis " + axis + " normalises over the batch");
        }
        if (n.opset() < 13) {
            for (int i = a + 1; i < xs.length; i++) {
                if (xs[i] != 1) {
                    throw n.refuse("before opset 13 axis " + axis + " normalises over all dims from it (input "
                            + Arrays.toString(xs) + "), which no one-dim Softmax does");
                }
            }
        }
        n.add(type, List.of(x), "dim", axis);
    }

    /** Gelu (opset 20) → GELU. */
    static void gelu(OnnxImportNode n) {
        String approx = n.text("approximate", "none");
        n.add("GELU", List.of(n.dynamic(0)), "approximate", approx);
    }

    /**
     * Add / Mul of two computed values → Add / Multiply (a chain becomes one merge of many inputs); Div or Mul
     * starting the erf form of GELU → GELU.
     */
    static void merge(OnnxImportNode n, String type) {
        if (n.op().equals("Mul") && geluPattern(n)) {
            return;
        }
        if (!n.isDynamic(0) || !n.isDynamic(1)) {
            throw n.refuse((n.op().equals("Add") ? "it adds" : "it multiplies by") + " a constant; Netwright has "
                    + "no layer for that (only the bias of MatMul → Add)");
        }
        String a = n.in(0);
        String b = n.in(1);
        int[] sa = n.graph().shape(a);
        int[] sb = n.graph().shape(b);
        if (!Arrays.equals(sa, sb)) {
            throw n.refuse("it broadcasts " + Arrays.toString(sa) + " with " + Arrays.toString(sb) + "; Netwright's "
                    + type + " takes equal shapes");
        }
        if (n.graph().extendMerge(a, type, b, n.proto(), n.out())) {
            return;
        }
        n.add(type, List.of(a, b));
    }

    /** Div: only as the start of GELU's erf form. */
    static void div(OnnxImportNode n) {
        if (!geluPattern(n)) {
            throw n.refuse("Netwright has no layer dividing by a value (other than inside GELU's erf form)");
        }
    }

    /**
     * Recognises {@code x/√2 → Erf → +1 → ·x → ·0.5} (PyTorch) or {@code x/√2 → Erf → +1 → ·(0.5·x)} (ours), from
     * its first node (Div by √2 or Mul by 1/√2); adds a GELU and takes the rest of the pattern.
     */
    private static boolean geluPattern(OnnxImportNode n) {
        OnnxImportGraph g = n.graph();
        if (!n.isDynamic(0) || !n.isConst(1) || g.constant(n.in(1)).numel() != 1) {
            return false;
        }
        double c = g.constant(n.in(1)).scalar();
        boolean start = n.op().equals("Div") ? close(c, SQRT2) : close(c, 1 / SQRT2);
        if (!start) {
            return false;
        }
        String x = n.in(0);
        NodeProto erf = only(g, n.out(), "Erf");
        NodeProto plus = erf == null ? null : only(g, erf.getOutput(0), "Add");
        if (plus == null || !constOperand(g, plus, erf.getOutput(0), 1)) {
            return false;
        }
        NodeProto m1 = only(g, plus.getOutput(0), "Mul");
        if (m1 == null) {
            return false;
        }
        String other = operand(m1, plus.getOutput(0));
        NodeProto last;
        NodeProto half = null;
        if (other.equals(x)) {
            last = only(g, m1.getOutput(0), "Mul");
            if (last == null || !constOperand(g, last, m1.getOutput(0), 0.5)) {
                return false;
            }
        } else {
            half = g.producerNode(other);
            if (half == null || !half.getOpType().equals("Mul") || !g.onlyFeeds(other, m1)
                    || operand(half, x).isEmpty() || !constOperand(g, half, x, 0.5)) {
                return false;
            }
            last = m1;
        }
        g.take(erf);
        g.take(plus);
        g.take(m1);
        g.take(last);
        if (half != null) {
            g.take(half);
        }
        g.add(last.getName(), last.getOpType(), "GELU", List.of(x), last.getOutput(0));
        return true;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) < 1e-4 * Math.abs(b);
    }

    /** The single reader of {@code value} when it has operator {@code op}, else null. */
    private static NodeProto only(OnnxImportGraph g, String value, String op) {
        List<NodeProto> c = g.consumers(value);
        return c.size() == 1 && c.get(0).getOpType().equals(op) && g.onlyFeeds(value, c.get(0)) ? c.get(0) : null;
    }

    /** The other input of binary {@code n} than {@code value}; empty when {@code value} is not one of them. */
    private static String operand(NodeProto n, String value) {
        if (n.getInput(0).equals(value)) {
            return n.getInput(1);
        }
        return n.getInput(1).equals(value) ? n.getInput(0) : "";
    }

    private static boolean constOperand(OnnxImportGraph g, NodeProto n, String value, double expected) {
        String o = operand(n, value);
        OnnxConst c = o.isEmpty() ? null : g.constant(o);
        return c != null && c.numel() == 1 && close(c.scalar(), expected);
    }

    /** Concat of computed values along a dim other than the batch → Concat. */
    static void concat(OnnxImportNode n) {
        int count = n.proto().getInputCount();
        String[] in = new String[count];
        for (int i = 0; i < count; i++) {
            in[i] = n.dynamic(i);
        }
        int r = n.graph().rank(in[0]);
        int axis = (int) n.integer("axis", 1);
        if ((axis < 0 ? axis + r : axis) < 1) {
            throw n.refuse("axis " + axis + " joins along the batch");
        }
        if (count == 1) {
            n.add("Identity", List.of(in[0]));
            return;
        }
        n.add("Concat", List.of(in), "dim", axis);
    }

    /** Dropout in inference (no mask used, not training) → Dropout with its ratio. */
    static void dropout(OnnxImportNode n) {
        String x = n.dynamic(0);
        n.onlyFirstOutputUsed();
        double ratio = n.number("ratio", 0.5);
        if (n.opset() >= 12) {
            OnnxConst r = n.constant(1, "ratio");
            ratio = r == null ? 0.5 : Double.parseDouble(Float.toString((float) r.scalar()));
            OnnxConst training = n.constant(2, "training mode");
            if (training != null && training.scalar() != 0) {
                throw n.refuse("training_mode is true — export the model in eval mode");
            }
        }
        n.add("Dropout", List.of(x), "p", ratio);
    }

    /** Identity → an Identity layer, or just another name for its input when it writes a graph output. */
    static void identity(OnnxImportNode n, boolean graphOutput) {
        String x = n.dynamic(0);
        if (graphOutput) {
            n.graph().alias(n.out(), x);
        } else {
            n.add("Identity", List.of(x));
        }
    }

    /** Flatten at axis 1 → Flatten. */
    static void flatten(OnnxImportNode n) {
        String x = n.dynamic(0);
        int r = n.graph().rank(x);
        int axis = (int) n.integer("axis", 1);
        int a = axis < 0 ? axis + r : axis;
        if (a != 1) {
            throw n.refuse("axis " + axis + " merges the batch with other dims; Netwright's Flatten keeps the batch "
                    + "dim (axis 1)");
        }
        n.add("Flatten", List.of(x));
    }

    /** Reshape by a constant shape that keeps the batch dim → Flatten where it is one, else Reshape. */
    static void reshape(OnnxImportNode n) {
        String x = n.dynamic(0);
        int[] xs = n.graph().shape(x);
        long[] target = n.constant(1, "shape").longs();
        reshapeTo(n, x, Arrays.copyOfRange(xs, 1, xs.length), OnnxShapes.perSample(n, xs, target));
    }

    /** Squeeze / Unsqueeze of computed values (not on the batch dim) → a reshape. */
    static void squeeze(OnnxImportNode n, boolean unsqueeze) {
        String x = n.dynamic(0);
        int[] xs = n.graph().shape(x);
        int[] axes = n.opset() >= 13 ? (n.has(1) ? Arrays.stream(n.constant(1, "axes").longs())
                .mapToInt(Math::toIntExact).toArray() : null) : n.ints("axes");
        int rank = unsqueeze ? xs.length + (axes == null ? 0 : axes.length) : xs.length;
        java.util.List<Integer> out = new java.util.ArrayList<>();
        java.util.Set<Integer> set = new java.util.HashSet<>();
        if (axes != null) {
            for (int a : axes) {
                set.add(a < 0 ? a + rank : a);
            }
        }
        if (set.contains(0) || axes == null && unsqueeze) {
            throw n.refuse("it changes the batch dim");
        }
        int src = 0;
        for (int i = 0; i < rank; i++) {
            if (unsqueeze) {
                out.add(set.contains(i) ? 1 : xs[src++]);
            } else if (!(axes == null ? xs[i] == 1 && i > 0 : set.contains(i))) {
                out.add(xs[i]);
            }
        }
        int[] per = out.stream().skip(1).mapToInt(Integer::intValue).toArray();
        if (per.length == 0 || per.length > 3) {
            throw n.refuse("it gives " + per.length + " dims per sample; Netwright takes 1 to 3");
        }
        reshapeTo(n, x, Arrays.copyOfRange(xs, 1, xs.length), per);
    }

    private static void reshapeTo(OnnxImportNode n, String x, int[] in, int[] out) {
        if (out.length == 1) {
            n.add("Flatten", List.of(x));
            return;
        }
        int[] range = OnnxShapes.flattenRange(in, out);
        if (range != null) {
            n.add("Flatten", List.of(x), "start_dim", range[0], "end_dim", range[1]);
            return;
        }
        n.add("Reshape", List.of(x), "shape", io.netwright.graph.ParamValue.ofInts(out));
    }
}
