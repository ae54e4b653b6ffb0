package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.Distribution;
import io.netwright.backend.View;
import org.junit.jupiter.api.Test;

import static io.netwright.backend.cpu.CpuTestSupport.strided;
import static io.netwright.backend.cpu.CpuTestSupport.zeros;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuRandomTest {

    private static float[] fill(CpuBackend b, Distribution d, int n, long seed, long counter, double a, double p) {
        View out = zeros(b, DType.FLOAT32, n);
        b.randomFill(out, d, seed, counter, a, p);
        return b.copyOutFloat(out);
    }

    @Test
    void outputDoesNotDependOnThreadCount() {
        try (CpuBackend one = CpuTestSupport.backend(1); CpuBackend four = CpuTestSupport.backend(4)) {
            for (Distribution d : Distribution.values()) {
                assertArrayEquals(fill(one, d, 200_000, 7, 1000, 0.25, 1), fill(four, d, 200_000, 7, 1000, 0.25, 1),
                        d.toString());
            }
        }
    }

    @Test
    void elementIUsesCounterPlusIAndMatchesTheReferenceFunctions() {
        try (CpuBackend b = CpuTestSupport.backend(2)) {
            float[] whole = fill(b, Distribution.UNIFORM, 20, 42, 0, 0, 1);
            float[] tail = fill(b, Distribution.UNIFORM, 10, 42, 5, 0, 1);
            assertArrayEquals(java.util.Arrays.copyOfRange(whole, 5, 15), tail);
            for (int i = 0; i < 20; i++) {
                assertEquals(CounterRng.uniform(42, i), whole[i]);
            }
            float[] normal = fill(b, Distribution.NORMAL, 8, 42, 3, 1, 2);
            for (int i = 0; i < 8; i++) {
                assertEquals((float) (1 + 2 * CounterRng.normal(42, 3 + i)), normal[i]);
            }
            // Positions are row-major positions of the view, whatever its strides.
            int[] shape = {4, 5, 6};
            View s = strided(b, DType.FLOAT32, new float[120], shape, 3);
            b.randomFill(s, Distribution.NORMAL, 9, 11, 0, 1);
            assertArrayEquals(fill(b, Distribution.NORMAL, 120, 9, 11, 0, 1), b.copyOutFloat(s));
            assertFalse(java.util.Arrays.equals(whole, fill(b, Distribution.UNIFORM, 20, 43, 0, 0, 1)));
        }
    }

    @Test
    void distributionsHaveTheRightMomentsAndRange() {
        try (CpuBackend b = CpuTestSupport.backend(2)) {
            int n = 100_000;
            double[] m = moments(fill(b, Distribution.NORMAL, n, 1, 0, 1.0, 2.0));
            assertEquals(1.0, m[0], 0.03);
            assertEquals(2.0, m[1], 0.03);
            float[] u = fill(b, Distribution.UNIFORM, n, 2, 0, -1.0, 3.0);
            double[] mu = moments(u);
            assertEquals(1.0, mu[0], 0.02);
            assertEquals(4.0 / Math.sqrt(12), mu[1], 0.02);
            for (float v : u) {
                assertTrue(v >= -1f && v < 3f, "uniform out of range: " + v);
            }
            double[] mb = moments(fill(b, Distribution.BERNOULLI, n, 3, 0, 0.3, 0));
            assertEquals(0.3, mb[0], 0.01);
            View mask = zeros(b, DType.BOOL, 1000);
            b.randomFill(mask, Distribution.BERNOULLI, 4, 0, 0.5, 0);
            long ones = java.util.Arrays.stream(b.copyOutLong(mask)).sum();
            assertTrue(ones > 400 && ones < 600, "ones: " + ones);
            assertThrows(IllegalArgumentException.class,
                    () -> b.randomFill(zeros(b, DType.INT64, 3), Distribution.NORMAL, 1, 0, 0, 1));
        }
    }

    private static double[] moments(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        double mean = s / v.length;
        double q = 0;
        for (float x : v) {
            q += (x - mean) * (x - mean);
        }
        return new double[] {mean, Math.sqrt(q / v.length)};
    }
}
