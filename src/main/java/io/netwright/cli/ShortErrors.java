package io.netwright.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns exceptions into one-line messages that name the fix, never stack traces. Set {@code NETWRIGHT_DEBUG=1} in
 * the environment to get the stack trace of a failed command as well.
 */
final class ShortErrors {

    private ShortErrors() { }

    /** A wrong command line: message, suggestions for misspelt commands, the help command to run; exit code 2. */
    static int onParameterError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage() + " — run '" + name + " --help' for usage");
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A command that threw: one line naming the command and the problem; exit code 1. */
    static int onExecutionError(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        boolean debug = System.getenv("NETWRIGHT_DEBUG") != null;
        err.println(cl.getCommandSpec().qualifiedName() + ": " + msg
                + (debug ? "" : " (set NETWRIGHT_DEBUG=1 to see the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cl.getCommandSpec().exitCodeOnExecutionException();
    }
}
