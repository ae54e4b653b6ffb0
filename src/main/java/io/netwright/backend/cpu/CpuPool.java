package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.Pool2dGeometry;
import io.netwright.backend.View;

/**
 * 2-D max and average pooling (fixed or adaptive windows) and the average-pooling gradient, with PyTorch's
 * semantics: max pooling treats padding as -inf, picks the first maximum (a NaN replaces the running maximum, as in
 * PyTorch's kernel) and reports {@code h*W + w}; average pooling divides by the window clipped to the padded input
 * when {@code countIncludePad}, else by the number of real input elements. Window bounds along each axis are
 * computed once per output row/column, so the inner loops have no bounds tests.
 */
final class CpuPool {

    private CpuPool() {
    }

    /**
     * Clipped windows along one axis: output {@code o} reads {@code count[o]} inputs from {@code first[o]} in steps
     * of {@code step}; {@code padded[o]} is the window length clipped to the padded input (PyTorch's pool_size).
     */
    private record Windows(int[] first, int[] count, int step, int[] padded) {

        static Windows of(Pool2dGeometry g, boolean rows, boolean dilated) {
            int out = rows ? g.outHeight() : g.outWidth();
            int in = rows ? g.height() : g.width();
            int kernel = rows ? g.kernelH() : g.kernelW();
            int pad = rows ? g.padH() : g.padW();
            int step = g.adaptive() || !dilated ? 1 : (rows ? g.dilationH() : g.dilationW());
            int[] first = new int[out];
            int[] count = new int[out];
            int[] padded = new int[out];
            for (int o = 0; o < out; o++) {
                int start = rows ? g.rowStart(o) : g.colStart(o);
                int end;
                if (g.adaptive()) {
                    end = rows ? g.rowEnd(o) : g.colEnd(o);
                    padded[o] = end - start;
                } else {
                    end = start + (kernel - 1) * step + 1;
                    padded[o] = Math.min(start + kernel, in + pad) - start;
                }
                int s = start;
                while (s < 0) {
                    s += step;
                }
                int e = Math.min(end, in);
                first[o] = s;
                count[o] = s < e ? (e - s + step - 1) / step : 0;
            }
            return new Windows(first, count, step, padded);
        }
    }

    /** Max pooling; {@code nativeKernels} lets contiguous 2x2 pools run {@link NativeOps}'s kernel. */
    static void maxPool2d(CpuParallel par, View x, View out, View indices, Pool2dGeometry g, boolean nativeKernels) {
        int planes = check("maxPool2d", x, out, g);
        CpuChecks.shape("maxPool2d indices", indices, out.shape());
        CpuChecks.dtype("maxPool2d indices", indices, DType.INT64);
        float[] xd = (float[]) CpuChecks.data(x);
        float[] od = (float[]) CpuChecks.data(out);
        long[] id = (long[]) CpuChecks.data(indices);
        if (isTwoByTwo(g) && nativeKernels && NativeOps.handlesMaxPool2x2(x, out, indices, g)) {
            NativeOps.maxPool2x2(par, x, out, indices, g);
            return;
        }
        if (isTwoByTwo(g)) {
            maxPool2x2(par, x, xd, out, od, indices, id, g);
            return;
        }
        Windows wr = Windows.of(g, true, true);
        Windows wc = Windows.of(g, false, true);
        int channels = x.shape()[1];
        int oh = g.outHeight();
        int ow = g.outWidth();
        int width = g.width();
        int[] xs = x.strides();
        int[] os = out.strides();
        int[] is = indices.strides();
        par.forRange(planes * oh, Math.max(1, CpuParallel.GRAIN / (ow * windowArea(g))), (from, to) -> {
            for (int r = from; r < to; r++) {
                int p = r / oh;
                int y = r % oh;
                int n = p / channels;
                int c = p % channels;
                int xPlane = x.offset() + n * xs[0] + c * xs[1];
                int oRow = out.offset() + n * os[0] + c * os[1] + y * os[2];
                int iRow = indices.offset() + n * is[0] + c * is[1] + y * is[2];
                int h0 = wr.first[y];
                int hn = wr.count[y];
                int xStep = wc.step * xs[3];
                for (int q = 0; q < ow; q++) {
                    int w0 = wc.first[q];
                    int wn = wc.count[q];
                    // Branch-free arg-max: value and position packed in one long, compared with Math.max.
                    long best = Long.MIN_VALUE;
                    for (int a = 0, h = h0; a < hn; a++, h += wr.step) {
                        int xi = xPlane + h * xs[2] + w0 * xs[3];
                        int pos = h * width + w0;
                        for (int b = 0; b < wn; b++, pos += wc.step, xi += xStep) {
                            best = Math.max(best, maxKey(xd[xi], pos));
                        }
                    }
                    int hi = (int) (best >>> 32);
                    int lo = (int) best;
                    boolean nan = hi == Integer.MAX_VALUE;
                    od[oRow + q * os[3]] = nan ? Float.NaN : Float.intBitsToFloat(hi ^ ((hi >> 31) & 0x7fffffff));
                    id[iRow + q * is[3]] = nan ? lo : ~lo;
                }
            }
        });
    }

