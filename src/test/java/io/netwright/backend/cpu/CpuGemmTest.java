package io.netwright.backend.cpu;

import io.netwright.backend.BackendOptions;
import io.netwright.backend.Buffer;
import io.netwright.backend.DType;
import io.netwright.backend.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static io.netwright.backend.cpu.CpuTestSupport.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuGemmTest {

    /** Operand layouts: row-major, column-major (transposed), every other column, and a batch broadcast. */
    private enum Layout { ROW, COL, GAPPED, BROADCAST }

    /** A [batch, r, c] view of logical data {@code v[b][i][j]} in the given layout. */
    private static View view(CpuBackend be, float[] v, int batch, int r, int c, Layout layout) {
        int n = r * c;
        switch (layout) {
            case ROW -> {
                Buffer buf = be.allocate(DType.FLOAT32, batch * n + 5);
                float[] phys = new float[batch * n + 5];
                System.arraycopy(v, 0, phys, 5, batch * n);
                be.copyIn(phys, buf, 0);
                return new View(buf, 5, new int[] {batch, r, c}, new int[] {n, c, 1});
            }
            case COL -> {
                float[] phys = new float[batch * n];
                for (int b = 0; b < batch; b++) {
                    for (int i = 0; i < r; i++) {
                        for (int j = 0; j < c; j++) {
                            phys[b * n + j * r + i] = v[b * n + i * c + j];
                        }
                    }
                }
                Buffer buf = be.allocate(DType.FLOAT32, phys.length);
                be.copyIn(phys, buf, 0);
                return new View(buf, 0, new int[] {batch, r, c}, new int[] {n, 1, r});
            }
            case GAPPED -> {
                float[] phys = new float[batch * n * 2 + 1];
                for (int i = 0; i < batch * n; i++) {
                    phys[2 * i + 1] = v[i];
                }
                Buffer buf = be.allocate(DType.FLOAT32, phys.length);
                be.copyIn(phys, buf, 0);
                return new View(buf, 1, new int[] {batch, r, c}, new int[] {2 * n, 2 * c, 2});
            }
            default -> {
                // Only batch 0's data is stored; every batch reads it (stride 0).
                Buffer buf = be.allocate(DType.FLOAT32, n);
                be.copyIn(java.util.Arrays.copyOf(v, n), buf, 0);
                return new View(buf, 0, new int[] {batch, r, c}, new int[] {0, c, 1});
            }
        }
    }

    private static double lastScale;

    /** Checks with an absolute tolerance of 1e-6 times the largest sum |x*y| seen by the reference. */
    private static void assertGemm(float[] expected, float[] actual, String what) {
        assertClose(expected, actual, 1e-6 * Math.max(1, lastScale), what);
    }

    private static float[] naive(float[] x, float[] y, int batch, int m, int k, int n, boolean xb, boolean yb) {
        float[] out = new float[batch * m * n];
        lastScale = 0;
        for (int b = 0; b < batch; b++) {
            int xo = xb ? 0 : b * m * k;
            int yo = yb ? 0 : b * k * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    double scale = 0;
                    for (int p = 0; p < k; p++) {
                        double t = (double) x[xo + i * k + p] * y[yo + p * n + j];
                        s += t;
                        scale += Math.abs(t);
                    }
                    // Float summation errors scale with sum |x*y|, not with the (possibly cancelled) result.
                    out[b * m * n + i * n + j] = (float) s;
                    lastScale = Math.max(lastScale, scale);
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "nativeBlas={0}")
    @ValueSource(booleans = {true, false})
    void matchesNaiveTripleLoopForShapesAndLayouts(boolean nativeBlas) {
        int[][] shapes = {{1, 1, 1, 1}, {1, 7, 33, 1}, {2, 1, 7, 129}, {3, 33, 1, 7}, {1, 129, 33, 65},
            {2, 70, 129, 300}, {5, 7, 7, 7}, {1, 300, 600, 5}, {1, 9, 1100, 20}};
        Random r = new Random(42);
        try (CpuBackend be = new CpuBackend(new BackendOptions(2, nativeBlas))) {
            for (int[] s : shapes) {
                int batch = s[0];
                int m = s[1];
                int k = s[2];
                int n = s[3];
                float[] x = CpuTestSupport.randomFloats(r, batch * m * k);
                float[] y = CpuTestSupport.randomFloats(r, batch * k * n);
                for (Layout lx : Layout.values()) {
                    for (Layout ly : Layout.values()) {
                        boolean xb = lx == Layout.BROADCAST;
                        boolean yb = ly == Layout.BROADCAST;
                        float[] expected = naive(x, y, batch, m, k, n, xb, yb);
                        for (Layout lo : new Layout[] {Layout.ROW, Layout.COL, Layout.GAPPED}) {
                            View out = view(be, new float[batch * m * n], batch, m, n, lo);
                            be.matmul(view(be, x, batch, m, k, lx), view(be, y, batch, k, n, ly), out);
                            assertGemm(expected, be.copyOutFloat(out),
                                    "native=" + nativeBlas + " shape " + java.util.Arrays.toString(s) + " " + lx
                                            + "@" + ly + "->" + lo);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "nativeBlas={0}")
    @ValueSource(booleans = {true, false})
    void largeBatchesOfSmallProductsRunInParallelCorrectly(boolean nativeBlas) {
        int batch = 600;
        int m = 16;
        int k = 17;
        int n = 15;
        Random r = new Random(9);
        float[] x = CpuTestSupport.randomFloats(r, batch * m * k);
        float[] y = CpuTestSupport.randomFloats(r, batch * k * n);
        try (CpuBackend be = new CpuBackend(new BackendOptions(4, nativeBlas))) {
            for (Layout lx : new Layout[] {Layout.ROW, Layout.BROADCAST}) {
                for (Layout ly : new Layout[] {Layout.COL, Layout.BROADCAST}) {
                    float[] expected = naive(x, y, batch, m, k, n, lx == Layout.BROADCAST, ly == Layout.BROADCAST);
                    for (Layout lo : new Layout[] {Layout.ROW, Layout.COL}) {
                        View out = view(be, new float[batch * m * n], batch, m, n, lo);
                        be.matmul(view(be, x, batch, m, k, lx), view(be, y, batch, k, n, ly), out);
                        assertGemm(expected, be.copyOutFloat(out), lx + "@" + ly + "->" + lo);
                    }
                }
            }
        }
    }

    @Test
    void bothPathsAgreeOnALargeProductAndThreadCountsAgree() {
        Random r = new Random(3);
        int m = 257;
        int k = 700;
        int n = 300;
        float[] x = CpuTestSupport.randomFloats(r, m * k);
        float[] y = CpuTestSupport.randomFloats(r, k * n);
        float[] expected = naive(x, y, 1, m, k, n, false, false);
        float[][] java = new float[2][];
        int[] threads = {1, 4};
        for (int t = 0; t < 2; t++) {
            try (CpuBackend be = new CpuBackend(new BackendOptions(threads[t], false))) {
                View out = view(be, new float[m * n], 1, m, n, Layout.ROW);
                be.matmul(view(be, x, 1, m, k, Layout.ROW), view(be, y, 1, k, n, Layout.COL), out);
                java[t] = be.copyOutFloat(out);
            }
        }
        assertArrayEquals(java[0], java[1]);
        assertGemm(expected, java[0], "java");
        try (CpuBackend be = new CpuBackend(new BackendOptions(2, true))) {
            View out = view(be, new float[m * n], 1, m, n, Layout.ROW);
            be.matmul(view(be, x, 1, m, k, Layout.ROW), view(be, y, 1, k, n, Layout.ROW), out);
            assertGemm(expected, be.copyOutFloat(out), "native");
        }
    }

    @Test
    void emptyInnerDimensionGivesZerosAndBadShapesAreRejected() {
        try (CpuBackend be = CpuTestSupport.backend(2)) {
            View out = CpuTestSupport.floats(be, new float[] {9, 9, 9, 9}, 1, 2, 2);
            be.matmul(CpuTestSupport.zeros(be, DType.FLOAT32, 1, 2, 0), CpuTestSupport.zeros(be, DType.FLOAT32, 1, 0, 2),
                    out);
            assertArrayEquals(new float[4], be.copyOutFloat(out));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> be.matmul(CpuTestSupport.zeros(be, DType.FLOAT32, 1, 2, 3),
                            CpuTestSupport.zeros(be, DType.FLOAT32, 1, 2, 2), out));
            assertTrue(e.getMessage().startsWith("matmul"), e.getMessage());
        }
    }

    @Test
    void openBlasLoadsOnThisPlatformAndJavaPathCanBeForced() {
        try (CpuBackend nat = new CpuBackend(new BackendOptions(2, true));
             CpuBackend java = new CpuBackend(new BackendOptions(2, false))) {
            assertTrue(nat.usesNativeBlas(), nat.description());
            assertTrue(nat.description().contains("OpenBLAS"), nat.description());
            assertTrue(!java.usesNativeBlas() && java.description().contains("pure-Java"), java.description());
        }
    }
}
