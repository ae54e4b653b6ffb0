package io.netwright.backend.cuda;

import io.netwright.backend.View;

import java.util.Arrays;

/**
 * Turns the views of one elementwise call into the kernels' {@code NwLayout} structs: dims of size 1 are dropped and
 * neighbouring dims that are contiguous in every operand are merged, so most calls reach the kernel as rank 1 and
 * the per-element index arithmetic stays cheap. The struct is {@code {rank, shape[8], stride[8]}} as 17 ints.
 */
final class Layouts {

    /** The most dims a kernel layout holds ({@code NW_MAX_RANK} in nw_cuda.cuh). */
    static final int MAX_RANK = 8;

    private final int[] shape;
    private final int[][] strides;

    private Layouts(int[] shape, int[][] strides) {
        this.shape = shape;
        this.strides = strides;
    }

    /** Coalesces {@code shape} as walked by every view (each view has that shape; strides may differ). */
    static Layouts of(String op, int[] shape, View... views) {
        int[][] st = new int[views.length][];
        for (int k = 0; k < views.length; k++) {
            st[k] = views[k].strides();
        }
        return of(op, shape, st);
    }

    /** Coalesces {@code shape} walked with the given per-operand strides. */
    static Layouts of(String op, int[] shape, int[]... strides) {
        int ops = strides.length;
        int[] sh = new int[shape.length];
        int[][] st = new int[ops][shape.length];
        int r = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) {
                continue;
            }
            if (r > 0 && mergeable(sh[r - 1], st, r - 1, shape[d], strides, d)) {
                sh[r - 1] *= shape[d];
                for (int k = 0; k < ops; k++) {
                    st[k][r - 1] = strides[k][d];
                }
                continue;
            }
            sh[r] = shape[d];
            for (int k = 0; k < ops; k++) {
                st[k][r] = strides[k][d];
            }
            r++;
        }
        if (r == 0) {
            sh = new int[] {1};
            int[][] one = new int[ops][1];
            return new Layouts(sh, one);
        }
        if (r > MAX_RANK) {
            throw new IllegalArgumentException(op + ": a view of shape " + Arrays.toString(shape) + " has " + r
                    + " dims that cannot be merged; the CUDA kernels take at most " + MAX_RANK
                    + " — make the tensor contiguous first (.contiguous())");
        }
        int[] outShape = Arrays.copyOf(sh, r);
        int[][] outStrides = new int[ops][];
        for (int k = 0; k < ops; k++) {
            outStrides[k] = Arrays.copyOf(st[k], r);
        }
        return new Layouts(outShape, outStrides);
    }

    private static boolean mergeable(int outerSize, int[][] merged, int at, int innerSize, int[][] strides, int d) {
        for (int k = 0; k < strides.length; k++) {
            if ((long) merged[k][at] != (long) strides[k][d] * innerSize) {
                return false;
            }
        }
        return outerSize > 0;
    }

    /** The {@code NwLayout} ints of operand {@code k}. */
    int[] layout(int k) {
        return pack(shape, strides[k]);
    }

    /** The {@code NwLayout} ints for an explicit shape and strides (rank at most 8; rank 0 is one element). */
    static int[] pack(int[] shape, int[] strides) {
        if (shape.length > MAX_RANK) {
            throw new IllegalArgumentException("CUDA layout: rank " + shape.length + " exceeds " + MAX_RANK);
        }
        int[] l = new int[1 + 2 * MAX_RANK];
        if (shape.length == 0) {
            l[0] = 1;
            l[1] = 1;
            return l;
        }
        l[0] = shape.length;
        System.arraycopy(shape, 0, l, 1, shape.length);
        System.arraycopy(strides, 0, l, 1 + MAX_RANK, strides.length);
        return l;
    }

    /** Number of elements walked. */
    long numel() {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }
}
