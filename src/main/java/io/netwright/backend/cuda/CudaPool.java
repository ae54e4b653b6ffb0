package io.netwright.backend.cuda;

import io.netwright.backend.DType;
import io.netwright.backend.Pool2dGeometry;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * Max and average pooling and their gradients (pool.cu), one thread per output element, with the CPU backend's
 * checks and semantics (CpuPool).
 */
final class CudaPool {

    private final CudaBackend b;

    CudaPool(CudaBackend backend) {
        this.b = backend;
    }

    /** The {@code NwPoolGeom} ints. */
    static int[] geometry(Pool2dGeometry g) {
        return new int[] {g.height(), g.width(), g.outHeight(), g.outWidth(), g.kernelH(), g.kernelW(), g.strideH(),
                g.strideW(), g.padH(), g.padW(), g.dilationH(), g.dilationW(), g.countIncludePad() ? 1 : 0,
                g.adaptive() ? 1 : 0};
    }

    private static int check(String op, View x, View out, Pool2dGeometry g) {
        CudaChecks.rank(op + " input", x, 4);
        CudaChecks.dtype(op + " input", x, DType.FLOAT32);
        CudaChecks.dtype(op + " output", out, DType.FLOAT32);
        if (!g.adaptive() && (g.kernelH() <= 0 || g.kernelW() <= 0 || g.strideH() <= 0 || g.strideW() <= 0
                || g.dilationH() <= 0 || g.dilationW() <= 0)) {
            throw new IllegalArgumentException(op + ": kernel, stride and dilation must be positive, got " + g);
        }
        CudaChecks.shape(op + " input", x, x.shape()[0], x.shape()[1], g.height(), g.width());
        CudaChecks.shape(op + " output", out, x.shape()[0], x.shape()[1], g.outHeight(), g.outWidth());
        return x.shape()[0] * x.shape()[1];
    }

    private CudaLaunch strided(CudaLaunch l, View v) {
        int[] s = v.strides();
        return l.ptr(v).i64(s[0]).i64(s[1]).i64(s[2]).i64(s[3]);
    }

    void maxPool2d(View x, View out, View indices, Pool2dGeometry g) {
        check("maxPool2d", x, out, g);
        CudaChecks.shape("maxPool2d indices", indices, out.shape());
        CudaChecks.dtype("maxPool2d indices", indices, DType.INT64);
        b.buffer(x);
        b.buffer(out);
        b.buffer(indices);
        long total = out.numel();
        if (total == 0) {
            return;
        }
        CudaLaunch l = CudaLaunch.of(b, Kernels.MAXPOOL_F32);
        strided(strided(strided(l, x), out), indices).struct(CudaKernel.Param.POOL_GEOM, geometry(g))
                .i32(x.shape()[1]).i64(total).run1d(total, "maxPool2d of shape " + Arrays.toString(x.shape()));
    }

    void maxPool2dBackward(View gradOut, View indices, View gradIn, Pool2dGeometry g) {
        check("maxPool2dBackward", gradIn, gradOut, g);
        CudaChecks.shape("maxPool2dBackward indices", indices, gradOut.shape());
        CudaChecks.dtype("maxPool2dBackward indices", indices, DType.INT64);
        b.buffer(gradOut);
        b.buffer(indices);
        b.buffer(gradIn);
        b.elementwise().fill(gradIn, 0.0);
        long total = gradOut.numel();
        if (total == 0) {
            return;
        }
        CudaLaunch l = CudaLaunch.of(b, Kernels.MAXPOOL_BACKWARD_F32);
        strided(strided(strided(l, gradOut), indices), gradIn).struct(CudaKernel.Param.POOL_GEOM, geometry(g))
                .i32(gradIn.shape()[1]).i64(total).address(b.resetStatus())
                .run1d(total, "maxPool2dBackward of shape " + Arrays.toString(gradIn.shape()));
        long[] s = b.readStatus();
        if (s[0] != 0) {
            throw new IndexOutOfBoundsException("maxPool2dBackward: index " + s[1] + " is out of bounds for a "
                    + g.height() + "x" + g.width() + " plane (valid: 0.." + (g.height() * g.width() - 1) + ")");
        }
    }

    void avgPool2d(View x, View out, Pool2dGeometry g) {
        check("avgPool2d", x, out, g);
        b.buffer(x);
        b.buffer(out);
        long total = out.numel();
        if (total == 0) {
            return;
        }
        CudaLaunch l = CudaLaunch.of(b, Kernels.AVGPOOL_F32);
        strided(strided(l, x), out).struct(CudaKernel.Param.POOL_GEOM, geometry(g)).i32(x.shape()[1]).i64(total)
                .run1d(total, "avgPool2d of shape " + Arrays.toString(x.shape()));
    }

    void avgPool2dBackward(View gradOut, View gradIn, Pool2dGeometry g) {
        check("avgPool2dBackward", gradIn, gradOut, g);
        b.buffer(gradOut);
        b.buffer(gradIn);
        long total = gradOut.numel();
        if (total == 0) {
            return;
        }
        CudaLaunch l = CudaLaunch.of(b, Kernels.AVGPOOL_BACKWARD_F32);
        strided(strided(l, gradOut), gradIn).struct(CudaKernel.Param.POOL_GEOM, geometry(g))
                .i32(gradIn.shape()[1]).i64(total)
                .run1d(total, "avgPool2dBackward of shape " + Arrays.toString(gradIn.shape()));
    }
}
