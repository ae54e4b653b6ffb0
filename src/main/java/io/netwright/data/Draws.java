package io.netwright.data;

import io.netwright.tensor.Generator;

/**
 * Host-side random draws from a {@link Generator}: uniform numbers, integers, coin flips, normals and
 * permutations, plus the seed mixing that derives per-epoch and per-sample seeds. Every draw consumes a fixed
 * number of the generator's counters, so a sequence of draws is reproducible.
 */
public final class Draws {

    private Draws() {
    }

    /** A uniform double in {@code [low, high)}. */
    public static double uniform(Generator g, double low, double high) {
        return low + (high - low) * g.nextDouble();
    }

    /** A uniform integer in {@code [low, high)} (like {@code torch.randint(low, high, (1,))}). */
    public static int randint(Generator g, int low, int high) {
        if (high <= low) {
            throw new IllegalArgumentException("randint: low must be < high, got low=" + low + " high=" + high);
        }
        int v = low + (int) Math.floor(g.nextDouble() * ((long) high - low));
        return Math.min(v, high - 1);
    }

    /** True with probability {@code p} ({@code rand < p}, as torchvision's random transforms test it). */
    public static boolean bernoulli(Generator g, double p) {
        return g.nextDouble() < p;
    }

    /** A standard normal number (Box–Muller; uses two counters). */
    public static double normal(Generator g) {
        double u1 = g.nextDouble();
        double u2 = g.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * A random permutation of {@code 0..n-1} (Fisher–Yates from the top, one counter per swap; the same
     * permutation {@code Tensor.randperm(g, n)} gives for a generator in the same state).
     */
    public static int[] permutation(Generator g, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n must be non-negative, got " + n);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) (g.nextDouble() * (i + 1));
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /** Mixes several numbers into one well-distributed seed (SplitMix64 finaliser applied in sequence). */
    public static long mix(long... parts) {
        long h = 0x243F6A8885A308D3L;
        for (long p : parts) {
            h = splitMix(h ^ splitMix(p + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** A uniform double in [0, 1) that is a pure function of {@code counter} (SplitMix64 finaliser). */
    public static double unit(long counter) {
        return (splitMix(counter) >>> 11) * 0x1.0p-53;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
