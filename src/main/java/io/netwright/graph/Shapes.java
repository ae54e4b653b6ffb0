package io.netwright.graph;

/** Small helpers on per-sample shapes ({@code int[]}, no batch dim). */
final class Shapes {

    private Shapes() {
    }

    /** {@code 16×5×5}; a 1-D shape prints as its size. */
    static String format(int[] s) {
        if (s == null) {
            return "?";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : "×").append(s[i]);
        }
        return sb.toString();
    }

    /** Number of elements as a long. */
    static long numel(int[] s) {
        long n = 1;
        for (int d : s) {
            n *= d;
        }
        return n;
    }

    /** Number of elements of {@code s[from..]}. */
    static long numel(int[] s, int from) {
        long n = 1;
        for (int i = from; i < s.length; i++) {
            n *= s[i];
        }
        return n;
    }

    /** Whether two shapes are equal. */
    static boolean same(int[] a, int[] b) {
        return java.util.Arrays.equals(a, b);
    }

    /** The NumPy broadcast of {@code a} and {@code b}, or null when they do not broadcast. */
    static int[] broadcast(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                return null;
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** Normalises a PyTorch dim (batch counted as 0) for a per-sample rank; -1 when out of range. */
    static int batchDim(int dim, int sampleRank) {
        int full = sampleRank + 1;
        int d = dim < 0 ? dim + full : dim;
        return d < 0 || d >= full ? -1 : d;
    }
}
