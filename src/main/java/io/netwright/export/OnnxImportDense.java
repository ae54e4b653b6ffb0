package io.netwright.export;

import ai.onnx.proto.OnnxMl.NodeProto;
import io.netwright.graph.ParamValue;
import io.netwright.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** Import of ONNX dense and normalisation operators: Gemm, MatMul (+ Add), BatchNormalization, LayerNormalization. */
final class OnnxImportDense {

    private OnnxImportDense() {
    }

    /** Gemm with a constant B (and C) → Linear; transB=0 transposes the weight, alpha and beta scale it. */
    static void gemm(OnnxImportNode n) {
        if (n.integer("transA", 0) != 0) {
            throw n.refuse("transA=1 transposes the data; Netwright's Linear takes [N, features]");
        }
        String x = n.dynamic(0);
        if (n.graph().rank(x) != 2) {
            throw n.refuse("its input has rank " + n.graph().rank(x) + "; Gemm takes [N, features]");
        }
        OnnxConst b = n.constant(1, "weight");
        if (b.rank() != 2) {
            throw n.refuse("its weight has rank " + b.rank() + ", not 2");
        }
        OnnxConst w = n.integer("transB", 0) == 1 ? b : b.transposed2d();
        double alpha = n.number("alpha", 1);
        double beta = n.number("beta", 1);
        if (alpha != 1) {
            w = OnnxFold.binary(w, new OnnxConst(new int[0], new double[] {alpha}, false), (p, q) -> p * q);
        }
        int out = w.dims()[0];
        OnnxConst c = n.constant(2, "bias");
        OnnxConst bias = c == null ? null : bias(n, c, out, beta);
        String id = n.add("Linear", List.of(x), "out_features", out, "bias", bias != null);
        n.graph().weight(id, "weight", w);
        if (bias != null) {
            n.graph().weight(id, "bias", bias);
        }
    }

    /** A bias broadcast to {@code [out]}: a scalar, {@code [out]} or {@code [1, out]}. */
    private static OnnxConst bias(OnnxImportNode n, OnnxConst c, int out, double scale) {
        OnnxConst full;
        if (c.numel() == 1) {
            double[] v = new double[out];
            Arrays.fill(v, c.values()[0]);
            full = new OnnxConst(new int[] {out}, v, false);
        } else if (c.numel() == out && c.dims()[c.rank() - 1] == out) {
            full = c.reshaped(out);
        } else {
            throw n.refuse("its bias of shape " + Arrays.toString(c.dims()) + " is not one value per output (" + out
                    + ")");
        }
        return scale == 1 ? full : OnnxFold.binary(full, new OnnxConst(new int[0], new double[] {scale}, false),
                (p, q) -> p * q);
    }

    /**
     * MatMul of the data by a constant {@code [in, out]} matrix → Linear without bias, or with the bias of an Add of
     * a constant that alone reads the product (PyTorch's Linear on more than 2 dims, and ours).
     */
    static void matMul(OnnxImportNode n) {
        String x = n.dynamic(0);
        OnnxConst m = n.constant(1, "weight");
        if (m.rank() != 2) {
            throw n.refuse("its constant operand has rank " + m.rank() + "; Netwright's Linear multiplies by a "
                    + "matrix");
        }
        if (n.graph().rank(x) < 2) {
            throw n.refuse("its input has rank " + n.graph().rank(x));
        }
        OnnxConst w = m.transposed2d();
        int out = w.dims()[0];
        OnnxImportGraph g = n.graph();
        List<NodeProto> next = g.consumers(n.out());
        if (next.size() == 1 && next.get(0).getOpType().equals("Add") && g.onlyFeeds(n.out(), next.get(0))) {
            NodeProto add = next.get(0);
            String other = add.getInput(0).equals(n.out()) ? add.getInput(1) : add.getInput(0);
            OnnxConst c = g.constant(other);
            if (c != null && (c.numel() == 1 || c.numel() == out && c.dims()[c.rank() - 1] == out)) {
                g.take(add);
                String id = g.add(add.getName(), "Add", "Linear", List.of(x), add.getOutput(0), "out_features", out);
                g.weight(id, "weight", w);
                g.weight(id, "bias", bias(n, c, out, 1));
                return;
            }
        }
        String id = n.add("Linear", List.of(x), "out_features", out, "bias", false);
        g.weight(id, "weight", w);
    }

