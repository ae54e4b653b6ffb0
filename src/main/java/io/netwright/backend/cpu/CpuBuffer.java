package io.netwright.backend.cpu;

import io.netwright.backend.Backend;
import io.netwright.backend.Buffer;
import io.netwright.backend.DType;

/**
 * CPU memory: a Java array ({@code float[]} for FLOAT32, {@code long[]} for INT64, {@code byte[]} holding 0/1 for
 * BOOL). {@link #close()} hands a large float array back to the backend's {@link CpuArrayPool} for reuse (others are left to
 * the garbage collector); any later use throws
 * {@link IllegalStateException} naming the buffer.
 */
public final class CpuBuffer implements Buffer {

    private final CpuBackend backend;
    private final DType dtype;
    private final int length;
    private final long id;
    private volatile Object data;

    CpuBuffer(CpuBackend backend, DType dtype, int length, long id, boolean zeroed) {
        if (length < 0) {
            throw new IllegalArgumentException("allocate: length must be >= 0, got " + length);
        }
        this.backend = backend;
        this.dtype = dtype;
        this.length = length;
        this.id = id;
        this.data = switch (dtype) {
            case FLOAT32 -> backend.arrayPool().take(length, zeroed);
            case INT64 -> backend.arrayPool().takeLongs(length, zeroed);
            case BOOL -> new byte[length];
        };
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public boolean isClosed() {
        return data == null;
    }

    @Override
    public void close() {
        Object d;
        synchronized (this) {
            d = data;
            data = null;
        }
        if (d instanceof float[] f) {
            backend.arrayPool().give(f);
        } else if (d instanceof long[] l) {
            backend.arrayPool().give(l);
        }
    }

    /** The FLOAT32 storage. */
    float[] floats() {
        return (float[]) live(DType.FLOAT32);
    }

    /** The INT64 storage. */
    long[] longs() {
        return (long[]) live(DType.INT64);
    }

    /** The BOOL storage (0 or 1 per element). */
    byte[] bools() {
        return (byte[]) live(DType.BOOL);
    }

    /** The storage array, whatever its type. */
    Object array() {
        Object d = data;
        if (d == null) {
            throw new IllegalStateException(this + " is closed — it was used after close()");
        }
        return d;
    }

    private Object live(DType expected) {
        Object d = array();
        if (dtype != expected) {
            throw new IllegalArgumentException(this + " holds " + dtype + ", expected " + expected);
        }
        return d;
    }

    @Override
    public String toString() {
        return "cpu buffer #" + id + " (" + dtype + "[" + length + "])";
    }
}
