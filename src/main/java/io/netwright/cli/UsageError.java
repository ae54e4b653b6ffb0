package io.netwright.cli;

/**
 * The command line was wrong (an option value out of range, an unknown name): a {@link CliError} that exits with
 * code 2, as {@link Main} documents, instead of 1. The message names the option and the values it accepts.
 */
final class UsageError extends CliError {

    private static final long serialVersionUID = 1L;

    /** A usage error with a one-line {@code message}, e.g. {@code --batch 0: must be a positive number}. */
    UsageError(String message) {
        super(message);
    }

    /** A usage error with a one-line {@code message} caused by {@code cause}. */
    UsageError(String message, Throwable cause) {
        super(message, cause);
    }
}
