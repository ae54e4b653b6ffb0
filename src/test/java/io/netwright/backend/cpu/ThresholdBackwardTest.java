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
        float[] y = {2f, 0f, -0f, -3f, Float.NaN, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
            Float.NEGATIVE_INFINITY};
        float[] g = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f};
        float[] expected = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            expected[i] = y[i] > 0f ? g[i] : 0f;
        }
        try (CpuBackend be = new CpuBackend(new BackendOptions(1, false))) {
            Buffer yb = be.allocate(DType.FLOAT32, y.length);
            Buffer gb = be.allocate(DType.FLOAT32, g.length);
            Buffer ob = be.allocate(DType.FLOAT32, g.length);
            be.copyIn(y, yb, 0);
            be.copyIn(g, gb, 0);
            int n = y.length;
            be.binary(BinaryOp.THRESHOLD_BACKWARD, View.contiguous(gb, n), View.contiguous(yb, n),
                    View.contiguous(ob, n));
            assertArrayEquals(expected, be.copyOutFloat(View.contiguous(ob, n)), 0f);
        }
    }
}
