package io.netwright.backend.cuda;

import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.DType;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * matmul (our tiled SGEMM, matmul.cu) and the convolution column transforms im2col / col2im (conv.cu), with the
 * CPU backend's checks (CpuGemm, CpuConv).
 */
final class CudaLinalg {

    private static final int TILE = 64;
    private static final int MAX_GRID_Z = 65535;

    private final CudaBackend b;

    CudaLinalg(CudaBackend backend) {
        this.b = backend;
    }

    void matmul(View x, View y, View out) {
        CudaChecks.rank("matmul x", x, 3);
        CudaChecks.rank("matmul y", y, 3);
        CudaChecks.rank("matmul out", out, 3);
        CudaChecks.dtype("matmul x", x, DType.FLOAT32);
        CudaChecks.dtype("matmul y", y, DType.FLOAT32);
        CudaChecks.dtype("matmul out", out, DType.FLOAT32);
        int batch = out.shape()[0];
        int m = out.shape()[1];
        int n = out.shape()[2];
        int k = x.shape()[2];
        if (x.shape()[1] != m || y.shape()[1] != k || y.shape()[2] != n
                || (x.shape()[0] != batch && x.shape()[0] != 1) || (y.shape()[0] != batch && y.shape()[0] != 1)) {
            throw new IllegalArgumentException("matmul: shapes " + Arrays.toString(x.shape()) + " @ "
                    + Arrays.toString(y.shape()) + " -> " + Arrays.toString(out.shape()) + " do not agree");
        }
        b.buffer(x);
        b.buffer(y);
        b.buffer(out);
        if (batch == 0 || m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            b.elementwise().fill(out, 0.0);
            return;
        }
        long xbs = x.shape()[0] == 1 ? 0 : x.strides()[0];
        long ybs = y.shape()[0] == 1 ? 0 : y.strides()[0];
        long obs = out.strides()[0];
        String shape = "matmul " + Arrays.toString(x.shape()) + " @ " + Arrays.toString(y.shape());
        for (int b0 = 0; b0 < batch; b0 += MAX_GRID_Z) {
            int nb = Math.min(MAX_GRID_Z, batch - b0);
            CudaBuffer xb = b.buffer(x);
            CudaBuffer yb = b.buffer(y);
            CudaBuffer ob = b.buffer(out);
            CudaLaunch.of(b, Kernels.MATMUL_F32)
                    .address(xb.address(x.offset() + b0 * xbs))
                    .address(yb.address(y.offset() + b0 * ybs))
                    .address(ob.address(out.offset() + b0 * obs))
                    .i32(m).i32(n).i32(k)
                    .i64(xbs).i64(x.strides()[1]).i64(x.strides()[2])
                    .i64(ybs).i64(y.strides()[1]).i64(y.strides()[2])
                    .i64(obs).i64(out.strides()[1]).i64(out.strides()[2])
                    .run((n + TILE - 1) / TILE, (m + TILE - 1) / TILE, nb, 256, shape);
        }
    }

    private static int checkShapes(String op, View img, View cols, Conv2dGeometry g) {
        CudaChecks.rank(op + " image", img, 4);
        CudaChecks.rank(op + " columns", cols, 3);
        CudaChecks.dtype(op + " image", img, DType.FLOAT32);
        CudaChecks.dtype(op + " columns", cols, DType.FLOAT32);
        int n = img.shape()[0];
        CudaChecks.shape(op + " image", img, n, g.channels(), g.height(), g.width());
        CudaChecks.shape(op + " columns", cols, n, g.colRows(), g.colCols());
        return n;
    }

    /** The {@code NwConvGeom} ints: c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow. */
    static int[] geometry(Conv2dGeometry g) {
        return new int[] {g.channels(), g.height(), g.width(), g.kernelH(), g.kernelW(), g.strideH(), g.strideW(),
                g.padH(), g.padW(), g.dilationH(), g.dilationW(), g.outHeight(), g.outWidth()};
    }

    void im2col(View x, View cols, Conv2dGeometry g) {
        int batch = checkShapes("im2col", x, cols, g);
        b.buffer(x);
        b.buffer(cols);
        long total = (long) batch * g.colRows() * g.colCols();
        if (total == 0) {
            return;
        }
        int[] xs = x.strides();
        int[] cs = cols.strides();
        CudaLaunch.of(b, Kernels.IM2COL_F32).ptr(x).i64(xs[0]).i64(xs[1]).i64(xs[2]).i64(xs[3])
                .ptr(cols).i64(cs[0]).i64(cs[1]).i64(cs[2])
                .struct(CudaKernel.Param.CONV_GEOM, geometry(g)).i32(batch)
                .run1d(total, "im2col of shape " + Arrays.toString(x.shape()));
    }

    void col2im(View cols, View out, Conv2dGeometry g) {
        int batch = checkShapes("col2im", out, cols, g);
        b.buffer(out);
        b.buffer(cols);
        long total = (long) batch * g.channels() * g.height() * g.width();
        if (total == 0) {
            return;
        }
        int[] os = out.strides();
        int[] cs = cols.strides();
        CudaLaunch.of(b, Kernels.COL2IM_F32).ptr(cols).i64(cs[0]).i64(cs[1]).i64(cs[2])
                .ptr(out).i64(os[0]).i64(os[1]).i64(os[2]).i64(os[3])
                .struct(CudaKernel.Param.CONV_GEOM, geometry(g)).i32(batch)
                .run1d(total, "col2im to shape " + Arrays.toString(out.shape()));
    }
}
