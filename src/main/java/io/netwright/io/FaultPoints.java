package io.netwright.io;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Named points in checkpoint writing (each rename and fsync) where the kill -9 tests stop the JVM dead: with the
 * system property {@code netwright.fault.halt-at=K} the K-th point reached halts the process at once, as a power
 * cut or {@code kill -9} would. Without the property a point costs one property read.
 */
final class FaultPoints {

    /** The property that arms the halt. */
    static final String PROPERTY = "netwright.fault.halt-at";

    private static final AtomicLong REACHED = new AtomicLong();

    private FaultPoints() {
    }

    /** Marks reaching a point; halts the JVM when it is the armed one. */
    static void reach() {
        String armed = System.getProperty(PROPERTY);
        if (armed != null && REACHED.incrementAndGet() == Long.parseLong(armed)) {
            Runtime.getRuntime().halt(137);
        }
    }
}
