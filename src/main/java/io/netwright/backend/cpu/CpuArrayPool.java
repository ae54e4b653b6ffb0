package io.netwright.backend.cpu;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Recycles large float (and long) arrays of closed buffers, like PyTorch's caching allocator: a training step allocates the
 * same big temporaries (im2col columns, activations, gradients) every iteration, and on the JVM each fresh
 * multi-megabyte array is a "humongous" allocation that costs far more than zeroing a recycled one. Arrays return
 * here when their {@link CpuBuffer} is closed (tensor scopes close a step's temporaries) and are handed out again,
 * zeroed, for the same length. Retained memory is capped; small arrays are left to the garbage collector, which
 * handles them cheaply.
 */
final class CpuArrayPool {

    /**
     * With {@code -Dnetwright.cpu.poison=true} (set by the test build), uninitialised arrays are filled with NaN so
     * an op that forgets to write part of its output fails its tests instead of passing on zeros by luck.
     */
    static final boolean POISON = Boolean.getBoolean("netwright.cpu.poison");

    /** Arrays shorter than this are not pooled (TLAB allocation is cheap for them). */
    static final int MIN_LENGTH = 1 << 15;

    private final long capacityFloats;
    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final Map<Integer, ArrayDeque<long[]>> freeLongs = new HashMap<>();
    private long retained;

    /** A pool that keeps at most {@code capacityBytes} of idle arrays. */
    CpuArrayPool(long capacityBytes) {
        this.capacityFloats = capacityBytes / Float.BYTES;
    }

    /** An array of exactly {@code length} floats, recycled when one is idle, zero-filled if {@code zeroed}. */
    float[] take(int length, boolean zeroed) {
        float[] a = takeRaw(length, zeroed);
        if (POISON && !zeroed) {
            Arrays.fill(a, Float.NaN);
        }
        return a;
    }

    private float[] takeRaw(int length, boolean zeroed) {
        if (length >= MIN_LENGTH) {
            float[] a;
            synchronized (this) {
                ArrayDeque<float[]> q = free.get(length);
                a = q == null ? null : q.pollFirst();
                if (a != null) {
                    retained -= length;
                }
            }
            if (a != null) {
                if (zeroed) {
                    Arrays.fill(a, 0f);
                }
                return a;
            }
        }
        return new float[length];
    }

    /** A long array of exactly {@code length} (indices, labels), recycled when idle, zeroed if {@code zeroed}. */
    long[] takeLongs(int length, boolean zeroed) {
        if (length >= MIN_LENGTH / 2) {
            long[] a;
            synchronized (this) {
                ArrayDeque<long[]> q = freeLongs.get(length);
                a = q == null ? null : q.pollFirst();
                if (a != null) {
                    retained -= 2L * length;
                }
            }
            if (a != null) {
                if (zeroed) {
                    Arrays.fill(a, 0L);
                }
                return a;
            }
        }
        return new long[length];
    }

    /** Offers a long array that no buffer uses any more; kept if under the cap. */
    void give(long[] a) {
        int length = a.length;
        if (length < MIN_LENGTH / 2) {
            return;
        }
        synchronized (this) {
            if (retained + 2L * length > capacityFloats) {
                return;
            }
            freeLongs.computeIfAbsent(length, k -> new ArrayDeque<>()).addFirst(a);
            retained += 2L * length;
        }
    }

    /** Offers an array that no buffer uses any more; kept if under the cap. */
    void give(float[] a) {
        int length = a.length;
        if (length < MIN_LENGTH) {
            return;
        }
        synchronized (this) {
            if (retained + length > capacityFloats) {
                return;
            }
            free.computeIfAbsent(length, k -> new ArrayDeque<>()).addFirst(a);
            retained += length;
        }
    }

    /** Bytes held by idle arrays. */
    synchronized long retainedBytes() {
        return retained * Float.BYTES;
    }

    /** Drops every idle array. */
    synchronized void clear() {
        free.clear();
        freeLongs.clear();
        retained = 0;
    }
}
