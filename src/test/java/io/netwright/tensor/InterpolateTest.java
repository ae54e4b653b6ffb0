package io.netwright.tensor;

import static io.netwright.tensor.CnnTestSupport.assertClose;
import static io.netwright.tensor.CnnTestSupport.assertShape;
import static io.netwright.tensor.CnnTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** interpolate (nearest, bilinear) against per-pixel loops, PyTorch values, gradients and errors. */
class InterpolateTest {

    // ================================================================ per-pixel references

    /** Source row of output row {@code dst}: PyTorch's nearest rule, written per pixel. */
    private static int nearestSrc(int dst, int in, int out, double scale) {
        if (out == in) {
            return dst;
        }
        if (out == 2 * in) {
            return dst / 2;
        }
        float s = scale > 0 ? (float) (1.0 / scale) : (float) in / out;
        return Math.min((int) Math.floor(dst * s), in - 1);
    }

    /** {index0, index1} and {lambda0, lambda1} of output position {@code dst} along one dim. */
    private static float[] bilinearSrc(int dst, int in, int out, double scale, boolean align) {
        if (in == out) {
            return new float[]{dst, dst, 1, 0};
        }
        float ratio;
        if (align) {
            ratio = out > 1 ? (float) (in - 1) / (out - 1) : 0;
        } else {
            ratio = scale > 0 ? (float) (1.0 / scale) : (float) in / out;
        }
        float real = align ? ratio * dst : Math.max(ratio * (dst + 0.5f) - 0.5f, 0);
        int i0 = Math.min((int) Math.floor(real), in - 1);
        int i1 = i0 < in - 1 ? i0 + 1 : i0;
        float l1 = Math.min(Math.max(real - i0, 0), 1);
        return new float[]{i0, i1, 1 - l1, l1};
    }

