package io.netwright.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;

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

    /**
     * A command that threw: one line naming the command and the problem; exit code 1. Multi-line messages (a design
     * file with several errors) are cut to their first line plus how many more there are.
     */
    static int onExecutionError(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean debug = System.getenv("NETWRIGHT_DEBUG") != null;
        boolean expected = ex instanceof CliError || ex instanceof NoSuchFileException
                || ex instanceof AccessDeniedException;
        err.println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(message(ex))
                + (debug || expected ? "" : " (set NETWRIGHT_DEBUG=1 to see the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cl.getCommandSpec().exitCodeOnExecutionException();
    }

    /** The message of {@code ex}, spelling out the file exceptions whose message is only a path. */
    static String message(Throwable ex) {
        if (ex instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or folder";
        }
        if (ex instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (ex instanceof FileSystemException e && e.getReason() != null) {
            return e.getFile() + ": " + e.getReason();
        }
        if (ex instanceof java.io.UncheckedIOException e && e.getCause() != null) {
            return message(e.getCause());
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    /** {@code text} on one line: its non-blank lines joined with "; " (list dashes dropped). */
    static String oneLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.startsWith("- ") ? l.substring(2) : l).toList();
        return lines.isEmpty() ? text : String.join("; ", lines);
    }
}
