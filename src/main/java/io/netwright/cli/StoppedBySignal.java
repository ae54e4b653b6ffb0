package io.netwright.cli;

/**
 * A run stopped by Ctrl-C or SIGTERM. The shutdown hook has already printed where it stopped and how to resume
 * (the JVM may end before anything else is printed), so the error handler prints no second line; it only exits
 * with {@link #EXIT_CODE}, as a shell does for an interrupted command, and gives {@code --json} its error object.
 */
final class StoppedBySignal extends CliError {

    private static final long serialVersionUID = 1L;

    /** The exit code: 128 + SIGINT, what the JVM itself exits with after Ctrl-C. */
    static final int EXIT_CODE = 130;

    /** The stop, described by {@code message} (already printed). */
    StoppedBySignal(String message) {
        super(message);
    }
}