    static float[] naive(float[] x, int planes, int h, int w, int oh, int ow, String mode, boolean align,
                         double sh, double sw) {
        float[] out = new float[planes * oh * ow];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < oh; y++) {
                for (int z = 0; z < ow; z++) {
                    float v;
                    if (mode.equals("nearest")) {
                        v = x[(p * h + nearestSrc(y, h, oh, sh)) * w + nearestSrc(z, w, ow, sw)];
                    } else {
                        float[] a = bilinearSrc(y, h, oh, sh, align);
                        float[] b = bilinearSrc(z, w, ow, sw, align);
                        int base = p * h * w;
                        float x00 = x[base + (int) a[0] * w + (int) b[0]];
                        float x01 = x[base + (int) a[0] * w + (int) b[1]];
                        float x10 = x[base + (int) a[1] * w + (int) b[0]];
                        float x11 = x[base + (int) a[1] * w + (int) b[1]];
                        v = a[2] * (b[2] * x00 + b[3] * x01) + a[3] * (b[2] * x10 + b[3] * x11);
                    }
                    out[(p * oh + y) * ow + z] = v;
                }
            }
        }
        return out;
    }

    // ================================================================ forward

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3} {4} align={5}")
    @CsvSource({
        "4, 5, 8, 10, nearest, false",
        "5, 7, 3, 4, nearest, false",
        "3, 4, 7, 5, nearest, false",
        "4, 5, 8, 10, bilinear, false",
        "4, 5, 8, 10, bilinear, true",
        "5, 7, 3, 2, bilinear, false",
        "5, 7, 3, 2, bilinear, true",
        "3, 3, 1, 1, bilinear, true",
        "3, 6, 5, 6, bilinear, false"
    })
    void sizeResizeMatchesPerPixelRulesAndFiniteDifferences(int h, int w, int oh, int ow, String mode,
                                                            boolean align) {
        Tensor x = random(50, 2, 3, h, w);
        Tensor y = Cnn.interpolate(x, oh, ow, mode, align);
        assertShape(y, 2, 3, oh, ow);
        assertClose(naive(x.toFloatArray(), 6, h, w, oh, ow, mode, align, Double.NaN, Double.NaN),
                y.toFloatArray(), 1e-6);
        GradCheck.check(in -> Cnn.interpolate(in[0], oh, ow, mode, align), random(51, 1, 2, h, w));
    }

    @ParameterizedTest(name = "scale {0},{1} {2} align={3}")
    @CsvSource({"1.7, 1.7, nearest, false", "2.1, 0.6, nearest, false", "1.7, 2.5, bilinear, false",
        "0.5, 1.3, bilinear, true", "1.2, 2.0, bilinear, false"})
    void scaleFactorResizeUsesTheGivenScale(double sh, double sw, String mode, boolean align) {
        int h = 5;
        int w = 6;
        Tensor x = random(52, 1, 2, h, w);
        Tensor y = Cnn.interpolate(x, new double[]{sh, sw}, mode, align);
        int oh = (int) Math.floor(h * sh);
        int ow = (int) Math.floor(w * sw);
        assertShape(y, 1, 2, oh, ow);
        assertClose(naive(x.toFloatArray(), 2, h, w, oh, ow, mode, align, sh, sw), y.toFloatArray(), 1e-6);
        GradCheck.check(in -> Cnn.interpolate(in[0], new double[]{sh, sw}, mode, align), x);
    }

    @Test
    void matchesPyTorchValues() {
        // torch 1.13, x = arange(12).view(1, 1, 3, 4)
        Tensor x = Tensor.arange(0.0, 12.0, 1.0).reshape(1, 1, 3, 4);
        assertClose(new float[]{0.1666667f, 1.5f, 2.8333335f, 1.7666668f, 3.1000001f, 4.4333334f, 4.166667f, 5.5f,
            6.8333335f, 6.5666671f, 7.9000006f, 9.2333336f, 8.166667f, 9.5f, 10.833333f},
                Cnn.interpolate(x, 5, 3, "bilinear", false).toFloatArray(), 1e-6);
        assertClose(new float[]{0, 1.5f, 3, 2, 3.5f, 5, 4, 5.5f, 7, 6, 7.5f, 9, 8, 9.5f, 11},
                Cnn.interpolate(x, 5, 3, "bilinear", true).toFloatArray(), 1e-6);
        assertClose(new float[]{0, 0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6, 7},
                Cnn.interpolate(x, 2, 7, "nearest", false).toFloatArray(), 0);
        Tensor n = Cnn.interpolate(x, 1.7, "nearest", false);
        assertShape(n, 1, 1, 5, 6);
        assertClose(new float[]{0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2, 4, 4, 5, 5, 6, 6, 4, 4, 5, 5, 6, 6, 8, 8, 9, 9,
            10, 10}, n.toFloatArray(), 0);
        assertClose(new float[]{0, 0.382353f, 0.9705883f, 1.5588236f, 2.147059f, 2.7352943f, 1.5294119f, 1.911765f,
            2.5000002f, 3.0882356f, 3.6764708f, 4.2647061f, 3.8823533f, 4.2647066f, 4.8529415f, 5.4411769f,
            6.0294123f, 6.6176476f, 6.2352943f, 6.6176476f, 7.205883f, 7.7941179f, 8.3823528f, 8.9705887f, 8, 8.3823528f,
            8.9705877f, 9.5588236f, 10.1470585f, 10.7352943f},
                Cnn.interpolate(x, 1.7, "bilinear", false).toFloatArray(), 1e-6);
    }

    @Test
    void sameSizeIsACopy() {
        Tensor x = random(53, 1, 2, 3, 4);
        Tensor y = Cnn.interpolate(x, 3, 4, "bilinear", false);
        assertNotSame(x, y);
        assertClose(x.toFloatArray(), y.toFloatArray(), 0);
    }

    // ================================================================ errors

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void errorsFollowPyTorch() {
        Tensor x = Tensor.zeros(1, 1, 4, 4);
        String m = error(() -> Cnn.interpolate(x, 3, 3, "nearest", true));
        assertTrue(m.contains("align_corners option can only be set with the interpolating modes: linear | "
                + "bilinear | bicubic | trilinear"), m);
        m = error(() -> Cnn.interpolate(Tensor.zeros(1, 4, 4), 3, 3, "bilinear", false));
        assertTrue(m.contains("Got 3D input, but bilinear mode needs 4D input"), m);
        m = error(() -> Cnn.interpolate(x, 3, 3, "bicubic", false));
        assertTrue(m.contains("mode 'bicubic' is not supported"), m);
        m = error(() -> Cnn.interpolate(x, 0, 3, "nearest", false));
        assertTrue(m.contains("output size must be positive"), m);
        m = error(() -> Cnn.interpolate(x, 0.1, "nearest", false));
        assertTrue(m.contains("gives an empty output 0x0"), m);
        m = error(() -> Cnn.interpolate(x, -2.0, "nearest", false));
        assertTrue(m.contains("scale_factor must be positive"), m);
    }
}
