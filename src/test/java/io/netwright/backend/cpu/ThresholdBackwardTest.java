package io.netwright.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.netwright.backend.BackendOptions;
import io.netwright.backend.BinaryOp;
import io.netwright.backend.Buffer;
import io.netwright.backend.DType;
import io.netwright.backend.View;
import org.junit.jupiter.api.Test;

class ThresholdBackwardTest {

    @Test
    void keepsTheGradientExactlyWhereTheOutputIsPositive() {
        float[] special = {2f, 0f, -0f, -3f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
            Float.NEGATIVE_INFINITY};
        // 9 values: only the native kernel's masked tail; 41: two whole 16-lane vectors and a tail.
        for (int n : new int[] {9, 41}) {
            for (boolean nativeKernels : new boolean[] {false, true}) {
                check(special, n, nativeKernels);
            }
        }
    }

    private static void check(float[] special, int length, boolean nativeKernels) {
        float[] y = new float[length];
        float[] g = new float[length];
        for (int i = 0; i < length; i++) {
            y[i] = special[(i * 7) % special.length];
            g[i] = i + 1;
        }
        float[] expected = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            expected[i] = y[i] > 0f ? g[i] : 0f;
        }
        try (CpuBackend be = new CpuBackend(new BackendOptions(2, nativeKernels))) {
            Buffer yb = be.allocate(DType.FLOAT32, y.length);
            Buffer gb = be.allocate(DType.FLOAT32, g.length);
            Buffer ob = be.allocate(DType.FLOAT32, g.length);
            be.copyIn(y, yb, 0);
            be.copyIn(g, gb, 0);
            int n = y.length;
            be.binary(BinaryOp.THRESHOLD_BACKWARD, View.contiguous(gb, n), View.contiguous(yb, n),
                    View.contiguous(ob, n));
            assertArrayEquals(expected, be.copyOutFloat(View.contiguous(ob, n)), 0f, length + " values, native " + nativeKernels);
        }
    }
}
