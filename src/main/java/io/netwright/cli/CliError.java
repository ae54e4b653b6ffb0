package io.netwright.cli;

/**
 * A command failed for a reason the user can fix (a missing file, an invalid design, an unknown dataset): the
 * message is one line naming the thing and the fix, printed without the stack-trace hint.
 */
class CliError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a one-line {@code message}. */
    CliError(String message) {
        super(message);
    }

    /** An error with a one-line {@code message} caused by {@code cause} (kept for {@code NETWRIGHT_DEBUG}). */
    CliError(String message, Throwable cause) {
        super(message, cause);
    }
}
