package io.netwright.backend;

/**
 * An opaque block of device memory owned by the backend that allocated it. The frontend never reads it
 * directly: data leaves a device only through {@link Backend#copyOut}. Closing releases the memory at once
 * (deterministically, not by the garbage collector); closing twice is harmless.
 */
public interface Buffer extends AutoCloseable {

    /** The backend that owns this buffer. */
    Backend backend();

    /** Element type. */
    DType dtype();

    /** Number of elements. */
    int length();

    /** True once {@link #close()} has been called. */
    boolean isClosed();

    /** Releases the memory. */
    @Override
    void close();
}
