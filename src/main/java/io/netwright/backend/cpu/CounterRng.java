package io.netwright.backend.cpu;

/**
 * The reference counter-based random generator that every backend's {@code randomFill} must reproduce. A value
 * depends only on {@code (seed, counter)}, never on a running state, so any element can be computed independently
 * (by any thread, in any order, on any device).
 *
 * <p>Definition (all arithmetic on unsigned 64-bit integers, wrapping):
 * <pre>
 *   mix64(z)  = z ^= z >>> 30; z *= 0xBF58476D1CE4E5B9; z ^= z >>> 27; z *= 0x94D049BB133111EB; z ^ (z >>> 31)
 *   key(seed) = mix64(seed + 0x9E3779B97F4A7C15)
 *   bits(seed, c) = mix64(key(seed) + (c + 1) * 0x9E3779B97F4A7C15)       (element c of SplitMix64 from key)
 *   uniform(seed, c) = (bits(seed, c) >>> 40) * 2^-24                       (a float in [0, 1), 24 bits)
 *   normal(seed, c)  = sqrt(-2 ln u1) * cos(2 pi u2), in double, with
 *                      u1 = ((bits(seed, 2c) >>> 11) + 1) * 2^-53   in (0, 1]
 *                      u2 =  (bits(seed, 2c + 1) >>> 11) * 2^-53    in [0, 1)
 * </pre>
 * {@code randomFill} gives the element at row-major position {@code i} of its view the counter
 * {@code counter + i}: UNIFORM writes {@code float(a + (b - a) * uniform)}, NORMAL {@code float(a + b * normal)},
 * BERNOULLI {@code uniform < a ? 1 : 0}. The double math of {@code normal} uses {@link StrictMath} here; another
 * backend's log/cos may differ in the last double bit, which practically never changes the float result.
 *
 * <pre>{@code float u = CounterRng.uniform(42L, 0L);}</pre>
 */
public final class CounterRng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_PI = 2 * Math.PI;

    private CounterRng() {
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64 random bits for {@code (seed, counter)}. */
    public static long bits(long seed, long counter) {
        return mix64(mix64(seed + GOLDEN) + (counter + 1) * GOLDEN);
    }

    /** A uniform float in {@code [0, 1)} with 24 random bits for {@code (seed, counter)}. */
    public static float uniform(long seed, long counter) {
        return (bits(seed, counter) >>> 40) * 0x1.0p-24f;
    }

    /** A standard normal value (Box–Muller) for {@code (seed, counter)}, using counters {@code 2c} and {@code 2c+1}. */
    public static double normal(long seed, long counter) {
        double u1 = ((bits(seed, 2 * counter) >>> 11) + 1) * 0x1.0p-53;
        double u2 = (bits(seed, 2 * counter + 1) >>> 11) * 0x1.0p-53;
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
    }
}
