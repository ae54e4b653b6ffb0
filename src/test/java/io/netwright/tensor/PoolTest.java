package io.netwright.tensor;

import static io.netwright.tensor.CnnTestSupport.assertClose;
import static io.netwright.tensor.CnnTestSupport.assertShape;
import static io.netwright.tensor.CnnTestSupport.distinct;
import static io.netwright.tensor.CnnTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.backend.DType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Max, average and adaptive pooling against direct loops, PyTorch's size rules, gradients and errors. */
class PoolTest {

    /** A pooling case: input [n, c, h, w], (h, w) kernel, stride, padding, dilation and ceil mode. */
    record Pool(int n, int c, int h, int w, int[] k, int[] s, int[] p, int[] d, boolean ceil) {
        int oh() {
            return (int) WindowRules.outputSize(h, k[0], s[0], p[0], p[0], d[0], ceil);
        }

        int ow() {
            return (int) WindowRules.outputSize(w, k[1], s[1], p[1], p[1], d[1], ceil);
        }
    }

    private static int[] hw(int a, int b) {
        return new int[]{a, b};
    }

    static Stream<Arguments> maxCases() {
        return Stream.of(
                new Pool(2, 3, 7, 6, hw(3, 2), hw(2, 2), hw(1, 0), hw(1, 1), true),
                new Pool(1, 2, 9, 10, hw(3, 3), hw(2, 3), hw(1, 1), hw(2, 2), false),
                new Pool(1, 1, 5, 5, hw(2, 2), hw(2, 2), hw(0, 0), hw(1, 1), true),
                new Pool(2, 2, 8, 7, hw(2, 3), hw(2, 3), hw(1, 1), hw(1, 1), true),
                new Pool(1, 2, 3, 3, hw(2, 2), hw(2, 2), hw(1, 1), hw(1, 1), true)
        ).map(Arguments::of);
    }

    // ================================================================ direct loops