    /** BatchNormalization in eval form → BatchNorm1d ([N, C] or [N, C, L]) or BatchNorm2d ([N, C, H, W]). */
    static void batchNorm(OnnxImportNode n) {
        String x = n.dynamic(0);
        if (n.integer("training_mode", 0) != 0) {
            throw n.refuse("training_mode=1 normalises with batch statistics — export the model in eval mode");
        }
        if (n.opset() < 9 && n.integer("spatial", 1) != 1) {
            throw n.refuse("spatial=0 (per-element statistics) is not supported");
        }
        n.onlyFirstOutputUsed();
        int r = n.graph().rank(x);
        if (r < 2 || r > 4) {
            throw n.refuse("its input has rank " + r + "; BatchNorm takes [N, C], [N, C, L] or [N, C, H, W]");
        }
        OnnxConst scale = n.constant(1, "scale");
        OnnxConst shift = n.constant(2, "bias");
        OnnxConst mean = n.constant(3, "running mean");
        OnnxConst var = n.constant(4, "running variance");
        double momentum = Double.parseDouble(Float.toString((float) (1 - n.number("momentum", 0.9))));
        String id = n.add(r == 4 ? "BatchNorm2d" : "BatchNorm1d", List.of(x), "eps", n.number("epsilon", 1e-5),
                "momentum", momentum);
        int c = scale.numel();
        n.graph().weight(id, "weight", scale.reshaped(c));
        n.graph().weight(id, "bias", shift.reshaped(c));
        n.graph().weight(id, "running_mean", mean.reshaped(c));
        n.graph().weight(id, "running_var", var.reshaped(c));
        n.graph().weight(id, "num_batches_tracked", Tensor.scalar(0).toLong());
    }

    /** LayerNormalization over the dims from axis (≥ 1) → LayerNorm. */
    static void layerNorm(OnnxImportNode n) {
        String x = n.dynamic(0);
        n.onlyFirstOutputUsed();
        int[] xs = n.graph().shape(x);
        int r = xs.length;
        int axis = (int) n.integer("axis", -1);
        axis = axis < 0 ? axis + r : axis;
        if (axis < 1) {
            throw n.refuse("axis " + axis + " normalises over the batch");
        }
        int[] norm = Arrays.copyOfRange(xs, axis, r);
        int count = OnnxConst.numel(norm);
        OnnxConst scale = expand(n, n.constant(1, "scale"), norm);
        OnnxConst bias = n.has(2) ? expand(n, n.constant(2, "bias"), norm)
                : new OnnxConst(norm, new double[count], false);
        String id = n.add("LayerNorm", List.of(x), "normalized_shape", axis == 1 ? ParamValue.AUTO
                : ParamValue.ofInts(norm), "eps", n.number("epsilon", 1e-5));
        n.graph().weight(id, "weight", scale);
        n.graph().weight(id, "bias", bias);
    }

    private static OnnxConst expand(OnnxImportNode n, OnnxConst c, int[] shape) {
        try {
            OnnxConst full = OnnxFold.binary(c, new OnnxConst(shape, new double[OnnxConst.numel(shape)], false),
                    (p, q) -> p);
            if (!Arrays.equals(full.dims(), shape)) {
                throw n.refuse("a parameter of shape " + Arrays.toString(c.dims()) + " does not fit the normalised "
                        + "dims " + Arrays.toString(shape));
            }
            return full;
        } catch (IllegalArgumentException e) {
            throw n.refuse("a parameter of shape " + Arrays.toString(c.dims()) + " does not fit the normalised dims "
                    + Arrays.toString(shape));
        }
    }

    /** PRelu with one slope, or one per channel (dim 1) → PReLU. */
    static void prelu(OnnxImportNode n) {
        String x = n.dynamic(0);
        int[] xs = n.graph().shape(x);
        OnnxConst slope = n.constant(1, "slope");
        int count = slope.numel();
        if (count != 1) {
            int[] d = slope.dims();
            int axis = -1;
            for (int i = 0; i < d.length; i++) {
                if (d[i] != 1) {
                    axis = xs.length - d.length + i;
                    break;
                }
            }
            if (xs.length < 2 || axis != 1 || count != xs[1]) {
                throw n.refuse("its slope of shape " + Arrays.toString(d) + " is not one value or one per channel "
                        + "(dim 1)");
            }
        }
        String id = n.add("PReLU", List.of(x), "num_parameters", count);
        n.graph().weight(id, "weight", slope.reshaped(count));
    }
}
