package io.netwright.backend.cpu;

import java.util.Arrays;

/**
 * Puts float rows into the one loop shape HotSpot 17 vectorises: every array indexed by the same loop variable.
 * A loop like {@code o[oo + i] = x[xo + i] + y[yo + i]} with differing offsets (or any stride) stays scalar, so
 * such rows are processed in blocks of {@link #BLOCK} through small per-thread buffers: strided or offset operands
 * are copied in (an intrinsic {@code arraycopy} when contiguous, a fill when broadcast), the op runs in place on
 * the buffer with index-from-0 loops, and the result is copied out.
 */
final class FloatRows {

    /** Elements per buffered block: small enough to stay in L1 with three buffers. */
    static final int BLOCK = 1024;

    private static final ThreadLocal<float[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new float[][] {new float[BLOCK], new float[BLOCK]});

    private FloatRows() {
    }

    /** Two per-thread buffers of {@link #BLOCK} floats (contents undefined). */
    static float[][] scratch() {
        return SCRATCH.get();
    }

    /** Copies {@code n} elements from {@code src} (offset {@code si}, stride {@code ss}) to {@code dst[0..n)}. */
    static void gather(float[] src, int si, int ss, float[] dst, int n) {
        if (ss == 1) {
            System.arraycopy(src, si, dst, 0, n);
        } else if (ss == 0) {
            Arrays.fill(dst, 0, n, src[si]);
        } else {
            for (int i = 0; i < n; i++, si += ss) {
                dst[i] = src[si];
            }
        }
    }

    /** Copies {@code src[0..n)} to {@code dst} at offset {@code di}, stride {@code ds}. */
    static void scatter(float[] src, int n, float[] dst, int di, int ds) {
        if (ds == 1) {
            System.arraycopy(src, 0, dst, di, n);
        } else {
            for (int i = 0; i < n; i++, di += ds) {
                dst[di] = src[i];
            }
        }
    }
}
