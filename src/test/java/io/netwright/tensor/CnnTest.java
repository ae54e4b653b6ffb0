package io.netwright.tensor;

import static io.netwright.tensor.CnnTestSupport.assertClose;
import static io.netwright.tensor.CnnTestSupport.assertShape;
import static io.netwright.tensor.CnnTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** conv2d and conv_transpose2d against direct loops, finite-difference gradients, shape rules and errors. */
class CnnTest {

    /** One convolution case: input [n, c, h, w], weight [oc, c/groups, kh, kw], (h, w) hyper-parameters. */
    record Conv(int n, int c, int h, int w, int oc, int kh, int kw, int[] s, int[] p, int[] d, int groups,
                boolean bias) {
        int oh() {
            return (h + 2 * p[0] - d[0] * (kh - 1) - 1) / s[0] + 1;
        }

        int ow() {
            return (w + 2 * p[1] - d[1] * (kw - 1) - 1) / s[1] + 1;
        }

        @Override
        public String toString() {
            return "x[" + n + "," + c + "," + h + "," + w + "] w[" + oc + "," + (c / groups) + "," + kh + "," + kw
                    + "] s" + java.util.Arrays.toString(s) + " p" + java.util.Arrays.toString(p) + " d"
                    + java.util.Arrays.toString(d) + " g" + groups + (bias ? " +bias" : "");
        }
    }

    private static int[] hw(int a, int b) {
        return new int[]{a, b};
    }

    static Stream<Arguments> forwardCases() {
        return Stream.of(
                new Conv(1, 1, 5, 5, 1, 3, 3, hw(1, 1), hw(0, 0), hw(1, 1), 1, false),
                new Conv(2, 3, 7, 9, 4, 3, 2, hw(2, 1), hw(1, 2), hw(1, 2), 1, true),
                new Conv(3, 4, 8, 6, 6, 3, 3, hw(1, 2), hw(1, 0), hw(2, 1), 2, true),
                new Conv(2, 4, 6, 6, 8, 3, 3, hw(1, 1), hw(1, 1), hw(1, 1), 4, true),
                new Conv(1, 6, 14, 14, 16, 5, 5, hw(1, 1), hw(0, 0), hw(1, 1), 1, true),
                new Conv(4, 2, 5, 4, 3, 5, 4, hw(3, 3), hw(2, 2), hw(1, 1), 1, true),
                new Conv(2, 6, 9, 7, 3, 1, 1, hw(2, 3), hw(0, 0), hw(1, 1), 3, false)
        ).map(Arguments::of);
    }

    static Stream<Arguments> gradCases() {
        return Stream.of(
                new Conv(2, 3, 5, 6, 2, 3, 2, hw(2, 1), hw(1, 2), hw(1, 2), 1, true),
                new Conv(2, 4, 6, 5, 4, 3, 3, hw(1, 2), hw(1, 1), hw(2, 1), 2, true),
                new Conv(1, 2, 4, 4, 3, 2, 2, hw(1, 1), hw(0, 0), hw(1, 1), 1, false)
        ).map(Arguments::of);
    }

    // ================================================================ direct loops

