package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.ReduceOp;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * Reductions over any set of dims. The reduced dims are flattened into rows (coalesced like {@link StridedLoop});
 * each output element is reduced sequentially in row-major order, so results do not depend on the thread count.
 * Many outputs run in parallel over outputs; few outputs with a long reduction run in parallel over fixed-size
 * chunks combined in order (again independent of the thread count).
 *
 * <p>FLOAT32 SUM/PROD accumulate in double. MAX/MIN propagate NaN; ARGMAX/ARGMIN return the first extreme index
 * with NaN counting as the extreme. SUM/PROD of BOOL write INT64. Empty reductions: SUM gives 0, PROD gives 1,
 * the others throw.
 */
final class CpuReduce {

    /** Fixed chunk of one long reduction (a constant, so results never depend on the thread count). */
    private static final int CHUNK = 1 << 16;

    private CpuReduce() {
    }

    /** The reduced dims flattened into rows: row {@code r} starts at {@code rows[r]}, steps by {@code step}. */
    private record Rows(int[] rows, int len, int step, int total) {
        int offsetOf(int pos) {
            return rows[pos / len] + (pos % len) * step;
        }
    }

    static void run(CpuParallel par, ReduceOp op, View x, int[] dims, View out) {
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
        int nred = 0;
        for (int d = 0; d < rank; d++) {
            if (reduced[d]) {
                outShape[d] = 1;
                nred++;
            }
        }
        CpuChecks.shape(name + " output", out, outShape);
        DType in = x.dtype();
        DType outType = arg ? DType.INT64
                : (op == ReduceOp.SUM || op == ReduceOp.PROD) && in == DType.BOOL ? DType.INT64 : in;
        CpuChecks.dtype(name + " output", out, outType);

        // BOOL input is reduced as INT64 0/1 values from a contiguous copy.
        Object xa;
        int xOff;
        int[] xStrides;
        if (in == DType.BOOL) {
            xa = CpuCopy.copyOut(par, x, DType.INT64);
            xOff = 0;
            xStrides = View.contiguousStrides(x.shape());
        } else {
            xa = CpuChecks.data(x);
            xOff = x.offset();
            xStrides = x.strides();
        }
        Object oa = CpuChecks.data(out);

        int[] redShape = new int[nred];
        int[] redStrides = new int[nred];
        for (int d = 0, k = 0; d < rank; d++) {
            if (reduced[d]) {
                redShape[k] = x.shape()[d];
                redStrides[k++] = xStrides[d];
            }
        }
        Rows rows = rows(redShape, redStrides);
        if (rows.total == 0 && op != ReduceOp.SUM && op != ReduceOp.PROD) {
            throw new IllegalArgumentException(name + ": cannot reduce over an empty dimension (dims "
                    + Arrays.toString(dims) + " of shape " + Arrays.toString(x.shape())
                    + "): the operation has no identity");
        }
        if (xa instanceof float[] xf && !arg && rows.total > 1
                && columnwise(par, op, xf, xOff, xStrides, reduced, rows, out, (float[]) oa)) {
            return;
        }
        StridedLoop outer = StridedLoop.of(out.shape(), new int[] {xOff, out.offset()}, xStrides, out.strides());
        int numOut = outer.numel();
        if (numOut < 16 && rows.total >= 2 * CHUNK) {
            outer.run(0, numOut, (off, st, n, p) -> {
                for (int j = 0; j < n; j++) {
                    reduceChunked(par, op, xa, off[0] + j * st[0], rows, oa, off[1] + j * st[1]);
                }
            });
            return;
        }
        int grain = Math.max(1, CpuParallel.GRAIN / Math.max(1, rows.total));
        int total = rows.total;
        // Typed loops per (input, output) pair: no boxing and no type test per output element.
        if (xa instanceof float[] xf && rows.rows.length == 1 && total > 0 && op != ReduceOp.PROD) {
            // One run per output (e.g. the last dim): loop over outputs inside the kernel, where it stays tight.
            int r0 = rows.rows[0];
            outer.run(par, grain, (off, st, n, p) -> CpuReduceKernels.reduceRuns(op, xf, off[0] + r0, st[0],
                    rows.len, rows.step, oa, off[1], st[1], n));
        } else if (xa instanceof float[] xf && oa instanceof float[] of) {
            outer.run(par, grain, (off, st, n, p) -> {
                for (int j = 0, xb = off[0], oi = off[1]; j < n; j++, xb += st[0], oi += st[1]) {
                    of[oi] = (float) CpuReduceKernels.reduceFloat(op, xf, xb, rows.rows, rows.len, rows.step, 0,
                            total);
                }
            });
        } else if (xa instanceof float[] xf) {
            long[] ol = (long[]) oa;
            outer.run(par, grain, (off, st, n, p) -> {
                for (int j = 0, xb = off[0], oi = off[1]; j < n; j++, xb += st[0], oi += st[1]) {
                    ol[oi] = CpuReduceKernels.argFloat(op, xf, xb, rows.rows, rows.len, rows.step, 0, total);
                }
            });
        } else {
            long[] xl = (long[]) xa;
            outer.run(par, grain, (off, st, n, p) -> {
                for (int j = 0, xb = off[0], oi = off[1]; j < n; j++, xb += st[0], oi += st[1]) {
                    long v = arg ? CpuReduceKernels.argLong(op, xl, xb, rows.rows, rows.len, rows.step, 0, total)
                            : CpuReduceKernels.reduceLong(op, xl, xb, rows.rows, rows.len, rows.step, 0, total);
                    if (oa instanceof long[] ol) {
                        ol[oi] = v;
                    } else {
                        ((byte[]) oa)[oi] = (byte) (v != 0 ? 1 : 0);
                    }
                }
            });
        }
    }

