package io.netwright.tensor;

import io.netwright.backend.BinaryOp;
import io.netwright.backend.DType;
import java.util.Arrays;

/** Matrix products with PyTorch's {@code matmul} rules, built on one batched GEMM primitive. */
final class Linalg {

    private Linalg() {
    }

    private static String dims(Tensor t) {
        StringBuilder sb = new StringBuilder("(");
        int[] s = t.shapeRef();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : "x").append(s[i]);
        }
        return sb.append(")").toString();
    }

    private static void checkFloat(String op, Tensor a, Tensor b) {
        Elementwise.checkSameDevice(op, a, b);
        if (a.dtype() != DType.FLOAT32 || b.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(op + ": expected float32 tensors, got " + a.dtype().torchName()
                    + " and " + b.dtype().torchName() + " — convert with .toFloat()");
        }
    }

    /** {@code out[b] = a[b] @ y[b]} for 3-D tensors with equal batch; the one recorded product op. */
    static Tensor bmm3(Tensor a, Tensor b) {
        Elementwise.checkSameDevice("bmm", a, b);
        int batch = a.size(0);
        int m = a.size(1);
        int n = b.size(2);
        Tensor out = a.newEmpty(DType.FLOAT32, new int[]{batch, m, n});
        a.backend().matmul(a.v(), b.v(), out.v());
        return Autograd.record("bmm", out, g -> new Tensor[]{
            a.requiresGrad() ? bmm3(g, b.transpose(1, 2)) : null,
            b.requiresGrad() ? bmm3(a.transpose(1, 2), g) : null}, a, b);
    }

    /**
     * {@code x @ w^T + b} for a 2-D {@code x} as one recorded op: the forward is one GEMM on the transposed view of
     * {@code w} plus the bias, and the backward writes {@code dW = g^T @ x} in {@code w}'s own layout (composing
     * {@code matmul(x, w.t())} yields the transpose of that, copied back element by element every step) and
     * {@code db = g.sum(0)}. Other ranks compose matmul and add.
     */
    static Tensor linear(Tensor x, Tensor w, Tensor b) {
        if (x.dim() != 2 || w.dim() != 2 || (b != null && b.dim() != 1) || x.dtype() != DType.FLOAT32
                || w.dtype() != DType.FLOAT32 || (b != null && b.dtype() != DType.FLOAT32)
                || x.size(1) != w.size(1) || (b != null && b.size(0) != w.size(0))) {
            Tensor y = x.matmul(w.t());
            return b == null ? y : y.add(b);
        }
        checkFloat("linear", x, w);
        int n = x.size(0);
        int outFeatures = w.size(0);
        Tensor out = x.newEmpty(DType.FLOAT32, new int[]{n, outFeatures});
        x.backend().matmul(x.unsqueeze(0).v(), w.t().unsqueeze(0).v(), out.unsqueeze(0).v());
        if (b != null) {
            x.backend().binary(BinaryOp.ADD, out.v(), b.expand(n, outFeatures).v(), out.v());
        }
        return Autograd.record("linear", out, g -> new Tensor[]{
            x.requiresGrad() ? g.matmul(w) : null,
            w.requiresGrad() ? g.t().matmul(x) : null,
            b != null && b.requiresGrad() ? g.sum(0) : null}, x, w, b);
    }

    static Tensor matmul(Tensor a, Tensor b) {
        checkFloat("matmul", a, b);
        if (a.dim() == 0 || b.dim() == 0) {
            throw new IllegalArgumentException("matmul: both arguments need to be at least 1D, but they are "
                    + a.dim() + "D and " + b.dim() + "D");
        }
        if (a.dim() == 1 && b.dim() == 1) {
            return dot(a, b);
        }
        Tensor a2 = a.dim() == 1 ? a.unsqueeze(0) : a;
        Tensor b2 = b.dim() == 1 ? b.unsqueeze(-1) : b;
        int k = a2.size(-1);
        if (k != b2.size(-2)) {
            throw new IllegalArgumentException("matmul: " + dims(a) + " @ " + dims(b) + ": inner dimensions " + k
                    + " and " + b2.size(-2) + " differ");
        }
        int m = a2.size(-2);
        int n = b2.size(-1);
        int[] aBatch = Arrays.copyOf(a2.shapeRef(), a2.dim() - 2);
        int[] bBatch = Arrays.copyOf(b2.shapeRef(), b2.dim() - 2);
        int[] batch;
        try {
            batch = Shape.broadcast("matmul", aBatch, bBatch);
        } catch (IllegalArgumentException e) {
            // Name the full operand shapes: the batch dims alone do not tell the user which call failed.
            throw new IllegalArgumentException("matmul: " + dims(a) + " @ " + dims(b) + ": batch dimensions "
                    + Arrays.toString(aBatch) + " and " + Arrays.toString(bBatch) + " cannot be broadcast (sizes "
                    + "must match or one must be 1)", e);
        }
        Tensor out;
        if (bBatch.length == 0) {
            // Fold a's batch dims into its rows: one large GEMM instead of many small ones.
            // Explicit row count: reshape cannot infer -1 when a has no elements (empty batch).
            Tensor flat = a2.reshape(1, Shape.numel(aBatch) * m, k);
            out = bmm3(flat, b2.unsqueeze(0));
        } else {
            int[] ae = concat(batch, m, k);
            int[] be = concat(batch, k, n);
            out = bmm3(a2.expand(ae).reshape(-1, m, k), b2.expand(be).reshape(-1, k, n));
        }
        Tensor r = out.reshape(concat(batch, m, n));
        if (a.dim() == 1) {
            r = r.squeeze(-2);
        }
        if (b.dim() == 1) {
            r = r.squeeze(-1);
        }
        return r;
    }

    private static int[] concat(int[] batch, int x, int y) {
        int[] s = Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = x;
        s[batch.length + 1] = y;
        return s;
    }

    static Tensor mm(Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2) {
            throw new IllegalArgumentException("mm: expected 2-D tensors, got " + a.dim() + "-D " + dims(a)
                    + " and " + b.dim() + "-D " + dims(b));
        }
        return matmul(a, b);
    }

    static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3 || b.dim() != 3) {
            throw new IllegalArgumentException("bmm: expected 3-D tensors, got " + a.dim() + "-D " + dims(a)
                    + " and " + b.dim() + "-D " + dims(b));
        }
        checkFloat("bmm", a, b);
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException("bmm: " + dims(a) + " @ " + dims(b) + ": batch sizes " + a.size(0)
                    + " and " + b.size(0) + " differ");
        }
        if (a.size(2) != b.size(1)) {
            throw new IllegalArgumentException("bmm: " + dims(a) + " @ " + dims(b) + ": inner dimensions "
                    + a.size(2) + " and " + b.size(1) + " differ");
        }
        return bmm3(a, b);
    }

    static Tensor mv(Tensor a, Tensor v) {
        if (a.dim() != 2 || v.dim() != 1) {
            throw new IllegalArgumentException("mv: expected a 2-D matrix and a 1-D vector, got " + dims(a)
                    + " and " + dims(v));
        }
        return matmul(a, v);
    }

    static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("dot: 1D tensors expected, but got " + a.dim() + "D and " + b.dim()
                    + "D tensors");
        }
        checkFloat("dot", a, b);
        if (a.size(0) != b.size(0)) {
            throw new IllegalArgumentException("dot: inconsistent tensor size, expected tensor " + dims(a)
                    + " and src " + dims(b) + " to have the same number of elements, but got " + a.size(0) + " and "
                    + b.size(0) + " elements respectively");
        }
        return bmm3(a.view(1, 1, -1), b.view(1, -1, 1)).reshape();
    }

    static Tensor outer(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw new IllegalArgumentException("outer: 1D tensors expected, but got " + a.dim() + "D and " + b.dim()
                    + "D tensors");
        }
        return a.unsqueeze(1).mul(b.unsqueeze(0));
    }
}
