package io.netwright.backend.cpu;

import io.netwright.backend.View;

/**
 * Row-major iteration over several strided operands of one shape, as a sequence of 1-D rows.
 *
 * <p>Dims of size 1 are dropped and adjacent dims are merged when every operand is contiguous across them, so
 * fully contiguous views become one long row (the fast path) and a general strided view costs one callback per
 * row of its last dim. The row callback gets each operand's offset at the row start, the per-operand inner
 * strides and the row-major position of the row's first element (row-major order is preserved, which
 * {@code randomFill} relies on).
 */
final class StridedLoop {

    /** One row: {@code n} elements; operand {@code k} starts at {@code off[k]} and steps by {@code st[k]}. */
    @FunctionalInterface
    interface Row {
        void run(int[] off, int[] st, int n, long pos);
    }

    private final int[] shape;
    private final int[][] strides;
    private final int[] base;
    private final int[] inner;
    private final int numel;

    private StridedLoop(int[] shape, int[][] strides, int[] base, int numel) {
        this.shape = shape;
        this.strides = strides;
        this.base = base;
        this.numel = numel;
        int ops = base.length;
        this.inner = new int[ops];
        for (int k = 0; k < ops; k++) {
            inner[k] = strides[k][shape.length - 1];
        }
    }

    /** A loop over {@code shape} for the given views (their shapes are not checked here). */
    static StridedLoop of(int[] shape, View... views) {
        int[] offs = new int[views.length];
        int[][] st = new int[views.length][];
        for (int k = 0; k < views.length; k++) {
            offs[k] = views[k].offset();
            st[k] = views[k].strides();
        }
        return of(shape, offs, st);
    }

