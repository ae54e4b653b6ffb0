package io.netwright.backend.cuda;

/**
 * The GPU has no memory left for an allocation, even after the allocator's cache was emptied. The message names the
 * size, what it was for, the device's free memory and the fix (a smaller batch).
 */
public final class CudaOutOfMemoryException extends CudaException
        implements io.netwright.backend.OutOfDeviceMemory {

    private static final long serialVersionUID = 1L;

    /** An out-of-memory failure with its message. */
    public CudaOutOfMemoryException(String message) {
        super(message);
    }
}
