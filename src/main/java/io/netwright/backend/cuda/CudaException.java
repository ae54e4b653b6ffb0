package io.netwright.backend.cuda;

/**
 * A CUDA driver call or kernel launch failed. The message names the call (or kernel and shape), the driver's error
 * name and text, and what to do.
 */
public class CudaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with its message. */
    public CudaException(String message) {
        super(message);
    }
}