    /**
     * The "reduce over outer dims" case, e.g. a bias gradient summing {@code [N, C]} over N: when the innermost kept
     * dim is contiguous in both x and out, whole rows of x are folded into a row of accumulators (reading memory in
     * order) instead of walking each output's column with a large stride. Returns false if the layout does not fit.
     */
    private static boolean columnwise(CpuParallel par, ReduceOp op, float[] x, int xOff, int[] xStrides,
                                      boolean[] reduced, Rows rows, View out, float[] o) {
        int rank = reduced.length;
        int last = -1;
        for (int d = rank - 1; d >= 0 && last < 0; d--) {
            if (!reduced[d] && out.shape()[d] > 1) {
                last = d;
            }
        }
        if (last < 0 || xStrides[last] != 1 || out.strides()[last] != 1 || out.shape()[last] < 16) {
            return false;
        }
        int len = out.shape()[last];
        int[] outerShape = out.shape().clone();
        outerShape[last] = 1;
        StridedLoop outer = StridedLoop.of(outerShape, new int[] {xOff, out.offset()}, xStrides, out.strides());
        int[] bases = new int[outer.numel() * 2];
        outer.run(0, outer.numel(), (off, st, n, p) -> {
            for (int j = 0; j < n; j++) {
                bases[2 * (int) (p + j)] = off[0] + j * st[0];
                bases[2 * (int) (p + j) + 1] = off[1] + j * st[1];
            }
        });
        int block = 256;
        int blocks = (len + block - 1) / block;
        int tasks = outer.numel() * blocks;
        int grain = Math.max(1, CpuParallel.GRAIN / (rows.total * Math.min(len, block)));
        par.forRange(tasks, grain, (from, to) -> {
            float[] t = new float[block];
            double[] acc = new double[block];
            float[] m = new float[block];
            for (int task = from; task < to; task++) {
                int xb = bases[2 * (task / blocks)];
                int ob = bases[2 * (task / blocks) + 1];
                int j0 = (task % blocks) * block;
                int bl = Math.min(block, len - j0);
                boolean sumLike = op == ReduceOp.SUM || op == ReduceOp.PROD;
                java.util.Arrays.fill(acc, 0, bl, op == ReduceOp.PROD ? 1.0 : 0.0);
                java.util.Arrays.fill(m, 0, bl, op == ReduceOp.MAX ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY);
                for (int r = 0; r < rows.rows.length; r++) {
                    for (int c = 0, src = xb + rows.rows[r] + j0; c < rows.len; c++, src += rows.step) {
                        System.arraycopy(x, src, t, 0, bl);
                        CpuReduceKernels.foldRow(op, t, acc, m, bl);
                    }
                }
                for (int j = 0; j < bl; j++) {
                    o[ob + j0 + j] = sumLike ? (float) acc[j] : m[j];
                }
            }
        });
        return true;
    }

