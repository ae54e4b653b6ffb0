package io.netwright.tensor;

/**
 * A seeded source of random numbers for tensor creation, like {@code torch.Generator}. Counter-based: each draw
 * of {@code n} numbers uses counters {@code [offset, offset + n)} and advances the offset, so a seed fixes every
 * number on every backend and whatever the thread count. Not thread-safe: give each thread its own.
 *
 * <pre>{@code var g = new Generator(42); Tensor w = Tensor.randn(g, 3, 4);}</pre>
 */
public final class Generator {

    private static final Generator DEFAULT = new Generator(0x5EED_2026L);

    private long seed;
    private long offset;

    /** A generator with the given seed. */
    public Generator(long seed) {
        manualSeed(seed);
    }

    /**
     * The process-wide default generator used when none is passed (like PyTorch's default generator). Prefer
     * passing your own generator for reproducible runs.
     */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /** Resets to {@code seed} with offset 0; returns this. */
    public synchronized Generator manualSeed(long seed) {
        this.seed = seed;
        this.offset = 0;
        return this;
    }

    /** The current seed. */
    public synchronized long seed() {
        return seed;
    }

    /** The counter offset of the next draw. */
    public synchronized long offset() {
        return offset;
    }

    /** Restores a state saved with {@link #seed()} and {@link #offset()}. */
    public synchronized void setState(long seed, long offset) {
        this.seed = seed;
        this.offset = offset;
    }

    /** Reserves {@code n} counters and returns the first; package use by tensor creation. */
    synchronized long reserve(long n) {
        long start = offset;
        offset += n;
        return start;
    }

    /** Like {@link #reserve} but starting at an even counter. */
    synchronized long reserveEven(long n) {
        offset += offset & 1;
        return reserve(n);
    }

    /** A uniform double in [0, 1) from the next counter, for host-side draws such as {@code randperm}. */
    public synchronized double nextDouble() {
        return hashToUnit(mix(seed, offset++));
    }

    /** SplitMix64 finaliser over (seed, counter); the host twin of the backends' counter RNG. */
    static long mix(long seed, long counter) {
        long z = seed * 0x9E3779B97F4A7C15L + counter * 0xD1B54A32D192ED03L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double hashToUnit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}