    /** 2x2 windows at stride 2, no padding or dilation, all inside the input (the common CNN down-sampling). */
    private static boolean isTwoByTwo(Pool2dGeometry g) {
        return !g.adaptive() && g.kernelH() == 2 && g.kernelW() == 2 && g.strideH() == 2 && g.strideW() == 2
                && g.padH() == 0 && g.padW() == 0 && g.dilationH() == 1 && g.dilationW() == 1
                && 2 * g.outHeight() <= g.height() && 2 * g.outWidth() <= g.width();
    }

    /**
     * The 2x2 stride-2 special case of {@link #maxPool2d}, with the same semantics (PyTorch's scan: ties keep the first
     * position, the last NaN wins) and no window loops.
     */
    private static void maxPool2x2(CpuParallel par, View x, float[] xd, View out, float[] od, View indices,
                                   long[] id, Pool2dGeometry g) {
        int channels = x.shape()[1];
        int oh = g.outHeight();
        int ow = g.outWidth();
        int width = g.width();
        int[] xs = x.strides();
        int[] os = out.strides();
        int[] is = indices.strides();
        int planes = x.shape()[0] * channels;
        par.forRange(planes * oh, Math.max(1, CpuParallel.GRAIN / (4 * ow)), (from, to) -> {
            for (int r = from; r < to; r++) {
                int p = r / oh;
                int y = r % oh;
                int n = p / channels;
                int c = p % channels;
                int top = x.offset() + n * xs[0] + c * xs[1] + 2 * y * xs[2];
                int bottom = top + xs[2];
                int oRow = out.offset() + n * os[0] + c * os[1] + y * os[2];
                int iRow = indices.offset() + n * is[0] + c * is[1] + y * is[2];
                int pos = 2 * y * width;
                int step = xs[3];
                for (int q = 0; q < ow; q++, pos += 2) {
                    int t = top + 2 * q * step;
                    int u = bottom + 2 * q * step;
                    float v0 = xd[t];
                    float v1 = xd[t + step];
                    float v2 = xd[u];
                    float v3 = xd[u + step];
                    // The NaN-propagating maximum first, then the first position holding it (the last NaN if any):
                    // simple selects, no data-dependent branch chain over the window.
                    float m = Math.max(Math.max(v0, v1), Math.max(v2, v3));
                    int at;
                    if (m != m) {
                        at = v3 != v3 ? pos + width + 1 : v2 != v2 ? pos + width : v1 != v1 ? pos + 1 : pos;
                    } else {
                        int k = v2 == m ? pos + width : pos + width + 1;
                        k = v1 == m ? pos + 1 : k;
                        at = v0 == m ? pos : k;
                    }
                    od[oRow + q * os[3]] = m + 0f;
                    id[iRow + q * is[3]] = at;
                }
            }
        });
    }