    /** A loop over {@code shape} for operands given as offsets and stride arrays. */
    static StridedLoop of(int[] shape, int[] offsets, int[]... strides) {
        int ops = offsets.length;
        int rank = shape.length;
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cpu: view of " + n + " elements is too large (max 2^31-1)");
        }
        // Collect dims from innermost to outermost, merging where all operands are contiguous across them.
        int[] cs = new int[Math.max(rank, 1)];
        int[][] cst = new int[ops][Math.max(rank, 1)];
        int c = 0;
        for (int d = rank - 1; d >= 0; d--) {
            if (shape[d] == 1) {
                continue;
            }
            boolean merge = c > 0;
            for (int k = 0; merge && k < ops; k++) {
                merge = strides[k][d] == cst[k][c - 1] * cs[c - 1];
            }
            if (merge) {
                cs[c - 1] *= shape[d];
            } else {
                cs[c] = shape[d];
                for (int k = 0; k < ops; k++) {
                    cst[k][c] = strides[k][d];
                }
                c++;
            }
        }
        if (c == 0) {
            cs[0] = n == 0 ? 0 : 1;
            for (int k = 0; k < ops; k++) {
                cst[k][0] = 1;
            }
            c = 1;
        }
        // Reverse into outer-to-inner order.
        int[] fs = new int[c];
        int[][] fst = new int[ops][c];
        for (int i = 0; i < c; i++) {
            fs[i] = cs[c - 1 - i];
            for (int k = 0; k < ops; k++) {
                fst[k][i] = cst[k][c - 1 - i];
            }
        }
        return new StridedLoop(fs, fst, offsets.clone(), (int) n);
    }

    /** Total elements. */
    int numel() {
        return numel;
    }

    /** True when everything is one row with unit stride for every operand. */
    boolean contiguous() {
        if (shape.length != 1) {
            return false;
        }
        for (int s : inner) {
            if (s != 1) {
                return false;
            }
        }
        return true;
    }

    /** Length of the innermost (coalesced) dim. */
    int rowLength() {
        return shape[shape.length - 1];
    }

    /** Runs all rows, in parallel chunks when the loop has more than {@code grain} elements. */
    void run(CpuParallel par, int grain, Row row) {
        par.forRange(numel, grain, (from, to) -> run(from, to, row));
    }

    /** Tile edge for {@link #runAnyOrder}: 32x32 floats of each operand stay in L1. */
    private static final int TILE = 32;

    /**
     * Runs all elements in an order of its choosing (for ops whose result does not depend on the order; the row
     * position passed to {@code row} is then meaningless). When one operand walks the last dim with a large stride
     * but is contiguous along the dim before (a transposed view), the last two dims are visited in 32x32 tiles so
     * both operands are read a cache line at a time; otherwise this is {@link #run(CpuParallel, int, Row)}.
     */
    void runAnyOrder(CpuParallel par, int grain, Row row) {
        int rank = shape.length;
        if (rank < 2 || shape[rank - 1] < TILE || shape[rank - 2] < TILE || !transposedOperand()) {
            run(par, grain, row);
            return;
        }
        int rowsDim = rank - 2;
        int nr = shape[rowsDim];
        int nc = shape[rank - 1];
        int rowTiles = (nr + TILE - 1) / TILE;
        int outer = numel / (nr * nc);
        int ops = base.length;
        par.forRange(outer * rowTiles, Math.max(1, grain / (TILE * nc)), (from, to) -> {
            int[] off = new int[ops];
            int[] idx = new int[Math.max(1, rowsDim)];
            for (int task = from; task < to; task++) {
                int o = task / rowTiles;
                int r0 = (task % rowTiles) * TILE;
                int r1 = Math.min(nr, r0 + TILE);
                // Offsets of element (outer o, row r0, column 0).
                int rem = o;
                for (int d = rowsDim - 1; d >= 0; d--) {
                    idx[d] = rem % shape[d];
                    rem /= shape[d];
                }
                for (int k = 0; k < ops; k++) {
                    int v = base[k] + r0 * strides[k][rowsDim];
                    for (int d = 0; d < rowsDim; d++) {
                        v += idx[d] * strides[k][d];
                    }
                    off[k] = v;
                }
                for (int c0 = 0; c0 < nc; c0 += TILE) {
                    int len = Math.min(TILE, nc - c0);
                    int[] start = new int[ops];
                    for (int r = r0; r < r1; r++) {
                        for (int k = 0; k < ops; k++) {
                            start[k] = off[k] + (r - r0) * strides[k][rowsDim] + c0 * inner[k];
                        }
                        row.run(start, inner, len, -1);
                    }
                }
            }
        });
    }

    /** True if some operand strides the last dim widely but is unit-stride along the dim before it. */
    private boolean transposedOperand() {
        int rank = shape.length;
        for (int k = 0; k < base.length; k++) {
            int s = Math.abs(strides[k][rank - 1]);
            if (s >= 16 && Math.abs(strides[k][rank - 2]) == 1) {
                return true;
            }
        }
        return false;
    }

    /** Runs the row-major element range {@code [from, to)} on the calling thread. */
    void run(int from, int to, Row row) {
        if (from >= to) {
            return;
        }
        int rank = shape.length;
        int ops = base.length;
        int[] idx = new int[rank];
        int[] off = base.clone();
        long rem = from;
        for (int d = rank - 1; d >= 0; d--) {
            idx[d] = (int) (rem % shape[d]);
            rem /= shape[d];
            for (int k = 0; k < ops; k++) {
                off[k] += idx[d] * strides[k][d];
            }
        }
        int last = rank - 1;
        int rowLen = shape[last];
        int[] rowStart = new int[ops];
        int pos = from;
        while (pos < to) {
            int n = Math.min(rowLen - idx[last], to - pos);
            System.arraycopy(off, 0, rowStart, 0, ops);
            row.run(rowStart, inner, n, pos);
            pos += n;
            if (pos >= to) {
                break;
            }
            // The row ran to its end: rewind to column 0, then step the outer odometer.
            for (int k = 0; k < ops; k++) {
                off[k] -= idx[last] * inner[k];
            }
            idx[last] = 0;
            for (int d = last - 1; d >= 0; d--) {
                idx[d]++;
                for (int k = 0; k < ops; k++) {
                    off[k] += strides[k][d];
                }
                if (idx[d] < shape[d]) {
                    break;
                }
                idx[d] = 0;
                for (int k = 0; k < ops; k++) {
                    off[k] -= shape[d] * strides[k][d];
                }
            }
        }
    }
}
