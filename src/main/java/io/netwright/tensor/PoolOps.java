package io.netwright.tensor;

import io.netwright.backend.Backend;
import io.netwright.backend.DType;
import io.netwright.backend.Pool2dGeometry;

/**
 * Max, average and adaptive pooling over the last two dims, each one recorded op on the backend's pooling
 * primitives. Max pooling's gradient scatters (accumulating) into the positions its indices name; average
 * pooling's uses the backend's {@code avgPool2dBackward}.
 */
final class PoolOps {

    private PoolOps() {
    }

    /** Checks a fixed-window pooling call and builds its geometry for the batched input {@code x}. */
    private static Pool2dGeometry fixedGeometry(String op, Tensor x, int[] kernelIn, int[] strideIn, int[] padIn,
                                                int[] dilIn, boolean ceil, boolean countIncludePad) {
        int[] k = CnnArgs.pair(op, "kernel_size", kernelIn);
        int[] s = strideIn == null || strideIn.length == 0 ? k.clone() : CnnArgs.pair(op, "stride", strideIn);
        int[] p = CnnArgs.pair(op, "padding", padIn);
        int[] d = CnnArgs.pair(op, "dilation", dilIn);
        if (k[0] <= 0 || k[1] <= 0) {
            throw new IllegalArgumentException(op + ": kernel size should be greater than zero, but got kH: " + k[0]
                    + " kW: " + k[1]);
        }
        if (s[0] <= 0 || s[1] <= 0) {
            throw new IllegalArgumentException(op + ": stride should be greater than zero, but got dH: " + s[0]
                    + " dW: " + s[1]);
        }
        if (d[0] <= 0 || d[1] <= 0) {
            throw new IllegalArgumentException(op + ": dilation should be greater than zero, but got dilationH: "
                    + d[0] + " dilationW: " + d[1]);
        }
        if (p[0] < 0 || p[1] < 0) {
            throw new IllegalArgumentException(op + ": padding must be non-negative, got padH = " + p[0]
                    + ", padW = " + p[1]);
        }
        WindowRules.Violation bad = WindowRules.poolPadding(k, p);
        int c = x.size(1);
        int h = x.size(2);
        int w = x.size(3);
        long[] out = {WindowRules.outputSize(h, k[0], s[0], p[0], p[0], d[0], ceil),
            WindowRules.outputSize(w, k[1], s[1], p[1], p[1], d[1], ceil)};
        if (bad == null) {
            bad = WindowRules.poolOutput(c, new int[]{h, w}, out, k, d);
        }
        if (bad != null) {
            bad.throwFor(op);
        }
        int oh = (int) out[0];
        int ow = (int) out[1];
        return new Pool2dGeometry(h, w, oh, ow, k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], countIncludePad,
                false);
    }

    private static Pool2dGeometry adaptiveGeometry(String op, Tensor x, int oh, int ow) {
        if (oh <= 0 || ow <= 0) {
            throw new IllegalArgumentException(op + ": output size must be positive, got " + oh + "x" + ow);
        }
        return new Pool2dGeometry(x.size(2), x.size(3), oh, ow, 1, 1, 1, 1, 0, 0, 1, 1, false, true);
    }

    private static Tensor batched(String op, Tensor input) {
        CnnArgs.checkFloat(op, "input", input);
        CnnArgs.check3or4d(op, input);
        CnnArgs.checkNonEmpty(op, input);
        return input.dim() == 3 ? input.unsqueeze(0) : input;
    }

    private static ValuesIndices unbatch(Tensor input, ValuesIndices r) {
        return input.dim() == 3 ? new ValuesIndices(r.values().squeeze(0), r.indices().squeeze(0)) : r;
    }

    // ================================================================ max

    static ValuesIndices maxPool2dWithIndices(Tensor input, int[] kernel, int[] stride, int[] padding,
                                              int[] dilation, boolean ceilMode) {
        String op = "max_pool2d";
        Tensor x = batched(op, input);
        Pool2dGeometry g = fixedGeometry(op, x, kernel, stride, padding, dilation, ceilMode, false);
        return unbatch(input, maxCore("max_pool2d_with_indices", x, g));
    }

    static ValuesIndices adaptiveMaxPool2dWithIndices(Tensor input, int outH, int outW) {
        String op = "adaptive_max_pool2d";
        Tensor x = batched(op, input);
        return unbatch(input, maxCore(op, x, adaptiveGeometry(op, x, outH, outW)));
    }

    private static ValuesIndices maxCore(String name, Tensor x, Pool2dGeometry g) {
        int n = x.size(0);
        int c = x.size(1);
        int oh = g.outHeight();
        int ow = g.outWidth();
        Backend be = x.backend();
        Tensor out = CnnArgs.empty(x, n, c, oh, ow);
        Tensor idx = x.newEmpty(DType.INT64, new int[]{n, c, oh, ow});
        if (n > 0) {
            be.maxPool2d(x.v(), out.v(), idx.v(), g);
        }
        Autograd.record(name, out, gOut -> {
            if (n == 0) {
                return new Tensor[]{CnnArgs.zeros(x, x.shapeRef())};
            }
            Tensor gi = CnnArgs.empty(x, x.shapeRef());
            be.maxPool2dBackward(CnnArgs.dense(gOut).v(), idx.v(), gi.v(), g);
            return new Tensor[]{gi};
        }, x);
        return new ValuesIndices(out, idx);
    }

    // ================================================================ average

    static Tensor avgPool2d(Tensor input, int[] kernel, int[] stride, int[] padding, boolean ceilMode,
                            boolean countIncludePad) {
        String op = "avg_pool2d";
        Tensor x = batched(op, input);
        Pool2dGeometry g = fixedGeometry(op, x, kernel, stride, padding, new int[]{1}, ceilMode, countIncludePad);
        Tensor out = avgCore(op, x, g);
        return input.dim() == 3 ? out.squeeze(0) : out;
    }

    static Tensor adaptiveAvgPool2d(Tensor input, int outH, int outW) {
        String op = "adaptive_avg_pool2d";
        Tensor x = batched(op, input);
        Tensor out = avgCore(op, x, adaptiveGeometry(op, x, outH, outW));
        return input.dim() == 3 ? out.squeeze(0) : out;
    }

    private static Tensor avgCore(String name, Tensor x, Pool2dGeometry g) {
        Backend be = x.backend();
        Tensor out = CnnArgs.zeros(x, x.size(0), x.size(1), g.outHeight(), g.outWidth());
        if (x.size(0) > 0) {
            be.avgPool2d(x.v(), out.v(), g);
        }
        return Autograd.record(name, out, gOut -> {
            Tensor gi = CnnArgs.zeros(x, x.shapeRef());
            if (x.size(0) > 0) {
                be.avgPool2dBackward(gOut.v(), gi.v(), g);
            }
            return new Tensor[]{gi};
        }, x);
    }
}