    /**
     * Gradient of {@link #maxPool2d}: overwrites {@code gradIn} with {@code gradOut} added at the positions
     * {@code indices} name within each plane (zero elsewhere). Planes run in parallel; within one plane the
     * additions happen in output order, as in PyTorch's kernel.
     */
    static void maxPool2dBackward(CpuParallel par, View gradOut, View indices, View gradIn, Pool2dGeometry g) {
        int planes = check("maxPool2dBackward", gradIn, gradOut, g);
        CpuChecks.shape("maxPool2dBackward indices", indices, gradOut.shape());
        CpuChecks.dtype("maxPool2dBackward indices", indices, DType.INT64);
        float[] gd = (float[]) CpuChecks.data(gradOut);
        long[] id = (long[]) CpuChecks.data(indices);
        float[] xd = (float[]) CpuChecks.data(gradIn);
        int channels = gradIn.shape()[1];
        int oh = g.outHeight();
        int ow = g.outWidth();
        int width = g.width();
        int size = g.height() * width;
        int[] xs = gradIn.strides();
        int[] gs = gradOut.strides();
        int[] is = indices.strides();
        boolean dense = xs[3] == 1 && xs[2] == width;
        par.forRange(planes, Math.max(1, CpuParallel.GRAIN / (2 * size)), (from, to) -> {
            for (int p = from; p < to; p++) {
                int n = p / channels;
                int c = p % channels;
                int xPlane = gradIn.offset() + n * xs[0] + c * xs[1];
                if (dense) {
                    java.util.Arrays.fill(xd, xPlane, xPlane + size, 0f);
                } else {
                    for (int h = 0; h < g.height(); h++) {
                        for (int w = 0; w < width; w++) {
                            xd[xPlane + h * xs[2] + w * xs[3]] = 0f;
                        }
                    }
                }
                for (int y = 0; y < oh; y++) {
                    int gRow = gradOut.offset() + n * gs[0] + c * gs[1] + y * gs[2];
                    int iRow = indices.offset() + n * is[0] + c * is[1] + y * is[2];
                    for (int q = 0; q < ow; q++) {
                        long at = id[iRow + q * is[3]];
                        if (at < 0 || at >= size) {
                            throw new IndexOutOfBoundsException("maxPool2dBackward: index " + at + " is out of "
                                    + "bounds for a " + g.height() + "x" + width + " plane (valid: 0.." + (size - 1)
                                    + ")");
                        }
                        int a = (int) at;
                        int xi = dense ? xPlane + a : xPlane + (a / width) * xs[2] + (a % width) * xs[3];
                        xd[xi] += gd[gRow + q * gs[3]];
                    }
                }
            }
        });
    }

