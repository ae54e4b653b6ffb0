package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * {@code gather} and {@code scatter} along one dim (PyTorch {@code gather}, {@code scatter_}, {@code scatter_add_}).
 * Both iterate over the index shape with a {@link StridedLoop} whose data operand has stride 0 along {@code dim};
 * the index value times the data's real stride along {@code dim} is added per element. Indices must lie in
 * {@code [0, size)}: negative indices are invalid. Gather runs in parallel; scatter validates every index first
 * and then runs sequentially in row-major order, so duplicate indices resolve deterministically (last write wins,
 * or sums in index order).
 */
final class CpuIndexing {

    private CpuIndexing() {
    }

    static void gather(CpuParallel par, View src, int dim, View index, View out) {
        check("gather", src, dim, index, out, index);
        CpuChecks.sameShape("gather", index, out);
        Object sd = CpuChecks.data(src);
        long[] idx = (long[]) CpuChecks.data(index);
        Object od = CpuChecks.data(out);
        int size = src.shape()[dim];
        int dimStride = src.strides()[dim];
        int[] srcStrides = src.strides().clone();
        srcStrides[dim] = 0;
        StridedLoop loop = StridedLoop.of(index.shape(), new int[] {index.offset(), src.offset(), out.offset()},
                index.strides(), srcStrides, out.strides());
        loop.run(par, CpuParallel.GRAIN, (off, st, n, p) -> {
            int ii = off[0];
            int si = off[1];
            int oi = off[2];
            if (od instanceof float[] o) {
                float[] s = (float[]) sd;
                for (int k = 0; k < n; k++, ii += st[0], si += st[1], oi += st[2]) {
                    o[oi] = s[si + checked("gather", idx[ii], dim, size) * dimStride];
                }
            } else if (od instanceof long[] o) {
                long[] s = (long[]) sd;
                for (int k = 0; k < n; k++, ii += st[0], si += st[1], oi += st[2]) {
                    o[oi] = s[si + checked("gather", idx[ii], dim, size) * dimStride];
                }
            } else {
                byte[] o = (byte[]) od;
                byte[] s = (byte[]) sd;
                for (int k = 0; k < n; k++, ii += st[0], si += st[1], oi += st[2]) {
                    o[oi] = s[si + checked("gather", idx[ii], dim, size) * dimStride];
                }
            }
        });
    }

    static void scatter(CpuParallel par, View src, int dim, View index, View out, boolean accumulate) {
        String op = accumulate ? "scatter_add" : "scatter";
        check(op, out, dim, index, src, index);
        CpuChecks.sameShape(op, index, src);
        Object sd = CpuChecks.data(src);
        long[] idx = (long[]) CpuChecks.data(index);
        Object od = CpuChecks.data(out);
        int size = out.shape()[dim];
        int dimStride = out.strides()[dim];
        int[] outStrides = out.strides().clone();
        outStrides[dim] = 0;
        // Validate first so a bad index leaves out untouched.
        StridedLoop.of(index.shape(), index).run(par, CpuParallel.GRAIN, (off, st, n, p) -> {
            for (int k = 0, ii = off[0]; k < n; k++, ii += st[0]) {
                if (idx[ii] < 0 || idx[ii] >= size) {
                    throw outOfRange(op, idx[ii], dim, size);
                }
            }
        });
        StridedLoop loop = StridedLoop.of(index.shape(), new int[] {index.offset(), src.offset(), out.offset()},
                index.strides(), src.strides(), outStrides);
        loop.run(0, loop.numel(), (off, st, n, p) -> {
            int ii = off[0];
            int si = off[1];
            int oi = off[2];
            if (od instanceof float[] o && accumulate) {
                float[] s = (float[]) sd;
                for (int k = 0; k < n; k++, ii += st[0], si += st[1], oi += st[2]) {
                    o[oi + (int) idx[ii] * dimStride] += s[si];
                }
            } else if (od instanceof long[] o && accumulate) {
                long[] s = (long[]) sd;
                for (int k = 0; k < n; k++, ii += st[0], si += st[1], oi += st[2]) {
                    o[oi + (int) idx[ii] * dimStride] += s[si];
                }
            } else if (od instanceof byte[] o && accumulate) {
                byte[] s = (byte[]) sd;
                for (int k = 0; k < n; k++, ii += st[0], si += st[1], oi += st[2]) {
                    o[oi + (int) idx[ii] * dimStride] |= s[si];
                }
            } else if (od instanceof float[] o) {
                float[] s = (float[]) sd;
                for (int k = 0; k < n; k++, ii += st[0], si += st[1], oi += st[2]) {
                    o[oi + (int) idx[ii] * dimStride] = s[si];
                }
            } else if (od instanceof long[] o) {
                long[] s = (long[]) sd;
                for (int k = 0; k < n; k++, ii += st[0], si += st[1], oi += st[2]) {
                    o[oi + (int) idx[ii] * dimStride] = s[si];
                }
            } else {
                byte[] o = (byte[]) od;
                byte[] s = (byte[]) sd;
                for (int k = 0; k < n; k++, ii += st[0], si += st[1], oi += st[2]) {
                    o[oi + (int) idx[ii] * dimStride] = s[si];
                }
            }
        });
    }

    private static int checked(String op, long v, int dim, int size) {
        if (v < 0 || v >= size) {
            throw outOfRange(op, v, dim, size);
        }
        return (int) v;
    }

    private static IndexOutOfBoundsException outOfRange(String op, long v, int dim, int size) {
        return new IndexOutOfBoundsException(op + ": index " + v + " is out of range for dim " + dim + " of size "
                + size);
    }

    /**
     * Common checks: {@code data} is the tensor indexed along {@code dim}; {@code other} (out for gather, src for
     * scatter) has the same dtype; the index is INT64 and agrees with {@code data} in every dim but {@code dim}.
     */
    private static void check(String op, View data, int dim, View index, View other, View shapeOf) {
        if (dim < 0 || dim >= data.rank()) {
            throw new IllegalArgumentException(op + ": dim " + dim + " is out of range for rank " + data.rank());
        }
        CpuChecks.dtype(op + " index", index, DType.INT64);
        CpuChecks.dtype(op + " " + (op.equals("gather") ? "output" : "source"), other, data.dtype());
        if (index.rank() != data.rank()) {
            throw new IllegalArgumentException(op + ": index rank " + index.rank() + " differs from rank "
                    + data.rank());
        }
        for (int d = 0; d < data.rank(); d++) {
            if (d != dim && shapeOf.shape()[d] > data.shape()[d]) {
                throw new IllegalArgumentException(op + ": index shape " + Arrays.toString(index.shape())
                        + " exceeds " + Arrays.toString(data.shape()) + " in dim " + d);
            }
        }
    }
}
