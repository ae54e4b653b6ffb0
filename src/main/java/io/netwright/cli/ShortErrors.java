package io.netwright.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.google.gson.JsonObject;
import io.netwright.io.Json;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns exceptions into one-line messages that name the fix, never stack traces. Set {@code NETWRIGHT_DEBUG=1} in
 * the environment to get the stack trace of a failed command as well. With {@code --json} on the command line the
 * failure is also printed on stdout as one JSON object, {@code {"error": ..., "command": ..., "exit_code": ...}},
 * so a script reading stdout always gets JSON.
 */
final class ShortErrors {

    private ShortErrors() { }

    /** A wrong command line: message, suggestions for misspelt commands, the help command to run; exit code 2. */
    static int onParameterError(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String name = cl.getCommandSpec().qualifiedName();
        String message = unknownCommand(ex).orElse(ex.getMessage());
        err.println(name + ": " + message + " — run '" + name + " --help' for usage");
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.flush();
        int code = cl.getCommandSpec().exitCodeOnInvalidInput();
        if (Arrays.asList(args).contains("--json")) {
            printJson(cl, message, code);
        }
        return code;
    }

    /**
     * For a word where a command was expected: {@code unknown command 'foo' (commands: summary, train, ...)}.
     * Empty for any other error.
     */
    private static Optional<String> unknownCommand(ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        if (!(ex instanceof UnmatchedArgumentException u) || u.isUnknownOption() || cl.getSubcommands().isEmpty()
                || u.getUnmatched().isEmpty() || cl.getParseResult() != null
                && cl.getParseResult().subcommand() != null) {
            return Optional.empty();
        }
        String commands = String.join(", ", cl.getSubcommands().keySet());
        return Optional.of("unknown command '" + u.getUnmatched().get(0) + "' (commands: " + commands
                + ")");
    }

    /**
     * A command that threw: one line naming the command and the problem; exit code 1 (2 for a {@link UsageError}).
     * Multi-line messages (a design
     * file with several errors) are cut to their first line plus how many more there are.
     */
    static int onExecutionError(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof StoppedBySignal stop) {
            if (cl.getParseResult() != null && cl.getParseResult().hasMatchedOption("--json")) {
                printJson(cl, stop.getMessage(), StoppedBySignal.EXIT_CODE);
            }
            return StoppedBySignal.EXIT_CODE; // the shutdown hook printed where the run stopped
        }
        boolean debug = System.getenv("NETWRIGHT_DEBUG") != null;
        boolean expected = ex instanceof CliError || ex instanceof NoSuchFileException
                || ex instanceof AccessDeniedException;
        String message = oneLine(message(ex));
        err.println(cl.getCommandSpec().qualifiedName() + ": " + message
                + (debug || expected ? "" : " (set NETWRIGHT_DEBUG=1 to see the stack trace)"));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        int code = ex instanceof UsageError ? cl.getCommandSpec().exitCodeOnInvalidInput()
                : cl.getCommandSpec().exitCodeOnExecutionException();
        if (cl.getParseResult() != null && cl.getParseResult().hasMatchedOption("--json")) {
            printJson(cl, message, code);
        }
        return code;
    }

    /** The failure as one JSON object on the command's stdout. */
    private static void printJson(CommandLine cl, String message, int code) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        o.addProperty("command", cl.getCommandSpec().qualifiedName());
        o.addProperty("exit_code", code);
        PrintWriter out = cl.getOut();
        out.println(Json.GSON.toJson(o));
        out.flush();
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
