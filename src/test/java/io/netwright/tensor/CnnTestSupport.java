package io.netwright.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

/** Host-side data and comparison helpers shared by the CNN op tests. */
final class CnnTestSupport {

    private CnnTestSupport() {
    }

    /** Uniform values in [-1, 1) from a seeded host RNG. */
    static float[] randomData(long seed, int n) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }

    /** A float tensor of the shape filled by {@link #randomData}. */
    static Tensor random(long seed, int... shape) {
        return Tensor.of(randomData(seed, Shape.numel(shape)), shape);
    }

    /**
     * Distinct values {@code 0.01 * k} (k = 0..n-1, shifted to be centred) in a seeded random order, so max-based
     * ops have no ties and finite differences never cross a switch point.
     */
    static Tensor distinct(long seed, int... shape) {
        int n = Shape.numel(shape);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = 0.01f * (i - n / 2);
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return Tensor.of(a, shape);
    }

    /** Fails unless every element is within {@code tol * max(1, |expected|)}. */
    static void assertClose(float[] expected, float[] actual, double tol) {
        if (expected.length != actual.length) {
            fail("length " + actual.length + " but expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= tol * Math.max(1, Math.abs(expected[i])))) {
                fail("element " + i + ": expected " + expected[i] + " but got " + actual[i]
                        + (expected.length <= 64 ? "\nexpected " + Arrays.toString(expected) + "\nactual   "
                        + Arrays.toString(actual) : ""));
            }
        }
    }

    /** Fails unless the tensor has exactly the given shape. */
    static void assertShape(Tensor t, int... shape) {
        assertArrayEquals(shape, t.sizes(), () -> "shape " + t.shape() + ", expected " + Arrays.toString(shape));
    }
}
