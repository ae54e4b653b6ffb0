package io.netwright.backend.cpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpinGuardTest {

    /** 256^3 multiply-adds: 33.5 MFLOP, so 0.13 ms is 250 GFLOP/s and 10 ms is 3.4 GFLOP/s. */
    private static final long MACS = 1L << 24;
    private static final long FAST = 134_000;
    private static final long COLLAPSED = 10_000_000;

    @Test
    void threeCollapsedProductsInARowTripItUntilTheCoolDownEnds() {
        SpinGuard g = new SpinGuard();
        long now = 5_000_000_000L;
        assertTrue(g.allowed(now));
        assertFalse(g.record(MACS, COLLAPSED, now));
        assertFalse(g.record(MACS, COLLAPSED, now));
        assertTrue(g.allowed(now));
        assertTrue(g.record(MACS, COLLAPSED, now));
        assertFalse(g.allowed(now + SpinGuard.COOL_DOWN_NANOS - 1));
        assertTrue(g.allowed(now + SpinGuard.COOL_DOWN_NANOS));
    }

    @Test
    void aFastProductClearsEarlierStrikes() {
        SpinGuard g = new SpinGuard();
        long now = -7L; // nanoTime may be negative
        g.record(MACS, COLLAPSED, now);
        g.record(MACS, COLLAPSED, now);
        assertFalse(g.record(MACS, FAST, now));
        assertFalse(g.record(MACS, COLLAPSED, now));
        assertFalse(g.record(MACS, COLLAPSED, now));
        assertTrue(g.allowed(now));
        assertTrue(g.record(MACS, COLLAPSED, now));
        assertFalse(g.allowed(now));
    }

    @Test
    void productsNearTheThresholdAreNotCollapsed() {
        SpinGuard g = new SpinGuard();
        // 2 * 2^24 flops in 1.6 ms = 21 GFLOP/s: slow, but above COLLAPSED_GFLOPS
        for (int i = 0; i < 10; i++) {
            assertFalse(g.record(MACS, 1_600_000, i));
        }
        assertTrue(g.allowed(10));
    }
}
