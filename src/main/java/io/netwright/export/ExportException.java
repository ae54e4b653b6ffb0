package io.netwright.export;

/**
 * An export that cannot be done, with a one-line message naming the file or node and the fix
 * ({@code node 'pool1' (AdaptiveAvgPool2d): output_size 3×3 does not divide the input 7×7 — ...}).
 */
public final class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public ExportException(String message) {
        super(message);
    }

    /** An exception with {@code message} caused by {@code cause}. */
    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