    private static Rows rows(int[] redShape, int[] redStrides) {
        StridedLoop inner = StridedLoop.of(redShape, new int[] {0}, redStrides);
        int total = inner.numel();
        int len = Math.max(1, inner.rowLength());
        int[] offs = new int[Math.max(1, total / len)];
        int[] step = {1};
        int[] count = {0};
        inner.run(0, total, (off, st, n, p) -> {
            offs[count[0]++] = off[0];
            step[0] = st[0];
        });
        return new Rows(offs, len, step[0], total);
    }

    private static void reduceChunked(CpuParallel par, ReduceOp op, Object xa, int base, Rows rows, Object oa,
                                      int oi) {
        int chunks = (rows.total + CHUNK - 1) / CHUNK;
        double[] parts = new double[chunks];
        long[] lparts = new long[chunks];
        par.forRange(chunks, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                Object r = partial(op, xa, base, rows, c * CHUNK, Math.min(rows.total, (c + 1) * CHUNK));
                if (r instanceof Double d) {
                    parts[c] = d;
                } else {
                    lparts[c] = (Long) r;
                }
            }
        });
        Object acc;
        boolean arg = op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN;
        if (xa instanceof float[] && !arg) {
            double a = parts[0];
            for (int c = 1; c < chunks; c++) {
                a = CpuReduceKernels.combineFloat(op, a, parts[c]);
            }
            acc = a;
        } else if (arg) {
            long best = lparts[0];
            for (int c = 1; c < chunks; c++) {
                best = CpuReduceKernels.combineArg(op, xa, base, rows::offsetOf, best, lparts[c]);
            }
            acc = best;
        } else {
            long a = lparts[0];
            for (int c = 1; c < chunks; c++) {
                a = CpuReduceKernels.combineLong(op, a, lparts[c]);
            }
            acc = a;
        }
        store(oa, oi, acc);
    }

    /** Reduces positions {@code [from, to)}: a Double for FLOAT32 values, a Long for INT64 values and arg indices. */
    private static Object partial(ReduceOp op, Object xa, int base, Rows rows, int from, int to) {
        if (xa instanceof float[] f) {
            if (op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN) {
                return CpuReduceKernels.argFloat(op, f, base, rows.rows, rows.len, rows.step, from, to);
            }
            return CpuReduceKernels.reduceFloat(op, f, base, rows.rows, rows.len, rows.step, from, to);
        }
        long[] l = (long[]) xa;
        if (op == ReduceOp.ARGMAX || op == ReduceOp.ARGMIN) {
            return CpuReduceKernels.argLong(op, l, base, rows.rows, rows.len, rows.step, from, to);
        }
        return CpuReduceKernels.reduceLong(op, l, base, rows.rows, rows.len, rows.step, from, to);
    }

    private static void store(Object oa, int oi, Object acc) {
        if (oa instanceof float[] o) {
            o[oi] = (float) (double) (Double) acc;
        } else if (oa instanceof long[] o) {
            o[oi] = acc instanceof Double d ? (long) (double) d : (Long) acc;
        } else {
            ((byte[]) oa)[oi] = (byte) ((Long) acc != 0 ? 1 : 0);
        }
    }
}