    /**
     * Orders (value, position) pairs as max pooling must pick them: larger values win, NaN beats everything (and the
     * last NaN wins, as in PyTorch's kernel), equal values keep the first position. The value is mapped to an int
     * with the same order (sign-magnitude to two's complement), -0 counting as +0.
     */
    static long maxKey(float v, int pos) {
        if (v != v) {
            return ((long) Integer.MAX_VALUE << 32) | (pos & 0xffffffffL);
        }
        int bits = Float.floatToRawIntBits(v + 0.0f);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) sortable << 32) | (~pos & 0xffffffffL);
    }

    static void avgPool2d(CpuParallel par, View x, View out, Pool2dGeometry g) {
        int planes = check("avgPool2d", x, out, g);
        float[] xd = (float[]) CpuChecks.data(x);
        float[] od = (float[]) CpuChecks.data(out);
        Windows wr = Windows.of(g, true, false);
        Windows wc = Windows.of(g, false, false);
        int channels = x.shape()[1];
        int oh = g.outHeight();
        int ow = g.outWidth();
        int[] xs = x.strides();
        int[] os = out.strides();
        par.forRange(planes * oh, Math.max(1, CpuParallel.GRAIN / (ow * windowArea(g))), (from, to) -> {
            for (int r = from; r < to; r++) {
                int p = r / oh;
                int y = r % oh;
                int n = p / channels;
                int c = p % channels;
                int xPlane = x.offset() + n * xs[0] + c * xs[1];
                int oRow = out.offset() + n * os[0] + c * os[1] + y * os[2];
                for (int q = 0; q < ow; q++) {
                    int hn = wr.count[y];
                    int wn = wc.count[q];
                    if (hn == 0 || wn == 0) {
                        od[oRow + q * os[3]] = 0f;
                        continue;
                    }
                    double sum = 0;
                    for (int a = 0; a < hn; a++) {
                        int xi = xPlane + (wr.first[y] + a) * xs[2] + wc.first[q] * xs[3];
                        for (int b = 0; b < wn; b++, xi += xs[3]) {
                            sum += xd[xi];
                        }
                    }
                    od[oRow + q * os[3]] = (float) (sum / divisor(g, wr, wc, y, q));
                }
            }
        });
    }

    static void avgPool2dBackward(CpuParallel par, View gradOut, View gradIn, Pool2dGeometry g) {
        int planes = check("avgPool2dBackward", gradIn, gradOut, g);
        float[] gd = (float[]) CpuChecks.data(gradOut);
        float[] id = (float[]) CpuChecks.data(gradIn);
        Windows wr = Windows.of(g, true, false);
        Windows wc = Windows.of(g, false, false);
        int channels = gradIn.shape()[1];
        int oh = g.outHeight();
        int ow = g.outWidth();
        int[] is = gradIn.strides();
        int[] gs = gradOut.strides();
        par.forRange(planes, Math.max(1, CpuParallel.GRAIN / (oh * ow * windowArea(g))), (from, to) -> {
            for (int p = from; p < to; p++) {
                int n = p / channels;
                int c = p % channels;
                int iPlane = gradIn.offset() + n * is[0] + c * is[1];
                int gPlane = gradOut.offset() + n * gs[0] + c * gs[1];
                for (int y = 0; y < oh; y++) {
                    for (int q = 0; q < ow; q++) {
                        int hn = wr.count[y];
                        int wn = wc.count[q];
                        if (hn == 0 || wn == 0) {
                            continue;
                        }
                        float v = (float) (gd[gPlane + y * gs[2] + q * gs[3]] / divisor(g, wr, wc, y, q));
                        for (int a = 0; a < hn; a++) {
                            int ii = iPlane + (wr.first[y] + a) * is[2] + wc.first[q] * is[3];
                            for (int b = 0; b < wn; b++, ii += is[3]) {
                                id[ii] += v;
                            }
                        }
                    }
                }
            }
        });
    }

    /** Elements per window (an estimate for adaptive windows), for sizing parallel chunks. */
    private static int windowArea(Pool2dGeometry g) {
        if (g.adaptive()) {
            return Math.max(1, (g.height() / g.outHeight() + 1) * (g.width() / g.outWidth() + 1));
        }
        return Math.max(1, g.kernelH() * g.kernelW());
    }

    private static double divisor(Pool2dGeometry g, Windows wr, Windows wc, int y, int q) {
        if (g.countIncludePad() && !g.adaptive()) {
            return (double) wr.padded[y] * wc.padded[q];
        }
        return (double) wr.count[y] * wc.count[q];
    }

    /** Checks shapes and returns the number of (image, channel) planes. */
    private static int check(String op, View x, View out, Pool2dGeometry g) {
        CpuChecks.rank(op + " input", x, 4);
        CpuChecks.dtype(op + " input", x, DType.FLOAT32);
        CpuChecks.dtype(op + " output", out, DType.FLOAT32);
        if (!g.adaptive() && (g.kernelH() <= 0 || g.kernelW() <= 0 || g.strideH() <= 0 || g.strideW() <= 0
                || g.dilationH() <= 0 || g.dilationW() <= 0)) {
            throw new IllegalArgumentException(op + ": kernel, stride and dilation must be positive, got " + g);
        }
        CpuChecks.shape(op + " input", x, x.shape()[0], x.shape()[1], g.height(), g.width());
        CpuChecks.shape(op + " output", out, x.shape()[0], x.shape()[1], g.outHeight(), g.outWidth());
        return x.shape()[0] * x.shape()[1];
    }
}
