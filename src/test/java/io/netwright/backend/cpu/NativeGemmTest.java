package io.netwright.backend.cpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static io.netwright.backend.cpu.CpuTestSupport.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two OpenBLAS paths of {@link NativeGemm} — in place on the Java arrays through {@link CriticalSgemm}, and
 * copying through native scratch — against a double-precision reference, for every operand layout and the sizes
 * that switch between single-threaded, column-split and OpenBLAS-threaded products.
 */
class NativeGemmTest {

    /** Where a matrix sits in its array: offset, and row-major / column-major / gapped with padding. */
    private enum Layout { ROW_PADDED, COL, GAPPED }

    /** Stores logical {@code rows x cols} data {@code v} in a fresh array in the given layout. */
    private static GemmMatrix store(float[] v, int rows, int cols, Layout layout) {
        int off = 3;
        return switch (layout) {
            case ROW_PADDED -> {
                int ld = cols + 5;
                float[] d = new float[off + rows * ld];
                for (int i = 0; i < rows; i++) {
                    System.arraycopy(v, i * cols, d, off + i * ld, cols);
                }
                yield new GemmMatrix(d, off, rows, cols, ld, 1);
            }
            case COL -> {
                float[] d = new float[off + rows * cols];
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        d[off + j * rows + i] = v[i * cols + j];
                    }
                }
                yield new GemmMatrix(d, off, rows, cols, 1, rows);
            }
            case GAPPED -> {
                float[] d = new float[off + 2 * rows * cols];
                for (int i = 0; i < rows * cols; i++) {
                    d[off + 2 * i] = v[i];
                }
                yield new GemmMatrix(d, off, rows, cols, 2 * cols, 2);
            }
        };
    }

    private static float[] load(GemmMatrix c) {
        float[] out = new float[c.rows() * c.cols()];
        for (int i = 0; i < c.rows(); i++) {
            for (int j = 0; j < c.cols(); j++) {
                out[i * c.cols() + j] = c.data()[c.offset() + i * c.rs() + j * c.cs()];
            }
        }
        return out;
    }

    /** {@code x @ y} in double, and the tolerance: 1e-6 times the largest sum |x*y|. */
    private static double reference(float[] x, float[] y, int m, int k, int n, float[] out) {
        double worst = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                double scale = 0;
                for (int p = 0; p < k; p++) {
                    double t = (double) x[i * k + p] * y[p * n + j];
                    s += t;
                    scale += Math.abs(t);
                }
                out[i * n + j] = (float) s;
                worst = Math.max(worst, scale);
            }
        }
        return 1e-6 * Math.max(1, worst);
    }

    @Test
    void shimLoadsWhereTheBuildPackagedIt() {
        String resource = "native/" + org.bytedeco.javacpp.Loader.getPlatform() + "/"
                + System.mapLibraryName("netwright_sgemm");
        assumeTrue(CriticalSgemm.class.getResource(resource) != null, "the shim was not built on this platform");
        assertTrue(CriticalSgemm.available(), CriticalSgemm.status().detail());
        try (CpuParallel par = new CpuParallel(2)) {
            assertTrue(new NativeGemm(par).inPlace());
            assertFalse(new NativeGemm(par, false).inPlace());
        }
    }

    @ParameterizedTest(name = "inPlace={0}")
    @ValueSource(booleans = {true, false})
    void everyLayoutAndSizeClassMatchesTheReference(boolean inPlace) {
        // 1x1, skinny, single-threaded, column-split (>= 2^21 MACs), OpenBLAS-threaded (>= 2^24 MACs)
        int[][] shapes = {{1, 1, 1}, {7, 33, 1}, {1, 40, 129}, {33, 65, 47}, {130, 128, 140}, {260, 256, 256}};
        Random r = new Random(7);
        try (CpuParallel par = new CpuParallel(2)) {
            NativeGemm gemm = new NativeGemm(par, inPlace);
            for (int[] s : shapes) {
                int m = s[0];
                int k = s[1];
                int n = s[2];
                float[] x = CpuTestSupport.randomFloats(r, m * k);
                float[] y = CpuTestSupport.randomFloats(r, k * n);
                float[] expected = new float[m * n];
                double tol = reference(x, y, m, k, n, expected);
                for (Layout la : Layout.values()) {
                    for (Layout lb : Layout.values()) {
                        for (Layout lc : new Layout[] {Layout.ROW_PADDED, Layout.GAPPED}) {
                            GemmMatrix c = store(new float[m * n], m, n, lc);
                            gemm.gemm(store(x, m, k, la), store(y, k, n, lb), c, false, false);
                            assertClose(expected, load(c), tol, Arrays.toString(s) + " " + la + "@" + lb + "->" + lc);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "inPlace={0}")
    @ValueSource(booleans = {true, false})
    void outputOverlappingAnInputIsComputedFromTheOriginalInput(boolean inPlace) {
        Random r = new Random(11);
        int n = 40;
        float[] x = CpuTestSupport.randomFloats(r, n * n);
        float[] y = CpuTestSupport.randomFloats(r, n * n);
        float[] expected = new float[n * n];
        double tol = reference(x, y, n, n, n, expected);
        try (CpuParallel par = new CpuParallel(2)) {
            float[] shared = x.clone();
            GemmMatrix a = new GemmMatrix(shared, 0, n, n, n, 1);
            new NativeGemm(par, inPlace).gemm(a, new GemmMatrix(y, 0, n, n, n, 1), a, false, false);
            assertClose(expected, shared, tol, "x = x @ y");
        }
    }

    @ParameterizedTest(name = "inPlace={0}")
    @ValueSource(booleans = {true, false})
    void heapApiHonoursTransposesOffsetsBetaAndLeavesRowGapsAlone(boolean inPlace) {
        Random r = new Random(5);
        int m = 9;
        int k = 6;
        int n = 7;
        float[] x = CpuTestSupport.randomFloats(r, m * k);
        float[] y = CpuTestSupport.randomFloats(r, k * n);
        float[] xy = new float[m * n];
        double tol = reference(x, y, m, k, n, xy) * 4;
        // a stored transposed (k x m) at offset 2, b row-major at offset 1, c with ldc = n + 3 at offset 4
        float[] a = new float[2 + k * m];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                a[2 + p * m + i] = x[i * k + p];
            }
        }
        float[] b = new float[1 + k * n];
        System.arraycopy(y, 0, b, 1, k * n);
        int ldc = n + 3;
        float[] c = new float[4 + m * ldc];
        Arrays.fill(c, -1f);
        try (CpuParallel par = new CpuParallel(2)) {
            new NativeGemm(par, inPlace).sgemm(true, false, m, n, k, 2f, a, 2, m, b, 1, n, 0.5f, c, 4, ldc);
        }
        float[] got = new float[m * n];
        float[] want = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                got[i * n + j] = c[4 + i * ldc + j];
                want[i * n + j] = 2f * xy[i * n + j] - 0.5f;
            }
            for (int g = n; g < ldc && i < m - 1; g++) {
                assertEquals(-1f, c[4 + i * ldc + g], "gap element " + g + " of row " + i);
            }
        }
        assertClose(want, got, tol, "2 * a^T @ b + 0.5 * c");
    }

    @ParameterizedTest(name = "inPlace={0}")
    @ValueSource(booleans = {true, false})
    void heapApiRejectsSlicesOutsideTheirArrays(boolean inPlace) {
        try (CpuParallel par = new CpuParallel(1)) {
            NativeGemm gemm = new NativeGemm(par, inPlace);
            float[] four = new float[4];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> gemm.sgemm(false, false, 2, 2, 2, 1f, four, 1, 2, four, 0, 2, 0f, new float[4], 0, 2));
            assertTrue(e.getMessage().contains("a (2x2, ld 2) at offset 1 needs elements up to 5"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> gemm.sgemm(false, false, 2, 2, 2, 1f, four, 0, 2, four, 0, 2, 0f, new float[4], 0, 1));
            assertTrue(e.getMessage().contains("leading dimension of c is 1"), e.getMessage());
        }
    }
}