    /** Direct cross-correlation, accumulated in double. */
    static float[] naiveConv(float[] x, float[] wt, float[] b, Conv k) {
        int cg = k.c / k.groups;
        int ocg = k.oc / k.groups;
        int oh = k.oh();
        int ow = k.ow();
        float[] out = new float[k.n * k.oc * oh * ow];
        for (int n = 0; n < k.n; n++) {
            for (int o = 0; o < k.oc; o++) {
                int g = o / ocg;
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        double sum = b == null ? 0 : b[o];
                        for (int ci = 0; ci < cg; ci++) {
                            int cin = g * cg + ci;
                            for (int i = 0; i < k.kh; i++) {
                                int iy = y * k.s[0] - k.p[0] + i * k.d[0];
                                for (int j = 0; j < k.kw; j++) {
                                    int ix = xx * k.s[1] - k.p[1] + j * k.d[1];
                                    if (iy >= 0 && iy < k.h && ix >= 0 && ix < k.w) {
                                        sum += (double) x[((n * k.c + cin) * k.h + iy) * k.w + ix]
                                                * wt[((o * cg + ci) * k.kh + i) * k.kw + j];
                                    }
                                }
                            }
                        }
                        out[((n * k.oc + o) * oh + y) * ow + xx] = (float) sum;
                    }
                }
            }
        }
        return out;
    }

    private static Tensor convOf(Tensor x, Tensor w, Tensor b, Conv k) {
        return Cnn.conv2d(x, w, b, k.s, k.p, k.d, k.groups);
    }

    // ================================================================ conv2d forward

    @ParameterizedTest(name = "{0}")
    @MethodSource("forwardCases")
    void conv2dMatchesDirectLoops(Conv k) {
        Tensor x = random(1, k.n, k.c, k.h, k.w);
        Tensor w = random(2, k.oc, k.c / k.groups, k.kh, k.kw);
        Tensor b = k.bias ? random(3, k.oc) : null;
        Tensor y = convOf(x, w, b, k);
        assertShape(y, k.n, k.oc, k.oh(), k.ow());
        assertClose(naiveConv(x.toFloatArray(), w.toFloatArray(), b == null ? null : b.toFloatArray(), k),
                y.toFloatArray(), 1e-5);
    }

    @Test
    void conv2dOutputShapesFollowTheFormula() {
        assertShape(Cnn.conv2d(Tensor.zeros(1, 1, 32, 32), Tensor.zeros(6, 1, 5, 5), null), 1, 6, 28, 28);
        assertShape(Cnn.conv2d(Tensor.zeros(2, 3, 7, 8), Tensor.zeros(4, 3, 3, 3), null, new int[]{2},
                new int[]{1}, new int[]{1}, 1), 2, 4, 4, 4);
        assertShape(Cnn.conv2d(Tensor.zeros(1, 2, 7, 9), Tensor.zeros(2, 1, 3, 3), null, new int[]{1},
                new int[]{0}, new int[]{2, 3}, 2), 1, 2, 3, 3);
    }

    @Test
    void conv2dAcceptsUnbatchedInput() {
        Conv k = new Conv(1, 3, 6, 5, 2, 3, 3, hw(1, 1), hw(1, 1), hw(1, 1), 1, true);
        Tensor x = random(4, 3, 6, 5);
        Tensor w = random(5, 2, 3, 3, 3);
        Tensor b = random(6, 2);
        Tensor y = convOf(x, w, b, k);
        assertShape(y, 2, 6, 5);
        assertClose(naiveConv(x.toFloatArray(), w.toFloatArray(), b.toFloatArray(), k), y.toFloatArray(), 1e-5);
        GradCheck.check(in -> convOf(in[0], in[1], in[2], k), x, w, b);
    }

    @Test
    void conv2dReadsNonContiguousInputAndWeight() {
        Conv k = new Conv(2, 3, 5, 4, 4, 2, 3, hw(1, 1), hw(0, 1), hw(1, 1), 1, true);
        // x stored as [C, N, W, H] and viewed as [N, C, H, W]; weight stored [OC, C, kW, kH].
        Tensor xs = random(7, 3, 2, 4, 5);
        Tensor ws = random(8, 4, 3, 3, 2);
        Tensor x = xs.permute(1, 0, 3, 2);
        Tensor w = ws.transpose(2, 3);
        Tensor b = random(9, 8).slice(0, 0, 8, 2);
        Tensor y = convOf(x, w, b, k);
        Tensor ref = convOf(x.contiguous(), w.contiguous(), b.contiguous(), k);
        assertClose(ref.toFloatArray(), y.toFloatArray(), 1e-6);
    }

    // ================================================================ conv2d gradients

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradCases")
    void conv2dGradientsMatchFiniteDifferences(Conv k) {
        Tensor x = random(11, k.n, k.c, k.h, k.w);
        Tensor w = random(12, k.oc, k.c / k.groups, k.kh, k.kw);
        if (k.bias) {
            GradCheck.check(in -> convOf(in[0], in[1], in[2], k), x, w, random(13, k.oc));
        } else {
            GradCheck.check(in -> convOf(in[0], in[1], null, k), x, w);
        }
    }

    @Test
    void conv2dRecomputesColumnsWhenTooLargeToKeep() {
        Conv k = new Conv(2, 4, 6, 5, 4, 3, 3, hw(1, 2), hw(1, 1), hw(2, 1), 2, true);
        Tensor x = random(14, 2, 4, 6, 5);
        Tensor w = random(15, 4, 2, 3, 3);
        Tensor b = random(16, 4);
        GradCheck.check(in -> ConvOps.conv2d(in[0], in[1], in[2], k.s, k.p, k.d, k.groups, 0), x, w, b);
    }

    @Test
    void conv2dGradientOnlyForInputsThatRequireIt() {
        Tensor x = random(17, 1, 2, 5, 5).requiresGrad_();
        Tensor w = random(18, 3, 2, 3, 3);
        Tensor b = random(19, 3);
        Cnn.conv2d(x, w, b).sum().backward();
        assertShape(x.grad(), 1, 2, 5, 5);
        assertNull(w.grad());
        assertNull(b.grad());
    }

    @Test
    void conv2dBiasGradientIsTheSumOverBatchAndSpace() {
        Tensor x = random(20, 3, 2, 5, 4);
        Tensor w = random(21, 4, 2, 2, 2);
        Tensor b = Tensor.zeros(4).requiresGrad_();
        Cnn.conv2d(x, w, b).sum().backward();
        // Output is [3, 4, 4, 3]: each bias element appears 3*4*3 = 36 times.
        assertClose(new float[]{36, 36, 36, 36}, b.grad().toFloatArray(), 0);
    }

    // ================================================================ string padding

    @Test
    void samePaddingKeepsTheSizeAndPutsTheOddRemainderRightAndBottom() {
        Tensor x = random(22, 2, 3, 6, 7);
        Tensor w = random(23, 2, 3, 4, 3);   // total padding 3 in H (1 top, 2 bottom), 2*1 in W with dilation 2
        Tensor y = Cnn.conv2d(x, w, null, new int[]{1}, "same", new int[]{1, 2}, 1);
        assertShape(y, 2, 2, 6, 7);
        // Reference: pad explicitly (1 top, 2 bottom, 2 left, 2 right) by hand, then a valid convolution.
        int[] s = {2, 3, 9, 11};
        float[] xp = new float[Shape.numel(s)];
        float[] xd = x.toFloatArray();
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < 6; i++) {
                    for (int j = 0; j < 7; j++) {
                        xp[((n * 3 + c) * 9 + i + 1) * 11 + j + 2] = xd[((n * 3 + c) * 6 + i) * 7 + j];
                    }
                }
            }
        }
        Conv k = new Conv(2, 3, 9, 11, 2, 4, 3, hw(1, 1), hw(0, 0), hw(1, 2), 1, false);
        assertClose(naiveConv(xp, w.toFloatArray(), null, k), y.toFloatArray(), 1e-5);
        GradCheck.check(in -> Cnn.conv2d(in[0], in[1], null, new int[]{1}, "same", new int[]{1, 2}, 1),
                random(24, 1, 2, 4, 5), random(25, 2, 2, 2, 3));
    }

    @Test
    void validPaddingMeansNoPadding() {
        Tensor x = random(26, 1, 2, 6, 6);
        Tensor w = random(27, 3, 2, 3, 3);
        Tensor a = Cnn.conv2d(x, w, null, new int[]{2}, "valid", new int[]{1}, 1);
        Tensor b = Cnn.conv2d(x, w, null, new int[]{2}, new int[]{0}, new int[]{1}, 1);
        assertClose(b.toFloatArray(), a.toFloatArray(), 0);
    }

    // ================================================================ conv2d errors

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void conv2dErrorsNameTheShapesAndTheFix() {
        String m = error(() -> Cnn.conv2d(Tensor.zeros(1, 3, 32, 32), Tensor.zeros(16, 6, 5, 5), null));
        assertTrue(m.startsWith("conv2d: input has 3 channels but weight expects 6 (weight [16, 6, 5, 5]"), m);
        assertTrue(m.contains("— pass an input with 6 channels or a weight of shape [16, 3, 5, 5]"), m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(1, 4, 8, 8), Tensor.zeros(6, 4, 3, 3), Tensor.zeros(5)));
        assertTrue(m.contains("expected bias to be 1-dimensional with 6 elements, but got bias of size [5]"), m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(1, 4, 4, 4), Tensor.zeros(2, 4, 5, 5), null));
        assertTrue(m.contains("Calculated padded input size per channel: (4 x 4). Kernel size: (5 x 5). Kernel size"
                + " can't be greater than actual input size"), m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(1, 4, 8, 8), Tensor.zeros(5, 2, 3, 3), null, new int[]{1},
                new int[]{0}, new int[]{1}, 2));
        assertTrue(m.contains("Given groups=2, expected weight to be divisible by 2 at dimension 0"), m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(1, 4, 8, 8), Tensor.zeros(4, 4, 3, 3), null, new int[]{1},
                new int[]{0}, new int[]{1}, 2));
        assertTrue(m.contains("input has 4 channels but weight expects 8 (4 per group, groups=2)"), m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(1, 2, 8, 8), Tensor.zeros(3, 2, 3, 3), null, new int[]{2},
                "same", new int[]{1}, 1));
        assertTrue(m.contains("padding='same' is not supported for strided convolutions"), m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(1, 2, 8, 8), Tensor.zeros(3, 2, 3, 3), null, new int[]{1},
                "full", new int[]{1}, 1));
        assertEquals("conv2d: Invalid padding string 'full', should be one of {'valid', 'same'}", m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(8, 8), Tensor.zeros(3, 1, 3, 3), null));
        assertTrue(m.contains("Expected 3D (unbatched) or 4D (batched) input, but got input of size: [8, 8]"), m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(1, 2, 8, 8), Tensor.zeros(3, 2, 3), null));
        assertTrue(m.contains("weight must be 4-D"), m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(1, 2, 8, 8), Tensor.zeros(3, 2, 3, 3), null, new int[]{0},
                new int[]{0}, new int[]{1}, 1));
        assertTrue(m.contains("non-positive stride is not supported"), m);

        m = error(() -> Cnn.conv2d(Tensor.zeros(1, 2, 8, 8), Tensor.zeros(3, 2, 3, 3), null, new int[]{1, 1, 1},
                new int[]{0}, new int[]{1}, 1));
        assertTrue(m.contains("stride must have 1 or 2 elements"), m);
    }

    // ================================================================ conv_transpose2d

    /** Direct transposed convolution: every input element scatters its weighted kernel into the output. */
    static float[] naiveConvTranspose(float[] x, float[] wt, float[] b, int n, int c, int h, int w, int ocg,
                                      int kh, int kw, int[] s, int[] p, int[] op, int[] d, int groups) {
        int oc = ocg * groups;
        int cg = c / groups;
        int oh = (h - 1) * s[0] - 2 * p[0] + d[0] * (kh - 1) + op[0] + 1;
        int ow = (w - 1) * s[1] - 2 * p[1] + d[1] * (kw - 1) + op[1] + 1;
        double[] out = new double[n * oc * oh * ow];
        for (int b0 = 0; b0 < n; b0++) {
            for (int ci = 0; ci < c; ci++) {
                int g = ci / cg;
                for (int iy = 0; iy < h; iy++) {
                    for (int ix = 0; ix < w; ix++) {
                        double v = x[((b0 * c + ci) * h + iy) * w + ix];
                        for (int og = 0; og < ocg; og++) {
                            int o = g * ocg + og;
                            for (int i = 0; i < kh; i++) {
                                int y = iy * s[0] - p[0] + i * d[0];
                                for (int j = 0; j < kw; j++) {
                                    int xx = ix * s[1] - p[1] + j * d[1];
                                    if (y >= 0 && y < oh && xx >= 0 && xx < ow) {
                                        out[((b0 * oc + o) * oh + y) * ow + xx] +=
                                                v * wt[((ci * ocg + og) * kh + i) * kw + j];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        float[] f = new float[out.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (out[i] + (b == null ? 0 : b[(i / (oh * ow)) % oc]));
        }
        return f;
    }

    static Stream<Arguments> transposeCases() {
        // n, c, h, w, ocg, kh, kw, stride, padding, outputPadding, dilation, groups
        return Stream.of(
                Arguments.of(new int[]{1, 2, 3, 3, 3, 3, 3}, hw(1, 1), hw(0, 0), hw(0, 0), hw(1, 1), 1),
                Arguments.of(new int[]{2, 4, 4, 3, 2, 3, 2}, hw(2, 3), hw(1, 0), hw(1, 2), hw(1, 1), 2),
                Arguments.of(new int[]{2, 3, 3, 4, 2, 2, 3}, hw(2, 1), hw(1, 1), hw(0, 0), hw(2, 2), 1),
                // output_padding >= stride is allowed while < dilation: the extra rows/cols get no input
                Arguments.of(new int[]{1, 2, 3, 3, 2, 3, 3}, hw(1, 1), hw(0, 1), hw(1, 2), hw(2, 3), 1));
    }

    @ParameterizedTest
    @MethodSource("transposeCases")
    void convTranspose2dMatchesDirectLoopsAndFiniteDifferences(int[] sz, int[] s, int[] p, int[] op, int[] d,
                                                               int groups) {
        int n = sz[0];
        int c = sz[1];
        int h = sz[2];
        int w = sz[3];
        int ocg = sz[4];
        int kh = sz[5];
        int kw = sz[6];
        Tensor x = random(30, n, c, h, w);
        Tensor wt = random(31, c, ocg, kh, kw);
        Tensor b = random(32, ocg * groups);
        Tensor y = Cnn.convTranspose2d(x, wt, b, s, p, op, groups, d);
        float[] ref = naiveConvTranspose(x.toFloatArray(), wt.toFloatArray(), b.toFloatArray(), n, c, h, w, ocg, kh,
                kw, s, p, op, d, groups);
        assertEquals(ref.length, y.numel());
        assertEquals(n, y.size(0));
        assertEquals(ocg * groups, y.size(1));
        assertClose(ref, y.toFloatArray(), 1e-5);
        GradCheck.check(in -> Cnn.convTranspose2d(in[0], in[1], in[2], s, p, op, groups, d), x, wt, b);
    }

    @Test
    void convTranspose2dIsTheAdjointOfConv2d() {
        // <conv(x, w), y> == <x, convT(y, w)> for the same stride, padding, dilation and groups.
        int[] s = {2, 1};
        int[] p = {1, 2};
        int[] d = {1, 2};
        Tensor x = random(33, 2, 4, 7, 8);
        Tensor w = random(34, 6, 2, 3, 3);
        Tensor cx = Cnn.conv2d(x, w, null, s, p, d, 2);
        Tensor y = random(35, cx.sizes());
        // conv output 4x8 from 7x8: transposed gives (4-1)*2-2+2+op+1 = 7 with op 0 along H.
        Tensor ty = Cnn.convTranspose2d(y, w, null, s, p, new int[]{0}, 2, d);
        assertShape(ty, 2, 4, 7, 8);
        double lhs = 0;
        double rhs = 0;
        float[] a = cx.toFloatArray();
        float[] yb = y.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            lhs += (double) a[i] * yb[i];
        }
        float[] xa = x.toFloatArray();
        float[] tb = ty.toFloatArray();
        for (int i = 0; i < xa.length; i++) {
            rhs += (double) xa[i] * tb[i];
        }
        assertEquals(lhs, rhs, 1e-4 * Math.max(1, Math.abs(lhs)));
    }

    @Test
    void convTranspose2dAcceptsUnbatchedInput() {
        Tensor x = random(36, 2, 3, 3);
        Tensor w = random(37, 2, 3, 2, 2);
        Tensor y = Cnn.convTranspose2d(x, w, null, new int[]{2}, new int[]{0}, new int[]{0}, 1, new int[]{1});
        assertShape(y, 3, 6, 6);
        Tensor yb = Cnn.convTranspose2d(x.unsqueeze(0), w, null, new int[]{2}, new int[]{0}, new int[]{0}, 1,
                new int[]{1});
        assertClose(yb.toFloatArray(), y.toFloatArray(), 0);
    }

    @Test
    void convTranspose2dErrors() {
        String m = error(() -> Cnn.convTranspose2d(Tensor.zeros(1, 3, 4, 4), Tensor.zeros(6, 2, 3, 3), null,
                new int[]{1}, new int[]{0}, new int[]{0}, 1, new int[]{1}));
        assertTrue(m.startsWith("conv_transpose2d: input has 3 channels but weight expects 6 (weight [6, 2, 3, 3]"),
                m);
        m = error(() -> Cnn.convTranspose2d(Tensor.zeros(1, 2, 4, 4), Tensor.zeros(2, 2, 3, 3), null,
                new int[]{2}, new int[]{0}, new int[]{2}, 1, new int[]{1}));
        assertTrue(m.contains("output padding must be smaller than either stride or dilation, but got "
                + "output_padding_height: 2 output_padding_width: 2 stride_height: 2"), m);
        m = error(() -> Cnn.convTranspose2d(Tensor.zeros(1, 2, 1, 1), Tensor.zeros(2, 2, 1, 1), null,
                new int[]{1}, new int[]{1}, new int[]{0}, 1, new int[]{1}));
        assertTrue(m.contains("which is empty"), m);
        m = error(() -> Cnn.convTranspose2d(Tensor.zeros(1, 2, 4, 4), Tensor.zeros(2, 2, 3, 3), Tensor.zeros(3),
                new int[]{1}, new int[]{0}, new int[]{0}, 1, new int[]{1}));
        assertTrue(m.contains("expected bias to be 1-dimensional with 2 elements"), m);
    }
}
