package io.netwright.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netwright.backend.BackendOptions;
import io.netwright.backend.Buffer;
import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.DType;
import io.netwright.backend.ReduceOp;
import io.netwright.backend.View;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native direct convolution against the padded-rows GEMM path (itself checked against PyTorch's numbers), and
 * which geometries it takes. On a CPU with AVX-512 the kernel must be available: a build that silently lost it would
 * train at half speed.
 */
class DirectConvTest {

    private static CpuBackend be;
    private static CpuParallel par;

    @BeforeAll
    static void setUp() {
        be = new CpuBackend(new BackendOptions(2, true));
        par = new CpuParallel(2);
    }

    @AfterAll
    static void tearDown() {
        be.close();
        par.close();
    }

    @Test
    void isAvailableOnAnAvx512Cpu() throws Exception {
        Path info = Path.of("/proc/cpuinfo");
        assumeTrue(Files.isReadable(info) && Files.readString(info).contains(" avx512f"), "no AVX-512 here");
        assumeTrue(CriticalSgemm.available(), "the native shim was not built (no gcc)");
        assertTrue(DirectConv.available(), "the shim is loaded and the CPU has AVX-512F, so the kernel must be used");
    }

    @Test
    void takesOnlyStrideOneUngroupedUndilatedConvolutions() {
        assumeTrue(DirectConv.available());
        assertTrue(DirectConv.handles(geo(32, 28, 3, 1, 1, 1), 1));
        assertFalse(DirectConv.handles(geo(32, 28, 3, 1, 2, 1), 1));
        assertFalse(DirectConv.handles(geo(32, 28, 3, 1, 1, 2), 1));
        assertFalse(DirectConv.handles(geo(32, 28, 3, 1, 1, 1), 2));
        assertTrue(DirectConv.handlesWeightGradient(geo(32, 28, 3, 1, 1, 1), 1));
        assertTrue(DirectConv.handlesWeightGradient(geo(6, 14, 5, 0, 1, 1), 1)); // LeNet's second conv
        assertFalse(DirectConv.handlesWeightGradient(geo(3, 28, 3, 1, 1, 1), 1)); // too few channels for 16 lanes
        assertFalse(DirectConv.handlesWeightGradient(geo(32, 28, 7, 3, 1, 1), 1)); // 7x7
        assertFalse(DirectConv.handlesInputGradient(geo(32, 28, 3, 3, 1, 1), 1)); // padding > k-1
    }

    @Test
    void forwardInputAndWeightGradientsMatchTheGemmPath() {
        assumeTrue(DirectConv.available());
        DirectConv direct = new DirectConv(par);
        CpuConvRows rows = new CpuConvRows(par);
        Random r = new Random(3);
        // {n, c, h, w, oc, k, pad}
        int[][] cases = {{5, 32, 28, 28, 32, 3, 1}, {3, 64, 14, 14, 64, 3, 1}, {4, 16, 9, 13, 10, 3, 0},
            {2, 16, 5, 7, 11, 3, 2}, {3, 8, 11, 10, 9, 5, 2}, {1, 32, 6, 5, 7, 1, 0}, {5, 6, 14, 14, 16, 5, 0},
            {2, 20, 9, 8, 3, 3, 1}};
        for (int[] c : cases) {
            Conv2dGeometry g = geo(c[1], c[2], c[3], c[5], 1, 1, c[6]);
            int oh = g.outHeight();
            int ow = g.outWidth();
            View x = random(r, c[0], c[1], c[2], c[3]);
            View w = random(r, c[4], c[1], c[5], c[5]);
            View gOut = random(r, c[0], c[4], oh, ow);
            String what = java.util.Arrays.toString(c);
            View a = empty(c[0], c[4], oh, ow);
            View e = empty(c[0], c[4], oh, ow);
            direct.forward(x, w, null, a, g, false);
            rows.forward(x, w, e, g, 1);
            assertClose(what + " forward", e, a);
            View ga = empty(c[0], c[1], c[2], c[3]);
            View ge = empty(c[0], c[1], c[2], c[3]);
            direct.backwardInput(gOut, w, ga, g);
            rows.backwardInput(gOut, w, ge, g, 1);
            assertClose(what + " input gradient", ge, ga);
            if (DirectConv.handlesWeightGradient(g, 1)) {
                View wa = random(r, c[4], c[1], c[5], c[5]); // overwritten, not accumulated into
                View we = empty(c[4], c[1], c[5], c[5]);
                direct.backwardWeight(x, gOut, wa, g);
                rows.backwardWeight(x, gOut, we, g, 1);
                assertClose(what + " weight gradient", we, wa);
            }
        }
    }

    @Test
    void biasIsAddedToEveryOutputPosition() {
        assumeTrue(DirectConv.available());
        DirectConv direct = new DirectConv(par);
        Random r = new Random(4);
        Conv2dGeometry g = geo(16, 6, 7, 3, 1, 1, 1);
        View x = random(r, 2, 16, 6, 7);
        View w = random(r, 5, 16, 3, 3);
        View bias = random(r, 5);
        View plain = empty(2, 5, 6, 7);
        View biased = empty(2, 5, 6, 7);
        direct.forward(x, w, null, plain, g, false);
        direct.forward(x, w, bias, biased, g, false);
        float[] p = be.copyOutFloat(plain);
        float[] q = be.copyOutFloat(biased);
        float[] b = be.copyOutFloat(bias);
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i] + b[(i / 42) % 5], q[i], 1e-5f, "element " + i);
        }
    }

    @Test
    void fusedReluKeepsPositivesAndNansAndZeroesTheRest() {
        assumeTrue(DirectConv.available());
        DirectConv direct = new DirectConv(par);
        Random r = new Random(8);
        Conv2dGeometry g = geo(16, 5, 19, 3, 1, 1, 1); // 19 wide: whole vectors and a masked tail per row
        View x = random(r, 2, 16, 5, 19);
        float[] xs = be.copyOutFloat(x);
        xs[3] = Float.NaN; // a NaN input makes NaN outputs around it, which ReLU must keep
        be.copyIn(xs, x.buffer(), 0);
        View w = random(r, 6, 16, 3, 3);
        View bias = random(r, 6);
        View plain = empty(2, 6, 5, 19);
        View fused = empty(2, 6, 5, 19);
        direct.forward(x, w, bias, plain, g, false);
        direct.forward(x, w, bias, fused, g, true);
        float[] p = be.copyOutFloat(plain);
        float[] q = be.copyOutFloat(fused);
        int nans = 0;
        for (int i = 0; i < p.length; i++) {
            float expected = Math.max(p[i], 0f); // the RELU unary op's rule
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(q[i]), "element " + i);
            nans += Float.isNaN(q[i]) ? 1 : 0;
        }
        assertTrue(nans > 0, "the NaN input reached the output");
    }

    @Test
    void channelSumsAreTheBiasGradient() {
        assumeTrue(DirectConv.available());
        Random r = new Random(5);
        View x = random(r, 3, 4, 9, 11); // 99 positions: vector blocks and a scalar tail
        View out = empty(4);
        assertTrue(DirectConv.handlesChannelSums(ReduceOp.SUM, x, new int[]{0, 2, 3}, out));
        assertFalse(DirectConv.handlesChannelSums(ReduceOp.SUM, x, new int[]{0, 2}, out));
        assertFalse(DirectConv.handlesChannelSums(ReduceOp.MAX, x, new int[]{0, 2, 3}, out));
        new DirectConv(par).channelSums(x, out);
        float[] xs = be.copyOutFloat(x);
        float[] s = be.copyOutFloat(out);
        for (int c = 0; c < 4; c++) {
            double e = 0;
            for (int n = 0; n < 3; n++) {
                for (int i = 0; i < 99; i++) {
                    e += xs[(n * 4 + c) * 99 + i];
                }
            }
            assertEquals(e, s[c], 1e-4 * Math.max(1, Math.abs(e)), "channel " + c);
        }
    }

    @Test
    void aNonContiguousInputIsRefusedWithTheFix() {
        assumeTrue(DirectConv.available());
        View x = random(new Random(6), 2, 16, 5, 5);
        View strided = new View(x.buffer(), 0, new int[]{2, 16, 5, 4}, View.contiguousStrides(new int[]{2, 16, 5, 5}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DirectConv(par)
                .forward(strided, random(new Random(7), 8, 16, 3, 3), null, empty(2, 8, 5, 4), geo(16, 5, 4, 3, 1, 1, 1),
                        false));
        assertTrue(e.getMessage().contains("contiguous"), e.getMessage());
    }

    private static Conv2dGeometry geo(int c, int size, int k, int pad, int stride, int dil) {
        return new Conv2dGeometry(c, size, size, k, k, stride, stride, pad, pad, dil, dil);
    }

    private static Conv2dGeometry geo(int c, int h, int w, int k, int stride, int dil, int pad) {
        return new Conv2dGeometry(c, h, w, k, k, stride, stride, pad, pad, dil, dil);
    }

    private static View random(Random r, int... shape) {
        View v = empty(shape);
        float[] d = new float[v.numel()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        be.copyIn(d, v.buffer(), 0);
        return v;
    }

    private static View empty(int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        Buffer b = be.allocate(DType.FLOAT32, n);
        return View.contiguous(b, shape);
    }

    private static void assertClose(String what, View expected, View actual) {
        float[] e = be.copyOutFloat(expected);
        float[] a = be.copyOutFloat(actual);
        double scale = 0;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            assertTrue(Math.abs(e[i] - a[i]) <= 1e-4 + 1e-5 * scale, what + " index " + i + ": " + a[i] + " vs " + e[i]);
        }
    }
}
