package io.netwright.ui.train;

import java.util.Arrays;

/**
 * Thins a line for display: of the points whose x falls in the visible range, split into one bucket per pixel
 * column, it keeps each bucket's first, minimum, maximum and last point (in x order), so spikes and the line's
 * envelope look exactly as with every point drawn while at most about four points per pixel are handed to the
 * chart. The points just outside the range are kept too, so the line runs to the plot's edges. Non-finite values
 * are skipped. Linear in the number of visible points; x must be non-decreasing.
 */
public final class Decimator {

    private Decimator() {
    }

    /**
     * The display points of the first {@code n} points of {@code (xs, ys)} between {@code xMin} and {@code xMax},
     * for a plot {@code buckets} pixels wide.
     *
     * @return {@code {x[], y[]}}, in x order
     */
    public static double[][] minMax(double[] xs, double[] ys, int n, double xMin, double xMax, int buckets) {
        if (n == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        buckets = Math.max(1, buckets);
        int from = Math.max(0, lowerBound(xs, n, xMin) - 1);
        int to = Math.min(n, upperBound(xs, n, xMax) + 1); // exclusive
        int count = to - from;
        if (count <= buckets * 4) {
            return copyFinite(xs, ys, from, to);
        }
        double[] ox = new double[buckets * 4 + 2];
        double[] oy = new double[ox.length];
        int k = 0;
        double lo = xs[from];
        double width = (xs[to - 1] - lo) / buckets;
        int i = from;
        while (i < to) {
            int b = width > 0 ? (int) Math.min(buckets - 1, (xs[i] - lo) / width) : 0;
            double bucketEnd = width > 0 ? lo + (b + 1) * width : Double.POSITIVE_INFINITY;
            int first = -1;
            int min = -1;
            int max = -1;
            int last = -1;
            int start = i; // always consume the point that chose the bucket (rounding could put it past bucketEnd)
            for (; i < to && (i == start || xs[i] < bucketEnd || b == buckets - 1); i++) {
                double y = ys[i];
                if (!Double.isFinite(y)) {
                    continue;
                }
                if (first < 0) {
                    first = i;
                    min = i;
                    max = i;
                }
                if (y < ys[min]) {
                    min = i;
                }
                if (y > ys[max]) {
                    max = i;
                }
                last = i;
            }
            if (first < 0) {
                continue;
            }
            int[] keep = {first, Math.min(min, max), Math.max(min, max), last};
            int prev = -1;
            for (int idx : keep) {
                if (idx != prev) {
                    if (k == ox.length) {
                        ox = Arrays.copyOf(ox, k * 2);
                        oy = Arrays.copyOf(oy, k * 2);
                    }
                    ox[k] = xs[idx];
                    oy[k] = ys[idx];
                    k++;
                    prev = idx;
                }
            }
        }
        return new double[][] {Arrays.copyOf(ox, k), Arrays.copyOf(oy, k)};
    }

    private static double[][] copyFinite(double[] xs, double[] ys, int from, int to) {
        double[] ox = new double[to - from];
        double[] oy = new double[to - from];
        int k = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(ys[i])) {
                ox[k] = xs[i];
                oy[k] = ys[i];
                k++;
            }
        }
        return new double[][] {Arrays.copyOf(ox, k), Arrays.copyOf(oy, k)};
    }

    /** The first index whose x is >= {@code x}. */
    static int lowerBound(double[] xs, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose x is > {@code x}. */
    static int upperBound(double[] xs, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