    /** Values then indices ({@code h*W + w}, as float) of direct max pooling; the first maximum wins. */
    static float[][] naiveMax(float[] x, Pool k) {
        int oh = k.oh();
        int ow = k.ow();
        float[] v = new float[k.n * k.c * oh * ow];
        float[] idx = new float[v.length];
        for (int plane = 0; plane < k.n * k.c; plane++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    float best = Float.NEGATIVE_INFINITY;
                    int at = -1;
                    for (int i = 0; i < k.k[0]; i++) {
                        int iy = y * k.s[0] - k.p[0] + i * k.d[0];
                        for (int j = 0; j < k.k[1]; j++) {
                            int ix = xx * k.s[1] - k.p[1] + j * k.d[1];
                            if (iy >= 0 && iy < k.h && ix >= 0 && ix < k.w) {
                                float val = x[(plane * k.h + iy) * k.w + ix];
                                if (val > best) {
                                    best = val;
                                    at = iy * k.w + ix;
                                }
                            }
                        }
                    }
                    int o = (plane * oh + y) * ow + xx;
                    v[o] = best;
                    idx[o] = at;
                }
            }
        }
        return new float[][]{v, idx};
    }

    /** Direct average pooling with PyTorch's divisor rule (window clipped to the padded input). */
    static float[] naiveAvg(float[] x, Pool k, boolean countIncludePad) {
        int oh = k.oh();
        int ow = k.ow();
        float[] out = new float[k.n * k.c * oh * ow];
        for (int plane = 0; plane < k.n * k.c; plane++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int hs = y * k.s[0] - k.p[0];
                    int ws = xx * k.s[1] - k.p[1];
                    int he = Math.min(hs + k.k[0], k.h + k.p[0]);
                    int we = Math.min(ws + k.k[1], k.w + k.p[1]);
                    int poolSize = (he - hs) * (we - ws);
                    hs = Math.max(hs, 0);
                    ws = Math.max(ws, 0);
                    he = Math.min(he, k.h);
                    we = Math.min(we, k.w);
                    double sum = 0;
                    for (int i = hs; i < he; i++) {
                        for (int j = ws; j < we; j++) {
                            sum += x[(plane * k.h + i) * k.w + j];
                        }
                    }
                    out[(plane * oh + y) * ow + xx] = (float) (sum / (countIncludePad ? poolSize
                            : (he - hs) * (we - ws)));
                }
            }
        }
        return out;
    }

    /** Direct adaptive pooling: average or max over {@code [floor(i*H/O), ceil((i+1)*H/O))}. */
    static float[] naiveAdaptive(float[] x, int planes, int h, int w, int oh, int ow, boolean max) {
        float[] out = new float[planes * oh * ow];
        for (int plane = 0; plane < planes; plane++) {
            for (int i = 0; i < oh; i++) {
                int hs = Math.floorDiv(i * h, oh);
                int he = -Math.floorDiv(-(i + 1) * h, oh);
                for (int j = 0; j < ow; j++) {
                    int ws = Math.floorDiv(j * w, ow);
                    int we = -Math.floorDiv(-(j + 1) * w, ow);
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    for (int a = hs; a < he; a++) {
                        for (int b = ws; b < we; b++) {
                            float v = x[(plane * h + a) * w + b];
                            acc = max ? Math.max(acc, v) : acc + v;
                        }
                    }
                    out[(plane * oh + i) * ow + j] = (float) (max ? acc : acc / ((he - hs) * (we - ws)));
                }
            }
        }
        return out;
    }

    // ================================================================ output size

    @ParameterizedTest(name = "in={0} k={1} s={2} p={3} d={4} ceil={5} -> {6}")
    @CsvSource({
        // expected values from torch 1.13 F.max_pool2d
        "5, 2, 2, 0, 1, true, 3",
        "5, 2, 2, 0, 1, false, 2",
        "4, 2, 2, 1, 1, true, 3",
        "6, 3, 2, 1, 1, true, 4",
        "7, 3, 3, 1, 1, true, 3",
        "10, 3, 2, 0, 2, true, 4",
        "8, 4, 3, 2, 1, true, 4",
        // the last window would start in the right padding: ceil mode drops it
        "3, 2, 2, 1, 1, true, 2",
        "1, 2, 2, 1, 1, true, 1"
    })
    void outputSizeFollowsPyTorchsRuleIncludingCeilMode(int in, int k, int s, int p, int d, boolean ceil,
                                                        int expected) {
        assertEquals(expected, WindowRules.outputSize(in, k, s, p, p, d, ceil));
        Tensor y = Cnn.maxPool2d(Tensor.zeros(1, 1, in, in), new int[]{k}, new int[]{s}, new int[]{p}, new int[]{d},
                ceil);
        assertShape(y, 1, 1, expected, expected);
    }

    // ================================================================ max

    @ParameterizedTest
    @MethodSource("maxCases")
    void maxPool2dMatchesDirectLoopsWithIndices(Pool k) {
        Tensor x = distinct(40, k.n, k.c, k.h, k.w);
        ValuesIndices r = Cnn.maxPool2dWithIndices(x, k.k, k.s, k.p, k.d, k.ceil);
        float[][] ref = naiveMax(x.toFloatArray(), k);
        assertShape(r.values(), k.n, k.c, k.oh(), k.ow());
        assertEquals(DType.INT64, r.indices().dtype());
        assertClose(ref[0], r.values().toFloatArray(), 0);
        assertClose(ref[1], r.indices().toFloatArray(), 0);
        GradCheck.check(in -> Cnn.maxPool2d(in[0], k.k, k.s, k.p, k.d, k.ceil), x);
    }

    @Test
    void maxPool2dGradientAccumulatesWhereWindowsOverlap() {
        // 3x3 windows with stride 1 over a ramp: the bottom-right element of each window is its max.
        Tensor x = Tensor.arange(0.0, 16.0, 1.0).reshape(1, 1, 4, 4).requiresGrad_();
        Cnn.maxPool2d(x, new int[]{3}, new int[]{1}, new int[]{1}, new int[]{1}, false).sum().backward();
        // With padding 1 the output is 4x4; element (i, j) is the max of windows centred at (i-1..i+1, j-1..j+1)
        // clipped; the count of windows whose max it is:
        float[] expected = {
            0, 0, 0, 0,
            0, 1, 1, 2,
            0, 1, 1, 2,
            0, 2, 2, 4};
        assertClose(expected, x.grad().toFloatArray(), 0);
    }

    @Test
    void maxPool2dDefaultsStrideToKernelAndAcceptsUnbatchedInput() {
        Tensor x = distinct(41, 3, 6, 4);
        Tensor a = Cnn.maxPool2d(x, 2);
        assertShape(a, 3, 3, 2);
        Tensor b = Cnn.maxPool2d(x.unsqueeze(0), new int[]{2, 2}, new int[0], new int[]{0}, new int[]{1}, false);
        assertClose(b.toFloatArray(), a.toFloatArray(), 0);
        ValuesIndices r = Cnn.maxPool2dWithIndices(x, new int[]{2}, null, new int[]{0}, new int[]{1}, false);
        assertShape(r.indices(), 3, 3, 2);
    }

    @Test
    void poolingAndResizeAcceptBroadcastUpstreamGradients() {
        // sum().backward() hands each op a 0-stride gradient view.
        Tensor x = distinct(44, 2, 2, 5, 6).requiresGrad_();
        Cnn.maxPool2d(x, new int[]{2}, new int[]{1}, new int[]{1}, new int[]{1}, true).sum().backward();
        Tensor gMax = x.grad();
        x.zeroGrad();
        Cnn.maxPool2d(x, new int[]{2}, new int[]{1}, new int[]{1}, new int[]{1}, true)
                .mul(Tensor.onesLike(Tensor.zeros(2, 2, 6, 7))).sum().backward();
        assertClose(x.grad().toFloatArray(), gMax.toFloatArray(), 0);
        x.zeroGrad();
        Cnn.avgPool2d(x, new int[]{3}, new int[]{2}, new int[]{1}, true, false).sum().backward();
        float total = 0;
        for (float v : x.grad().toFloatArray()) {
            total += v;
        }
        // Every output's weights sum to 1: the gradient sums to the number of outputs, 2*2 planes of 3x4.
        assertEquals(48, total, 1e-4);
        x.zeroGrad();
        Cnn.interpolate(x, 9, 4, "bilinear", false).sum().backward();
        total = 0;
        for (float v : x.grad().toFloatArray()) {
            total += v;
        }
        assertEquals(2 * 2 * 9 * 4, total, 1e-3);
    }

    // ================================================================ average

    @ParameterizedTest
    @MethodSource("maxCases")
    void avgPool2dMatchesDirectLoopsBothDivisorRules(Pool m) {
        Pool k = new Pool(m.n, m.c, m.h, m.w, m.k, m.s, m.p, hw(1, 1), m.ceil);
        Tensor x = random(42, k.n, k.c, k.h, k.w);
        for (boolean include : new boolean[]{true, false}) {
            Tensor y = Cnn.avgPool2d(x, k.k, k.s, k.p, k.ceil, include);
            assertShape(y, k.n, k.c, k.oh(), k.ow());
            assertClose(naiveAvg(x.toFloatArray(), k, include), y.toFloatArray(), 1e-6);
            GradCheck.check(in -> Cnn.avgPool2d(in[0], k.k, k.s, k.p, k.ceil, include), x);
        }
    }

    @Test
    void avgPool2dMatchesPyTorchValuesWithCeilModeAndPadding() {
        // torch 1.13: F.avg_pool2d(arange(25).view(1,1,5,5), 3, 2, 1, ceil_mode=True, count_include_pad=...)
        Tensor x = Tensor.arange(0.0, 25.0, 1.0).reshape(1, 1, 5, 5);
        assertClose(new float[]{1.3333334f, 3, 2.6666667f, 7, 12, 9, 8, 13, 9.333333f},
                Cnn.avgPool2d(x, new int[]{3}, new int[]{2}, new int[]{1}, true, true).toFloatArray(), 1e-6);
        assertClose(new float[]{3, 4.5f, 6, 10.5f, 12, 13.5f, 18, 19.5f, 21},
                Cnn.avgPool2d(x, new int[]{3}, new int[]{2}, new int[]{1}, true, false).toFloatArray(), 1e-6);
    }

    // ================================================================ adaptive

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({"5, 7, 3, 4", "6, 6, 3, 3", "4, 5, 4, 5", "3, 2, 5, 4", "7, 9, 1, 1"})
    void adaptivePoolingMatchesDirectLoops(int h, int w, int oh, int ow) {
        Tensor x = distinct(43, 2, 3, h, w);
        Tensor avg = Cnn.adaptiveAvgPool2d(x, oh, ow);
        assertShape(avg, 2, 3, oh, ow);
        assertClose(naiveAdaptive(x.toFloatArray(), 6, h, w, oh, ow, false), avg.toFloatArray(), 1e-6);
        ValuesIndices max = Cnn.adaptiveMaxPool2dWithIndices(x, oh, ow);
        assertClose(naiveAdaptive(x.toFloatArray(), 6, h, w, oh, ow, true), max.values().toFloatArray(), 0);
        long[] idx = max.indices().toLongArray();
        float[] xs = x.toFloatArray();
        float[] vs = max.values().toFloatArray();
        for (int i = 0; i < idx.length; i++) {
            assertEquals(vs[i], xs[(i / (oh * ow)) * h * w + (int) idx[i]], "index " + i + " points at its max");
        }
        GradCheck.check(in -> Cnn.adaptiveAvgPool2d(in[0], oh, ow), x);
        GradCheck.check(in -> Cnn.adaptiveMaxPool2d(in[0], oh, ow), x);
    }

    @Test
    void adaptiveAvgPoolMatchesPyTorchValues() {
        // torch 1.13: F.adaptive_avg_pool2d(arange(35).view(1,1,5,7), (3,4))
        Tensor x = Tensor.arange(0.0, 35.0, 1.0).reshape(1, 1, 5, 7);
        assertClose(new float[]{4, 5.5f, 7.5f, 9, 14.5f, 16, 18, 19.5f, 25, 26.5f, 28.5f, 30},
                Cnn.adaptiveAvgPool2d(x, 3, 4).toFloatArray(), 1e-6);
        assertShape(Cnn.adaptiveAvgPool2d(x.reshape(1, 5, 7), 1, 1), 1, 1, 1);
    }

    // ================================================================ errors

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void poolingErrorsFollowPyTorch() {
        Tensor x = Tensor.zeros(1, 1, 5, 5);
        String m = error(() -> Cnn.maxPool2d(x, new int[]{3}, new int[]{1}, new int[]{2}, new int[]{1}, false));
        assertTrue(m.startsWith("max_pool2d: padding 2 is more than half the kernel size 3 — use padding <= 1"), m);
        assertTrue(m.contains("pad should be at most half of kernel size, but got pad=2 and kernel_size=3"), m);
        m = error(() -> Cnn.avgPool2d(x, new int[]{3, 5}, new int[]{1}, new int[]{1, 3}, false, true));
        assertTrue(m.startsWith("avg_pool2d: padding 3 is more than half the kernel size 5 — use padding <= 2"), m);
        assertTrue(m.contains("pad should be at most half of kernel size, but got pad=3 and kernel_size=5"), m);
        m = error(() -> Cnn.maxPool2d(Tensor.zeros(1, 1, 2, 2), 3));
        assertTrue(m.contains("Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too "
                + "small"), m);
        m = error(() -> Cnn.maxPool2d(x, 0));
        assertTrue(m.contains("kernel size should be greater than zero"), m);
        m = error(() -> Cnn.maxPool2d(Tensor.zeros(5, 5), 2));
        assertTrue(m.contains("Expected 3D (unbatched) or 4D (batched) input"), m);
        m = error(() -> Cnn.adaptiveAvgPool2d(x, 0, 2));
        assertTrue(m.contains("output size must be positive"), m);
        m = error(() -> Cnn.maxPool2d(Tensor.zeros(1, 1, 0, 5), 1));
        assertTrue(m.contains("non-zero size for non-batch dimensions"), m);
        assertArrayEquals(new int[]{1, 1, 2, 2}, Cnn.maxPool2d(x, 2).sizes());
    }
}
