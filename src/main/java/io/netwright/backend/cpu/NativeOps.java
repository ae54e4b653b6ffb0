package io.netwright.backend.cpu;

import io.netwright.backend.BinaryOp;
import io.netwright.backend.DType;
import io.netwright.backend.Pool2dGeometry;
import io.netwright.backend.View;
import java.util.Arrays;

/**
 * AVX-512 kernels for the memory-bound steps next to a convolution ({@code src/main/c/netwright_ops.c}, in the same
 * native library as {@link DirectConv}): the 2x2 stride-2 max pool with PyTorch's int64 indices, and ReLU's backward
 * ({@code threshold_backward}). Both give exactly the results of the Java kernels they replace (same NaN and tie
 * rules); they are used for contiguous tensors when {@link DirectConv#available()}, and the Java kernels run
 * otherwise.
 *
 * <pre>{@code
 * if (NativeOps.handlesMaxPool2x2(x, out, indices, g)) {
 *     NativeOps.maxPool2x2(par, x, out, indices, g);
 * }
 * }</pre>
 */
final class NativeOps {

    private NativeOps() {
    }

    /** True if the native 2x2 pool handles this call: contiguous FLOAT32 planes, output exactly half the input. */
    static boolean handlesMaxPool2x2(View x, View out, View indices, Pool2dGeometry g) {
        return DirectConv.available() && x.shape().length == 4 && g.outHeight() == g.height() / 2
                && g.outWidth() == g.width() / 2 && x.buffer().dtype() == DType.FLOAT32
                && out.buffer().dtype() == DType.FLOAT32 && indices.buffer().dtype() == DType.INT64
                && DirectConv.contiguous(x) && DirectConv.contiguous(out) && DirectConv.contiguous(indices);
    }

    /** The 2x2 stride-2 max pool of contiguous {@code x: [N, C, H, W]} into {@code out} and {@code indices}. */
    static void maxPool2x2(CpuParallel par, View x, View out, View indices, Pool2dGeometry g) {
        int planes = x.shape()[0] * x.shape()[1];
        int h = g.height();
        int w = g.width();
        int in = h * w;
        int on = g.outHeight() * g.outWidth();
        float[] xd = (float[]) CpuChecks.data(x);
        float[] od = (float[]) CpuChecks.data(out);
        long[] id = (long[]) CpuChecks.data(indices);
        span("maxPool2d input", x, xd.length, (long) planes * in);
        span("maxPool2d output", out, od.length, (long) planes * on);
        span("maxPool2d indices", indices, id.length, (long) planes * on);
        par.forRange(planes, Math.max(1, CpuParallel.GRAIN / Math.max(1, in)), (from, to) -> {
            if (!maxPool2x20(xd, x.offset() + from * in, to - from, h, w, od, out.offset() + from * on, id,
                    indices.offset() + from * on)) {
                throw new OutOfMemoryError("maxPool2d: the arrays could not be pinned");
            }
        });
    }

    /** True if {@code op(x, y) -> out} is a threshold_backward the native kernel runs: contiguous, same shape. */
    static boolean handlesThresholdBackward(BinaryOp op, View x, View y, View out) {
        return op == BinaryOp.THRESHOLD_BACKWARD && DirectConv.available() && x.buffer().dtype() == DType.FLOAT32
                && y.buffer().dtype() == DType.FLOAT32 && out.buffer().dtype() == DType.FLOAT32
                && Arrays.equals(x.shape(), out.shape()) && Arrays.equals(y.shape(), out.shape())
                && DirectConv.contiguous(x) && DirectConv.contiguous(y) && DirectConv.contiguous(out);
    }

    /** {@code out = y > 0 ? g : 0} (NaN {@code y} gives 0): the gradient of ReLU given its output {@code y}. */
    static void thresholdBackward(CpuParallel par, View g, View y, View out) {
        int n = out.numel();
        float[] gd = (float[]) CpuChecks.data(g);
        float[] yd = (float[]) CpuChecks.data(y);
        float[] od = (float[]) CpuChecks.data(out);
        span("threshold_backward gradient", g, gd.length, n);
        span("threshold_backward output", y, yd.length, n);
        span("threshold_backward result", out, od.length, n);
        int block = 1 << 16;
        par.forRange((n + block - 1) / block, 1, (from, to) -> {
            int a = from * block;
            int b = (int) Math.min(n, (long) to * block);
            if (!thresholdBackward0(gd, g.offset() + a, yd, y.offset() + a, od, out.offset() + a, b - a)) {
                throw new OutOfMemoryError("threshold_backward: the arrays could not be pinned");
            }
        });
    }

    private static void span(String what, View v, int length, long n) {
        if (v.offset() < 0 || v.offset() + n > length) {
            throw new IllegalArgumentException(what + " " + Arrays.toString(v.shape()) + " at offset " + v.offset()
                    + " does not fit its buffer of " + length + " elements");
        }
    }

    private static native boolean maxPool2x20(float[] x, int xOff, int planes, int h, int w, float[] out, int outOff,
                                              long[] idx, int idxOff);

    private static native boolean thresholdBackward0(float[] g, int gOff, float[] y, int yOff, float[] out,
                                                     int outOff, int n);
}
