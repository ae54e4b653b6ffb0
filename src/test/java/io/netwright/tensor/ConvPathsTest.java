package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.backend.BackendOptions;
import io.netwright.backend.DType;
import io.netwright.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * The fused convolution (OpenBLAS backend) and the generic im2col + matmul composition (pure-Java backend, which
 * has no fused kernel) agree forward and backward, with groups, stride, padding and dilation.
 */
class ConvPathsTest {

    private static Tensor on(CpuBackend be, Tensor t) {
        Tensor c = Tensor.allocate(be, DType.FLOAT32, t.sizes());
        be.copyIn(t.toFloatArray(), c.v().buffer(), 0);
        return c.requiresGrad_(true);
    }

    private static float[][] run(Tensor x, Tensor w, Tensor b, int[] s, int[] p, int[] d, int groups) {
        Tensor y = Cnn.conv2d(x, w, b, s, p, d, groups);
        Tensor r = Tensor.randn(new Generator(5), y.sizes());
        y.mul(on((CpuBackend) y.backend(), r).detach()).sum().backward();
        return new float[][]{y.toFloatArray(), x.grad().toFloatArray(), w.grad().toFloatArray(),
            b.grad().toFloatArray()};
    }

    @Test
    void fusedAndComposedConvolutionAgree() {
        try (CpuBackend fused = new CpuBackend(new BackendOptions(2, true));
             CpuBackend composed = new CpuBackend(new BackendOptions(2, false))) {
            assertTrue(fused.usesNativeBlas(), "OpenBLAS must load for this test");
            Generator g = new Generator(11);
            // {strideH, strideW, padding, dilation, groups, batch, size}; the last cases span several image chunks
            // (run in parallel), the very last one with a product large enough for OpenBLAS's own threads.
            int[][] cases = {{1, 1, 0, 1, 3, 3, 9}, {2, 1, 2, 1, 1, 3, 9}, {1, 2, 1, 2, 2, 3, 9},
                {1, 1, 1, 1, 1, 40, 20}, {2, 2, 1, 1, 2, 37, 20}, {1, 1, 1, 1, 1, 20, 64}};
            for (int[] c : cases) {
                int stride = c[0];
                int pad = c[2];
                int dil = c[3];
                int groups = c[4];
                Tensor x = Tensor.randn(g, c[5], 6, c[6], c[6] - 1);
                Tensor w = Tensor.randn(g, 6, 6 / groups, 3, 3);
                Tensor b = Tensor.randn(g, 6);
                int[] s = {stride, c[1]};
                int[] p = {pad};
                int[] d = {dil};
                assertAgree(java.util.Arrays.toString(c), run(on(fused, x), on(fused, w), on(fused, b), s, p, d,
                        groups), run(on(composed, x), on(composed, w), on(composed, b), s, p, d, groups));
            }
        }
    }

    @Test
    void strideOnePaddedRowsPathAgreesForRectangularKernelsAndLargePadding() {
        try (CpuBackend fused = new CpuBackend(new BackendOptions(2, true));
             CpuBackend composed = new CpuBackend(new BackendOptions(2, false))) {
            assertTrue(fused.usesNativeBlas(), "OpenBLAS must load for this test");
            Generator g = new Generator(13);
            // {kH, kW, padH, padW, dilH, dilW, groups, batch}: rectangular kernels and uneven padding; padding larger
            // than d*(k-1) (input gradient falls back to col2im); the LeNet shapes (5x5 pad 2, 5x5 pad 0).
            int[][] cases = {{5, 3, 2, 0, 1, 1, 1, 3}, {3, 5, 0, 2, 2, 1, 2, 5}, {3, 3, 3, 2, 1, 1, 1, 2},
                {5, 5, 2, 2, 1, 1, 1, 17}, {5, 5, 0, 0, 1, 1, 1, 9}, {1, 1, 0, 0, 1, 1, 3, 4}};
            for (int[] c : cases) {
                Tensor x = Tensor.randn(g, c[7], 6, 12, 11);
                Tensor w = Tensor.randn(g, 12, 6 / c[6], c[0], c[1]);
                Tensor b = Tensor.randn(g, 12);
                int[] s = {1};
                int[] p = {c[2], c[3]};
                int[] d = {c[4], c[5]};
                assertAgree(java.util.Arrays.toString(c), run(on(fused, x), on(fused, w), on(fused, b), s, p, d,
                        c[6]), run(on(composed, x), on(composed, w), on(composed, b), s, p, d, c[6]));
            }
        }
    }

    @Test
    void directKernelShapesAgreeWithTheComposedPath() {
        try (CpuBackend fused = new CpuBackend(new BackendOptions(2, true));
             CpuBackend composed = new CpuBackend(new BackendOptions(2, false))) {
            Generator g = new Generator(17);
            // {channels, outChannels, k, pad, batch, height, width}: the shapes the direct AVX-512 kernel takes
            // (stride 1, >= 8 channels; 3x3 with channels % 16 == 0 also for the weight gradient), output channel
            // counts that are not multiples of its blocks (8 forward, 3 weight gradient), 1x1 and 5x5 kernels,
            // and widths whose extended rows do not fill a 48-position block.
            int[][] cases = {{16, 10, 3, 1, 5, 9, 13}, {32, 32, 3, 1, 3, 28, 28}, {16, 13, 3, 0, 2, 7, 30},
                {8, 8, 5, 2, 3, 11, 10}, {32, 7, 1, 0, 4, 6, 5}, {16, 16, 3, 2, 2, 5, 5}};
            for (int[] c : cases) {
                Tensor x = Tensor.randn(g, c[4], c[0], c[5], c[6]);
                Tensor w = Tensor.randn(g, c[1], c[0], c[2], c[2]);
                Tensor b = Tensor.randn(g, c[1]);
                int[] s = {1};
                int[] p = {c[3]};
                int[] d = {1};
                assertAgree(java.util.Arrays.toString(c), run(on(fused, x), on(fused, w), on(fused, b), s, p, d, 1),
                        run(on(composed, x), on(composed, w), on(composed, b), s, p, d, 1));
            }
        }
    }

    private static void assertAgree(String what, float[][] a, float[][] e) {
        for (int k = 0; k < a.length; k++) {
            double scale = 0;
            for (float v : e[k]) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < a[k].length; i++) {
                // Sums of up to tens of thousands of products in another order: float32 rounding grows with the size
                // of the terms, so compare relative to the largest value of the tensor.
                double tol = 1e-3 + 2e-5 * scale;
                assertTrue(Math.abs(a[k][i] - e[k][i]) <= tol, "case " + what + " part " + k + " index " + i + ": "
                        + a[k][i] + " vs " + e[k][i]);
            }
        }
    }
}
