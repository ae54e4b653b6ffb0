package io.netwright.backend.cuda;

import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.DType;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * The fused convolutions of the CUDA backend for {@code groups == 1}: forward as im2col + one batched GEMM with the
 * weight broadcast over the batch + bias and ReLU in one pass ({@code nw_bias_act_f32}), and the input gradient as
 * one batched GEMM with the transposed weight + col2im. The column buffer is a temporary from the caching allocator,
 * bounded by {@link #MAX_COLUMN_FLOATS} (the batch is processed in chunks beyond it). Grouped convolutions and
 * layouts whose output planes are not contiguous return false, and the frontend composes the primitives. The CPU
 * twins are CpuConv's direct and GEMM paths.
 */
final class CudaConv {

    /** 64 Mi floats (256 MiB) of columns at most per chunk. */
    static final long MAX_COLUMN_FLOATS = 64L << 20;

    private final CudaBackend b;

    CudaConv(CudaBackend backend) {
        this.b = backend;
    }

    /** {@code out = relu?(conv(x, weight) + bias)}; false when this layout or grouping is not fused. */
    boolean forward(View x, View weight, View bias, View out, Conv2dGeometry g, int groups, boolean relu) {
        if (groups != 1 || !planesContiguous(out, g) || !weightContiguous(weight)
                || ((bias != null || relu) && !out.isContiguous()) || (bias != null && !bias.isContiguous())) {
            return false; // the bias/ReLU epilogue walks a contiguous [N, OC, OH*OW] output
        }
        int n = x.shape()[0];
        int oc = weight.shape()[0];
        int k = g.colRows();
        int p = g.colCols();
        CudaChecks.shape("conv2d out", out, n, oc, g.outHeight(), g.outWidth());
        if (bias != null) {
            CudaChecks.shape("conv2d bias", bias, oc);
        }
        if (n == 0 || oc == 0 || p == 0) {
            return true;
        }
        int chunk = chunk(n, (long) k * p);
        CudaBuffer cols = b.allocateUninitialized(DType.FLOAT32, (int) ((long) chunk * k * p));
        try {
            View w = new View(weight.buffer(), weight.offset(), new int[] {1, oc, k}, new int[] {0, k, 1});
            for (int n0 = 0; n0 < n; n0 += chunk) {
                int nb = Math.min(chunk, n - n0);
                View colsView = View.contiguous(cols, nb, k, p);
                b.linalg().im2col(slice(x, n0, nb), colsView, g);
                View o = new View(out.buffer(), out.offset() + n0 * out.strides()[0], new int[] {nb, oc, p},
                        new int[] {out.strides()[0], out.strides()[1], 1});
                b.linalg().matmul(w, colsView, o);
            }
        } finally {
            cols.close();
        }
        if (bias != null || relu) {
            long total = (long) n * oc * p;
            CudaLaunch l = CudaLaunch.of(b, Kernels.BIAS_ACT_F32).ptr(out);
            l = bias == null ? l.ptr(out) : l.ptr(bias);
            l.i32(bias == null ? 0 : 1).i32(relu ? 1 : 0).i32(oc).i64(p).i64(total)
                    .run1d(total, "conv2d bias/ReLU of shape " + Arrays.toString(out.shape()));
        }
        return true;
    }

    /** {@code gradIn = col2im(weight^T @ gradOut)}; false when this layout or grouping is not fused. */
    boolean backwardInput(View gradOut, View weight, View gradIn, Conv2dGeometry g, int groups) {
        if (groups != 1 || !weightContiguous(weight)) {
            return false;
        }
        if (!planesContiguous(gradOut, g)) {
            try (CudaBuffer dense = denseCopy(gradOut)) {
                return backwardInput(View.contiguous(dense, gradOut.shape()), weight, gradIn, g, groups);
            }
        }
        int n = gradIn.shape()[0];
        int oc = weight.shape()[0];
        int k = g.colRows();
        int p = g.colCols();
        CudaChecks.shape("conv2d gradOut", gradOut, n, oc, g.outHeight(), g.outWidth());
        b.elementwise().fill(gradIn, 0.0);
        if (n == 0 || oc == 0 || p == 0 || k == 0) {
            return true;
        }
        int chunk = chunk(n, (long) k * p);
        CudaBuffer cols = b.allocateUninitialized(DType.FLOAT32, (int) ((long) chunk * k * p));
        try {
            View wt = new View(weight.buffer(), weight.offset(), new int[] {1, k, oc}, new int[] {0, 1, k});
            for (int n0 = 0; n0 < n; n0 += chunk) {
                int nb = Math.min(chunk, n - n0);
                View colsView = View.contiguous(cols, nb, k, p);
                View go = new View(gradOut.buffer(), gradOut.offset() + n0 * gradOut.strides()[0],
                        new int[] {nb, oc, p}, new int[] {gradOut.strides()[0], gradOut.strides()[1], 1});
                b.linalg().matmul(wt, go, colsView);
                b.linalg().col2im(colsView, slice(gradIn, n0, nb), g);
            }
        } finally {
            cols.close();
        }
        return true;
    }

    /**
     * {@code gradWeight = gradOut [OC, N*L] @ cols^T [N*L, K]} with the columns laid out [K, N, L] (CpuConv's GEMM
     * path); over {@link #MAX_COLUMN_FLOATS} the batch is done in chunks whose products are added up.
     */
    boolean backwardWeight(View x, View gradOut, View gradWeight, Conv2dGeometry g, int groups) {
        if (groups != 1) {
            return false;
        }
        if (!gradWeight.isContiguous()) {
            try (CudaBuffer dense = b.allocateUninitialized(DType.FLOAT32, gradWeight.numel())) {
                View d = View.contiguous(dense, gradWeight.shape());
                backwardWeight(x, gradOut, d, g, groups);
                b.elementwise().copy(d, gradWeight);
            }
            return true;
        }
        int n = x.shape()[0];
        int oc = gradWeight.shape()[0];
        int k = g.colRows();
        int l = g.colCols();
        CudaChecks.shape("conv2d gradOut", gradOut, n, oc, g.outHeight(), g.outWidth());
        if (n == 0 || l == 0 || k == 0 || oc == 0) {
            b.elementwise().fill(gradWeight, 0.0);
            return true;
        }
        int chunk = chunk(n, (long) (k + oc) * l);
        View dw = new View(gradWeight.buffer(), gradWeight.offset(), new int[] {1, oc, k}, new int[] {0, k, 1});
        CudaBuffer cols = b.allocateUninitialized(DType.FLOAT32, (int) ((long) chunk * k * l));
        CudaBuffer gm = b.allocateUninitialized(DType.FLOAT32, (int) ((long) chunk * oc * l));
        CudaBuffer part = n > chunk ? b.allocateUninitialized(DType.FLOAT32, oc * k) : null;
        try {
            for (int n0 = 0; n0 < n; n0 += chunk) {
                int nb = Math.min(chunk, n - n0);
                int nl = nb * l;
                // columns [K, nb, L] and the gradient [OC, nb, L]: both are matrices with nb*L contiguous columns
                b.linalg().im2col(slice(x, n0, nb), new View(cols, 0, new int[] {nb, k, l}, new int[] {l, nl, 1}), g);
                b.elementwise().copy(slice(gradOut, n0, nb), new View(gm, 0,
                        new int[] {nb, oc, g.outHeight(), g.outWidth()}, new int[] {l, nl, g.outWidth(), 1}));
                View gmv = new View(gm, 0, new int[] {1, oc, nl}, new int[] {0, nl, 1});
                View colsT = new View(cols, 0, new int[] {1, nl, k}, new int[] {0, 1, nl});
                if (n0 == 0) {
                    b.linalg().matmul(gmv, colsT, dw);
                } else {
                    View pv = new View(part, 0, new int[] {1, oc, k}, new int[] {0, k, 1});
                    b.linalg().matmul(gmv, colsT, pv);
                    b.elementwise().binary(io.netwright.backend.BinaryOp.ADD, dw, pv, dw);
                }
            }
        } finally {
            cols.close();
            gm.close();
            if (part != null) {
                part.close();
            }
        }
        return true;
    }

    private CudaBuffer denseCopy(View v) {
        CudaBuffer dense = b.allocateUninitialized(DType.FLOAT32, v.numel());
        b.elementwise().copy(v, View.contiguous(dense, v.shape()));
        return dense;
    }

    /** Batch items per chunk so that a chunk's columns stay within {@link #MAX_COLUMN_FLOATS}. */
    private static int chunk(int n, long perItem) {
        return (int) Math.max(1, Math.min(n, MAX_COLUMN_FLOATS / Math.max(1, perItem)));
    }

    private static View slice(View v, int n0, int nb) {
        int[] shape = v.shape().clone();
        shape[0] = nb;
        return new View(v.buffer(), v.offset() + n0 * v.strides()[0], shape, v.strides());
    }

    /** The output plane (OH x OW) is one contiguous run, so it is one GEMM column range. */
    private static boolean planesContiguous(View out, Conv2dGeometry g) {
        return out.rank() == 4 && out.strides()[3] == 1 && out.strides()[2] == g.outWidth();
    }

    /** The weight [OC, C, kH, kW] is row-major, so it is an [OC, C*kH*kW] matrix with row stride C*kH*kW. */
    private static boolean weightContiguous(View w) {
        return w.rank() == 4 && w.isContiguous();
    }
}
