package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.Pool2dGeometry;
import io.netwright.backend.View;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.netwright.backend.cpu.CpuTestSupport.assertClose;
import static io.netwright.backend.cpu.CpuTestSupport.floats;
import static io.netwright.backend.cpu.CpuTestSupport.strided;
import static io.netwright.backend.cpu.CpuTestSupport.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected values were produced with PyTorch 1.13 ({@code F.max_pool2d}, {@code F.avg_pool2d}, adaptive pools). */
class CpuPoolTest {

    private static final CpuBackend B = CpuTestSupport.backend(2);
    private static final float[] X = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8,
        3, 2, 7, 9, 5, 0, 2, 8};
    private static final int[] SHAPE = {1, 1, 5, 7};

    @AfterAll
    static void close() {
        B.close();
    }

    private static Pool2dGeometry fixed(boolean includePad) {
        // kernel 3x2, stride 2x3, padding 1x1, dilation 1x2 (dilation only affects max pooling)
        return new Pool2dGeometry(5, 7, 3, 3, 3, 2, 2, 3, 1, 1, 1, 2, includePad, false);
    }

    @Test
    void maxPoolMatchesPyTorchWithPaddingAndDilation() {
        View out = zeros(B, DType.FLOAT32, 1, 1, 3, 3);
        View idx = zeros(B, DType.INT64, 1, 1, 3, 3);
        B.maxPool2d(strided(B, DType.FLOAT32, X, SHAPE, 1), out, idx, fixed(false));
        assertArrayEquals(new float[] {5, 8, 9, 6, 8, 9, 7, 9, 8}, B.copyOutFloat(out));
        assertArrayEquals(new long[] {8, 11, 5, 22, 11, 12, 29, 30, 26}, B.copyOutLong(idx));
    }

    @Test
    void adaptivePoolsMatchPyTorch() {
        View out = zeros(B, DType.FLOAT32, 1, 1, 3, 4);
        B.avgPool2d(floats(B, X, SHAPE), out,
                new Pool2dGeometry(5, 7, 3, 4, 0, 0, 0, 0, 0, 0, 1, 1, false, true));
        assertClose(new float[] {3.75f, 3.1666667f, 6.1666665f, 6.75f, 5.1666665f, 3.7777777f, 5.6666665f,
            6.1666665f, 4.25f, 5.6666665f, 3.5f, 5.25f}, B.copyOutFloat(out), 1e-6, "adaptive avg");
        View mo = zeros(B, DType.FLOAT32, 1, 1, 2, 3);
        View mi = zeros(B, DType.INT64, 1, 1, 2, 3);
        B.maxPool2d(floats(B, X, SHAPE), mo, mi, new Pool2dGeometry(5, 7, 2, 3, 0, 0, 0, 0, 0, 0, 1, 1, false, true));
        assertArrayEquals(new float[] {9, 8, 9, 9, 9, 8}, B.copyOutFloat(mo));
        assertArrayEquals(new long[] {14, 11, 5, 14, 30, 18}, B.copyOutLong(mi));
    }

    @Test
    void avgPoolCountIncludePadMatchesPyTorch() {
        View out = strided(B, DType.FLOAT32, new float[9], new int[] {1, 1, 3, 3}, 2);
        B.avgPool2d(floats(B, X, SHAPE), out, fixed(true));
        assertClose(new float[] {1.5f, 2.1666667f, 4.5f, 2.8333333f, 3.3333333f, 6.1666665f, 0.6666667f, 3.5f, 3.5f},
                B.copyOutFloat(out), 1e-6, "count_include_pad=True");
        B.avgPool2d(floats(B, X, SHAPE), out, fixed(false));
        assertClose(new float[] {4.5f, 3.25f, 6.75f, 5.6666665f, 3.3333333f, 6.1666665f, 2f, 5.25f, 5.25f},
                B.copyOutFloat(out), 1e-6, "count_include_pad=False");
    }

    @Test
    void maxPoolTiesPickFirstAndNanWinsAsInPyTorch() {
        View x = floats(B, new float[] {2, 2, 1, Float.NEGATIVE_INFINITY, 1, Float.NaN, 3, Float.NaN}, 1, 2, 1, 4);
        Pool2dGeometry g = new Pool2dGeometry(1, 4, 1, 1, 1, 4, 1, 4, 0, 0, 1, 1, false, false);
        View out = zeros(B, DType.FLOAT32, 1, 2, 1, 1);
        View idx = zeros(B, DType.INT64, 1, 2, 1, 1);
        B.maxPool2d(x, out, idx, g);
        float[] v = B.copyOutFloat(out);
        assertEquals(2f, v[0]);
        assertEquals(Float.NaN, v[1]);
        // PyTorch's kernel lets every NaN replace the running maximum, so the last NaN's index is reported.
        assertArrayEquals(new long[] {0, 3}, B.copyOutLong(idx));
    }

    @Test
    void avgPoolBackwardIsTheAdjointOfAvgPool() {
        Random r = new Random(5);
        Pool2dGeometry[] gs = {fixed(true), fixed(false),
            new Pool2dGeometry(5, 7, 3, 4, 0, 0, 0, 0, 0, 0, 1, 1, false, true)};
        for (Pool2dGeometry g : gs) {
            int[] outShape = {2, 3, g.outHeight(), g.outWidth()};
            int[] inShape = {2, 3, 5, 7};
            float[] x = CpuTestSupport.randomFloats(r, CpuTestSupport.numel(inShape));
            float[] go = CpuTestSupport.randomFloats(r, CpuTestSupport.numel(outShape));
            View y = zeros(B, DType.FLOAT32, outShape);
            B.avgPool2d(floats(B, x, inShape), y, g);
            float[] base = CpuTestSupport.randomFloats(r, x.length);
            View gi = strided(B, DType.FLOAT32, base, inShape, 3);
            B.avgPool2dBackward(strided(B, DType.FLOAT32, go, outShape, 4), gi, g);
            float[] grad = B.copyOutFloat(gi);
            double lhs = 0;
            double rhs = 0;
            float[] yv = B.copyOutFloat(y);
            for (int i = 0; i < yv.length; i++) {
                lhs += (double) yv[i] * go[i];
            }
            for (int i = 0; i < x.length; i++) {
                rhs += (double) x[i] * (grad[i] - base[i]);
            }
            assertEquals(lhs, rhs, 1e-4, g.toString());
        }
    }

    @Test
    void largePoolingIsIndependentOfThreadCount() {
        float[] x = CpuTestSupport.randomFloats(new Random(6), 8 * 16 * 32 * 32);
        Pool2dGeometry g = new Pool2dGeometry(32, 32, 16, 16, 3, 3, 2, 2, 1, 1, 1, 1, true, false);
        float[][] res = new float[2][];
        long[][] ind = new long[2][];
        int[] threads = {1, 4};
        for (int t = 0; t < 2; t++) {
            try (CpuBackend be = CpuTestSupport.backend(threads[t])) {
                View out = zeros(be, DType.FLOAT32, 8, 16, 16, 16);
                View idx = zeros(be, DType.INT64, 8, 16, 16, 16);
                be.maxPool2d(floats(be, x, 8, 16, 32, 32), out, idx, g);
                res[t] = be.copyOutFloat(out);
                ind[t] = be.copyOutLong(idx);
            }
        }
        assertArrayEquals(res[0], res[1]);
        assertArrayEquals(ind[0], ind[1]);
    }

    @Test
    void twoByTwoPoolingAndItsGradientMatchTheReferenceScan() {
        // Odd sizes (the last row/column is dropped), ties, -inf and NaNs exercise PyTorch's scan order; the wide rows
        // fill whole 16-output vectors of the AVX-512 kernel (NaN-free ones take its vector path) plus a masked tail.
        checkTwoByTwo(3, 5, 7, 9, 20, 9);
        checkTwoByTwo(2, 3, 6, 71, 400, 10);
        checkTwoByTwo(2, 2, 5, 64, Integer.MAX_VALUE, 11);
    }

    /** One NaN in about {@code nanOdds} inputs (none at {@code Integer.MAX_VALUE}). */
    private static void checkTwoByTwo(int n, int c, int h, int w, int nanOdds, long seed) {
        int oh = h / 2;
        int ow = w / 2;
        int on = oh * ow;
        Random r = new Random(seed);
        float[] x = new float[n * c * h * w];
        for (int i = 0; i < x.length; i++) {
            int k = r.nextInt(20);
            x[i] = nanOdds != Integer.MAX_VALUE && r.nextInt(nanOdds) == 0 ? Float.NaN
                    : k == 1 ? Float.NEGATIVE_INFINITY : k < 6 ? 1f : r.nextInt(4);
        }
        Pool2dGeometry g = new Pool2dGeometry(h, w, oh, ow, 2, 2, 2, 2, 0, 0, 1, 1, false, false);
        float[] go = CpuTestSupport.randomFloats(r, n * c * on);
        float[] expOut = new float[n * c * on];
        long[] expIdx = new long[n * c * on];
        float[] expGrad = new float[x.length];
        for (int p = 0; p < n * c; p++) {
            for (int y = 0; y < oh; y++) {
                for (int q = 0; q < ow; q++) {
                    float m = Float.NEGATIVE_INFINITY;
                    long at = 2L * y * w + 2L * q;
                    for (int a = 0; a < 2; a++) {
                        for (int b = 0; b < 2; b++) {
                            int pos = (2 * y + a) * w + 2 * q + b;
                            float v = x[p * h * w + pos];
                            if (v > m || Float.isNaN(v)) {
                                m = v;
                                at = pos;
                            }
                        }
                    }
                    int o = p * on + y * ow + q;
                    expOut[o] = m;
                    expIdx[o] = at;
                    expGrad[p * h * w + (int) at] += go[o];
                }
            }
        }
        for (int run = 0; run < 4; run++) {
            int threads = 1 + run % 2;
            boolean contiguous = run >= 2; // strided input: the Java kernel; contiguous: the native one where built
            try (CpuBackend be = CpuTestSupport.backend(threads)) {
                View out = zeros(be, DType.FLOAT32, n, c, oh, ow);
                View idx = zeros(be, DType.INT64, n, c, oh, ow);
                be.maxPool2d(contiguous ? floats(be, x, n, c, h, w)
                        : strided(be, DType.FLOAT32, x, new int[] {n, c, h, w}, 1), out, idx, g);
                assertArrayEquals(expOut, be.copyOutFloat(out), w + " wide");
                assertArrayEquals(expIdx, be.copyOutLong(idx), w + " wide");
                View gi = floats(be, CpuTestSupport.randomFloats(r, x.length), n, c, h, w);
                be.maxPool2dBackward(floats(be, go, n, c, oh, ow), idx, gi, g);
                assertArrayEquals(expGrad, be.copyOutFloat(gi), 0f, "gradient overwrites and adds at the indices");
            }
        }
    }
}
