package io.netwright.backend.cuda;

import io.netwright.backend.DType;
import io.netwright.backend.ReduceOp;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * Reductions: the kept dims become the "outer" layout (one block per output), the reduced dims the "inner" layout
 * each block folds with a shared-memory tree (reduce.cu). BOOL input is reduced as INT64 0/1 values from a
 * converted copy, as on the CPU (CpuReduce), whose rules and messages these are.
 */
final class CudaReduce {

    private static final int MAX_THREADS = 256;
    private static final int MAX_BLOCKS = 65535;

    private final CudaBackend b;

    CudaReduce(CudaBackend backend) {
        this.b = backend;
    }

    void reduce(ReduceOp op, View x, int[] dims, View out) {
        String name = "reduce " + op;
        int rank = x.rank();
        boolean[] reduced = new boolean[rank];
        for (int d : dims) {
            if (d < 0 || d >= rank || reduced[d]) {
                throw new IllegalArgumentException(name + ": invalid or repeated dim " + d + " in "
                        + Arrays.toString(dims) + " for rank " + rank);
            }
            reduced[d] = true;
        }
        boolean arg = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN;
        if (arg && dims.length != 1) {
            throw new IllegalArgumentException(name + " takes exactly one dim, got " + Arrays.toString(dims));
        }
        int[] outShape = x.shape().clone();
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                outShape[d] = 1;
            }
        }
        CudaChecks.shape(name + " output", out, outShape);
        DType in = x.dtype();
        DType outType = arg ? DType.INT64
                : (op == ReduceOp.SUM || op == ReduceOp.PROD) && in == DType.BOOL ? DType.INT64 : in;
        CudaChecks.dtype(name + " output", out, outType);
        b.buffer(x);
        b.buffer(out);
        long total = 1;
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                total *= x.shape()[d];
            }
        }
        if (total == 0 && op != ReduceOp.SUM && op != ReduceOp.PROD) {
            throw new IllegalArgumentException(name + ": cannot reduce over an empty dimension (dims "
                    + Arrays.toString(dims) + " of shape " + Arrays.toString(x.shape())
                    + "): the operation has no identity");
        }
        if (out.numel() == 0) {
            return;
        }
        if (in == DType.BOOL) {
            reduceBool(op, x, dims, out);
            return;
        }
        run(op, x, reduced, out);
    }

    private void reduceBool(ReduceOp op, View x, int[] dims, View out) {
        CudaBuffer xl = b.allocateUninitialized(DType.INT64, x.numel());
        try {
            View xv = new View(xl, 0, x.shape().clone(), View.contiguousStrides(x.shape()));
            b.elementwise().copy(x, xv);
            if (out.dtype() == DType.INT64) {
                reduce(op, xv, dims, out);
                return;
            }
            CudaBuffer ol = b.allocateUninitialized(DType.INT64, out.numel());
            try {
                View ov = new View(ol, 0, out.shape().clone(), View.contiguousStrides(out.shape()));
                reduce(op, xv, dims, ov);
                b.elementwise().copy(ov, out);
            } finally {
                ol.close();
            }
        } finally {
            xl.close();
        }
    }

    private void run(ReduceOp op, View x, boolean[] reduced, View out) {
        int rank = x.rank();
        int kept = 0;
        for (boolean r : reduced) {
            kept += r ? 0 : 1;
        }
        int[] keptShape = new int[kept];
        int[] keptX = new int[kept];
        int[] keptOut = new int[kept];
        int[] redShape = new int[rank - kept];
        int[] redX = new int[rank - kept];
        for (int d = 0, k = 0, r = 0; d < rank; d++) {
            if (reduced[d]) {
                redShape[r] = x.shape()[d];
                redX[r++] = x.strides()[d];
            } else {
                keptShape[k] = x.shape()[d];
                keptX[k] = x.strides()[d];
                keptOut[k++] = out.strides()[d];
            }
        }
        Layouts outer = Layouts.of("reduce", keptShape, keptX, keptOut);
        Layouts inner = Layouts.of("reduce", redShape, redX);
        long numOut = outer.numel();
        long len = inner.numel();
        String shape = "reduce " + op + " of shape " + Arrays.toString(x.shape());
        if (len == 0) {
            b.elementwise().fill(out, op == ReduceOp.PROD ? 1 : 0);
            return;
        }
        boolean arg = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN;
        CudaKernel k = x.dtype() == DType.FLOAT32 ? (arg ? Kernels.ARG_F32 : Kernels.REDUCE_F32)
                : (arg ? Kernels.ARG_I64 : Kernels.REDUCE_I64);
        int threads = 1;
        while (threads < len && threads < MAX_THREADS) {
            threads <<= 1;
        }
        int blocks = (int) Math.min(numOut, MAX_BLOCKS);
        CudaLaunch.of(b, k).i32(op.ordinal()).ptr(x).layout(outer.layout(0)).layout(inner.layout(0)).ptr(out)
                .layout(outer.layout(1)).i64(numOut).i64(len).run(blocks, 1, 1, threads, shape);
    }
}
