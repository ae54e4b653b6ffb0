package io.netwright.backend.cpu;

import io.netwright.backend.Conv2dGeometry;
import io.netwright.backend.DType;
import io.netwright.backend.View;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.netwright.backend.cpu.CpuTestSupport.assertClose;
import static io.netwright.backend.cpu.CpuTestSupport.strided;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CpuConvTest {

    private static final CpuBackend B = CpuTestSupport.backend(2);

    private static final Conv2dGeometry[] GEOMETRIES = {
        new Conv2dGeometry(3, 7, 6, 3, 3, 1, 1, 1, 1, 1, 1),
        new Conv2dGeometry(2, 9, 8, 3, 2, 2, 3, 1, 0, 1, 1),
        new Conv2dGeometry(2, 10, 11, 3, 3, 1, 2, 2, 3, 2, 3),
        new Conv2dGeometry(1, 5, 5, 5, 5, 1, 1, 0, 0, 1, 1),
        new Conv2dGeometry(4, 4, 3, 1, 1, 3, 2, 0, 2, 1, 1),
        new Conv2dGeometry(1, 2, 2, 2, 2, 1, 1, 3, 3, 1, 1),
    };

    @AfterAll
    static void close() {
        B.close();
    }

    /** Straight from the definition: cols[n][(c*kH+i)*kW+j][oh*outW+ow] = x[n][c][h][w] or 0 in padding. */
    private static float[] naiveIm2col(float[] x, int batch, Conv2dGeometry g) {
        int rows = g.colRows();
        int cols = g.colCols();
        float[] out = new float[batch * rows * cols];
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < g.channels(); c++) {
                for (int i = 0; i < g.kernelH(); i++) {
                    for (int j = 0; j < g.kernelW(); j++) {
                        for (int oh = 0; oh < g.outHeight(); oh++) {
                            for (int ow = 0; ow < g.outWidth(); ow++) {
                                int h = oh * g.strideH() - g.padH() + i * g.dilationH();
                                int w = ow * g.strideW() - g.padW() + j * g.dilationW();
                                float v = h < 0 || h >= g.height() || w < 0 || w >= g.width() ? 0f
                                        : x[((n * g.channels() + c) * g.height() + h) * g.width() + w];
                                int row = (c * g.kernelH() + i) * g.kernelW() + j;
                                out[(n * rows + row) * cols + oh * g.outWidth() + ow] = v;
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static float[] naiveCol2im(float[] cols, float[] base, int batch, Conv2dGeometry g) {
        float[] out = base.clone();
        int rows = g.colRows();
        int nc = g.colCols();
        for (int n = 0; n < batch; n++) {
            for (int row = 0; row < rows; row++) {
                int c = row / (g.kernelH() * g.kernelW());
                int i = row / g.kernelW() % g.kernelH();
                int j = row % g.kernelW();
                for (int q = 0; q < nc; q++) {
                    int h = q / g.outWidth() * g.strideH() - g.padH() + i * g.dilationH();
                    int w = q % g.outWidth() * g.strideW() - g.padW() + j * g.dilationW();
                    if (h >= 0 && h < g.height() && w >= 0 && w < g.width()) {
                        out[((n * g.channels() + c) * g.height() + h) * g.width() + w] +=
                                cols[(n * rows + row) * nc + q];
                    }
                }
            }
        }
        return out;
    }

    @Test
    void im2colMatchesDefinitionWithStridePaddingDilation() {
        Random r = new Random(1);
        for (Conv2dGeometry g : GEOMETRIES) {
            int batch = 2;
            int[] xShape = {batch, g.channels(), g.height(), g.width()};
            int[] cShape = {batch, g.colRows(), g.colCols()};
            float[] x = CpuTestSupport.randomFloats(r, CpuTestSupport.numel(xShape));
            float[] expected = naiveIm2col(x, batch, g);
            View cols = CpuTestSupport.zeros(B, DType.FLOAT32, cShape);
            B.fill(cols, 123);
            B.im2col(CpuTestSupport.floats(B, x, xShape), cols, g);
            assertArrayEquals(expected, B.copyOutFloat(cols), g.toString());
            View sc = strided(B, DType.FLOAT32, new float[expected.length], cShape, 2);
            B.im2col(strided(B, DType.FLOAT32, x, xShape, 1), sc, g);
            assertArrayEquals(expected, B.copyOutFloat(sc), "strided " + g);
        }
    }

    @Test
    void col2imAddsIntoOutput() {
        Random r = new Random(2);
        for (Conv2dGeometry g : GEOMETRIES) {
            int batch = 2;
            int[] xShape = {batch, g.channels(), g.height(), g.width()};
            int[] cShape = {batch, g.colRows(), g.colCols()};
            float[] cols = CpuTestSupport.randomFloats(r, CpuTestSupport.numel(cShape));
            float[] base = CpuTestSupport.randomFloats(r, CpuTestSupport.numel(xShape));
            float[] expected = naiveCol2im(cols, base, batch, g);
            View out = strided(B, DType.FLOAT32, base, xShape, 3);
            B.col2im(strided(B, DType.FLOAT32, cols, cShape, 4), out, g);
            assertClose(expected, B.copyOutFloat(out), 1e-6, g.toString());
        }
    }

    @Test
    void largeIm2colIsIndependentOfThreadCount() {
        Conv2dGeometry g = new Conv2dGeometry(8, 32, 32, 3, 3, 1, 1, 1, 1, 1, 1);
        float[] x = CpuTestSupport.randomFloats(new Random(3), 4 * 8 * 32 * 32);
        float[] expected = naiveIm2col(x, 4, g);
        try (CpuBackend four = CpuTestSupport.backend(4)) {
            View cols = CpuTestSupport.zeros(four, DType.FLOAT32, 4, g.colRows(), g.colCols());
            four.im2col(CpuTestSupport.floats(four, x, 4, 8, 32, 32), cols, g);
            assertArrayEquals(expected, four.copyOutFloat(cols));
            View back = CpuTestSupport.zeros(four, DType.FLOAT32, 4, 8, 32, 32);
            four.col2im(cols, back, g);
            assertClose(naiveCol2im(expected, new float[x.length], 4, g), four.copyOutFloat(back), 1e-6, "col2im");
        }
    }

    @Test
    void wrongShapesAreRejected() {
        Conv2dGeometry g = GEOMETRIES[0];
        assertThrows(IllegalArgumentException.class, () -> B.im2col(CpuTestSupport.zeros(B, DType.FLOAT32, 1, 2, 7, 6),
                CpuTestSupport.zeros(B, DType.FLOAT32, 1, g.colRows(), g.colCols()), g));
    }
}
