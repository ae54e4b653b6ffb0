package io.netwright.backend.cpu;

/**
 * Notices when OpenBLAS's own threads have collapsed and keeps products off them for a while.
 *
 * <p>OpenBLAS's threads synchronise by spin-waiting, and bytedeco's build never yields the CPU while it spins
 * (unlike Debian's, which calls {@code sched_yield}). When the machine has more runnable threads than cores, the
 * waiting thread can hold the core its partner needs, so every synchronisation costs a scheduler time slice: a
 * 256x256 product then takes 3–30 ms instead of 0.1 ms (measured: 1–10 GFLOP/s instead of 250), and it stays that
 * way for as long as the load lasts. A single thread needs no synchronisation and degrades gently instead. So
 * after {@link #STRIKES} threaded products in a row ran below {@link #COLLAPSED_GFLOPS}, the following products run
 * single-threaded for {@link #COOL_DOWN_NANOS}; then OpenBLAS's threads get another try. A single slow product (one
 * preemption) does not count. Results do not depend on the choice: OpenBLAS's threads split only the output, never
 * the inner dimension.
 *
 * <p>Thread-safe; one per {@link NativeGemm}.
 */
final class SpinGuard {

    /** A threaded product slower than this has collapsed: even one core of a laptop does several times more. */
    static final double COLLAPSED_GFLOPS = 20;
    /** Collapsed products in a row that trip the guard. */
    static final int STRIKES = 3;
    /** How long products stay off OpenBLAS's threads once tripped. */
    static final long COOL_DOWN_NANOS = 1_000_000_000L;

    private int strikes;
    private boolean tripped;
    private long blockedUntil;

    /** Whether OpenBLAS's threads may be used at time {@code now} ({@link System#nanoTime()}). */
    synchronized boolean allowed(long now) {
        return !tripped || now - blockedUntil >= 0;
    }

    /**
     * Records a product of {@code macs} multiply-adds that ran on OpenBLAS's threads for {@code nanos}, finishing
     * at {@code now}; returns true if this product tripped the guard.
     */
    synchronized boolean record(long macs, long nanos, long now) {
        // flops per nanosecond = GFLOP/s
        if (nanos <= 0 || 2.0 * macs / nanos >= COLLAPSED_GFLOPS) {
            strikes = 0;
            return false;
        }
        if (++strikes < STRIKES) {
            return false;
        }
        strikes = 0;
        tripped = true;
        blockedUntil = now + COOL_DOWN_NANOS;
        return true;
    }
}
