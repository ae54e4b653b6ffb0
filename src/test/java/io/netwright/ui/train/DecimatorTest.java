package io.netwright.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DecimatorTest {

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElseThrow();
    }

    private static double min(double[] a) {
        return Arrays.stream(a).min().orElseThrow();
    }

    @Test
    void hundredThousandPointsBecomeAtMostFourPerPixelKeepingTheEnvelope() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.sin(i * 0.01) + 0.1 * Math.sin(i * 7.3);
        }
        y[54_321] = 25; // a spike must survive
        y[77_777] = -13;
        double[][] d = Decimator.minMax(x, y, n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 800);
        assertTrue(d[0].length <= 4 * 800 + 2, "points shown: " + d[0].length);
        assertEquals(25, max(d[1]));
        assertEquals(-13, min(d[1]));
        assertEquals(0, d[0][0], "first point kept");
        assertEquals(n - 1, d[0][d[0].length - 1], "last point kept");
        for (int i = 1; i < d[0].length; i++) {
            assertTrue(d[0][i] > d[0][i - 1], "x order");
        }
    }

    @Test
    void decimatingIsFastEnoughForEveryRedraw() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.random();
        }
        for (int i = 0; i < 20; i++) { // warm-up
            Decimator.minMax(x, y, n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1000);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            Decimator.minMax(x, y, n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1000);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / 20;
        assertTrue(ms < 10, "one decimation of 100,000 points took " + ms + " ms");
    }

    @Test
    void onlyTheVisibleRangeAndItsNeighboursAreKept() {
        int n = 10_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i;
        }
        double[][] d = Decimator.minMax(x, y, n, 1000, 2000, 100);
        assertEquals(999, d[0][0], "the point before the range, so the line reaches the edge");
        assertEquals(2001, d[0][d[0].length - 1]);
        assertTrue(d[0].length <= 402);
    }

    @Test
    void fewPointsAreKeptAsTheyAreWithoutNonFiniteValues() {
        double[] x = {0, 1, 2, 3};
        double[] y = {1, Double.NaN, 3, Double.POSITIVE_INFINITY};
        double[][] d = Decimator.minMax(x, y, 4, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 100);
        assertArrayEquals(new double[] {0, 2}, d[0]);
        assertArrayEquals(new double[] {1, 3}, d[1]);
        assertEquals(0, Decimator.minMax(x, y, 0, 0, 1, 10)[0].length);
    }

    @Test
    void smoothingIsADebiasedMovingAverageThatCanBeRecomputed() {
        SeriesData s = new SeriesData();
        s.setSmoothing(0.5);
        s.add(0, 0, 4);
        s.add(1, 0.1, 0);
        assertEquals(4, s.smoothed()[0], 1e-12, "debiased: the first value is itself");
        assertEquals((0.25 * 4) / 0.75, s.smoothed()[1], 1e-12);
        s.setSmoothing(0);
        assertEquals(0, s.smoothed()[1], 1e-12);
        for (int i = 0; i < 1000; i++) {
            s.add(i + 2, 0, i);
        }
        assertEquals(1002, s.size());
        assertEquals(999, s.last());
    }
}
