package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * Batched matmul {@code out[b] = x[b] @ y[b]}: splits the batch into 2-D {@link GemmMatrix} slices (batch stride 0
 * broadcasts) and hands each to OpenBLAS ({@link NativeGemm}) or the pure-Java {@link JavaGemm}. A column-major
 * output is computed as {@code out^T = y^T x^T} so it needs no scatter.
 */
final class CpuGemm {

    private final CpuParallel par;
    private final boolean nativeRequested;
    private final NativeGemm nativeGemm = new NativeGemm();

    CpuGemm(CpuParallel par, boolean nativeRequested) {
        this.par = par;
        this.nativeRequested = nativeRequested;
    }

    /** True if matmul goes through OpenBLAS (loads it on first call). */
    boolean usesNative() {
        return nativeRequested && OpenBlas.status().loaded();
    }

    void matmul(View x, View y, View out) {
        CpuChecks.rank("matmul x", x, 3);
        CpuChecks.rank("matmul y", y, 3);
        CpuChecks.rank("matmul out", out, 3);
        CpuChecks.dtype("matmul x", x, DType.FLOAT32);
        CpuChecks.dtype("matmul y", y, DType.FLOAT32);
        CpuChecks.dtype("matmul out", out, DType.FLOAT32);
        int batch = out.shape()[0];
        int m = out.shape()[1];
        int n = out.shape()[2];
        int k = x.shape()[2];
        if (x.shape()[1] != m || y.shape()[1] != k || y.shape()[2] != n
                || (x.shape()[0] != batch && x.shape()[0] != 1) || (y.shape()[0] != batch && y.shape()[0] != 1)) {
            throw new IllegalArgumentException("matmul: shapes " + Arrays.toString(x.shape()) + " @ "
                    + Arrays.toString(y.shape()) + " -> " + Arrays.toString(out.shape()) + " do not agree");
        }
        float[] xd = (float[]) CpuChecks.data(x);
        float[] yd = (float[]) CpuChecks.data(y);
        float[] od = (float[]) CpuChecks.data(out);
        if (batch == 0 || m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            CpuCopy.fill(par, out, 0.0);
            return;
        }
        int xbs = x.shape()[0] == 1 ? 0 : x.strides()[0];
        int ybs = y.shape()[0] == 1 ? 0 : y.strides()[0];
        int obs = out.strides()[0];
        boolean nat = usesNative();
        if (nat) {
            OpenBlas.threads(par.threads());
        }
        if (!nat && batch > 1 && (long) m * n * k < (1L << 18)) {
            // Many small products: parallel over the batch, each product on one thread.
            int grain = (int) Math.max(1, (1L << 20) / ((long) m * n * k));
            par.forRange(batch, grain, (from, to) -> {
                for (int b = from; b < to; b++) {
                    GemmMatrix[] abc = slices(x, y, out, xd, yd, od, b * xbs, b * ybs, b * obs);
                    JavaGemm.gemmSequential(abc[0], abc[1], abc[2]);
                }
            });
            return;
        }
        if (nat) {
            // Small products run single-threaded inside OpenBLAS anyway: spread the batch over our pool instead
            // (OpenBLAS calls are thread-safe; each thread has its own native scratch).
            long macs = (long) m * n * k;
            int grain = macs < (1L << 18) && batch > 1 ? (int) Math.max(1, (1L << 20) / macs) : batch;
            par.forRange(batch, grain, (from, to) -> {
                for (int b = from; b < to; b++) {
                    GemmMatrix[] abc = slices(x, y, out, xd, yd, od, b * xbs, b * ybs, b * obs);
                    boolean keepX = b > from && xbs == 0;
                    boolean keepY = b > from && ybs == 0;
                    // The transposed form swaps which scratch slot holds which operand.
                    nativeGemm.gemm(abc[0], abc[1], abc[2], abc[3] == null ? keepX : keepY,
                            abc[3] == null ? keepY : keepX);
                }
            });
            return;
        }
        for (int b = 0; b < batch; b++) {
            GemmMatrix[] abc = slices(x, y, out, xd, yd, od, b * xbs, b * ybs, b * obs);
            JavaGemm.gemm(par, abc[0], abc[1], abc[2]);
        }
    }

    /**
     * The 2-D slices {a, b, c} of one batch entry; if c is column-major they come back as {y^T, x^T, out^T} and a
     * fourth non-null element marks the swap.
     */
    private static GemmMatrix[] slices(View x, View y, View out, float[] xd, float[] yd, float[] od, int xo, int yo,
                                       int oo) {
        GemmMatrix a = new GemmMatrix(xd, x.offset() + xo, x.shape()[1], x.shape()[2], x.strides()[1],
                x.strides()[2]);
        GemmMatrix b = new GemmMatrix(yd, y.offset() + yo, y.shape()[1], y.shape()[2], y.strides()[1],
                y.strides()[2]);
        GemmMatrix c = new GemmMatrix(od, out.offset() + oo, out.shape()[1], out.shape()[2], out.strides()[1],
                out.strides()[2]);
        if (!c.isRowMajor() && c.isColMajor()) {
            return new GemmMatrix[] {b.transpose(), a.transpose(), c.transpose(), c};
        }
        return new GemmMatrix[] {a, b, c, null};
    }
}
