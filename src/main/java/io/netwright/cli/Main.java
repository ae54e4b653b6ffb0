package io.netwright.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code netwright} command: the jar's entry point and the parent of every subcommand.
 *
 * <pre>{@code java -jar target/netwright.jar devices}</pre>
 *
 * Exit codes: 0 success, 1 the command failed, 2 the command line was wrong, 130 a run stopped by Ctrl-C or
 * SIGTERM (after printing where it stopped and how to resume; the shell then sees 130 or 143).
 */
@Command(name = "netwright",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Design, train and watch convolutional networks on Netwright's own tensor engine.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
                SummaryCommand.class,
                TrainCommand.class,
                ResumeCommand.class,
                PredictCommand.class,
                EvalCommand.class,
                ExportCommand.class,
                ImportCommand.class,
                DemoCommand.class,
                DevicesCommand.class,
                StudioCommand.class,
                io.netwright.cli.bench.BenchCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Whether standard output is a terminal (progress is then one line redrawn with {@code \r}). */
    private final boolean terminal;

    Main(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether output goes to a terminal; commands reach it through {@code @ParentCommand}. */
    boolean terminal() {
        return terminal;
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs the command line against {@code System.out} / {@code System.err} and returns the exit code. */
    public static int run(String... args) {
        Charset cs = Charset.defaultCharset();
        return run(new PrintWriter(System.out, true, cs), new PrintWriter(System.err, true, cs), stdoutIsTerminal(),
                args);
    }

    /** Runs the command line, writing normal output to {@code out} and diagnostics to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    /** Like {@link #run(PrintWriter, PrintWriter, String...)}; {@code terminal} says whether {@code out} is one. */
    static int run(PrintWriter out, PrintWriter err, boolean terminal, String... args) {
        try {
            return commandLine(out, err, terminal).execute(openingDesign(args));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * A lone design file on the command line means {@code studio FILE}: that is how a desktop opens a design the
     * user double-clicked ({@code netwright %F}). Anything else is left as it is.
     */
    static String[] openingDesign(String... args) {
        if (args.length != 1 || args[0].startsWith("-") || !args[0].toLowerCase(Locale.ROOT).endsWith(".json")) {
            return args;
        }
        try {
            return Files.isRegularFile(Path.of(args[0])) ? new String[] {"studio", args[0]} : args;
        } catch (InvalidPathException e) {
            return args;
        }
    }

    /** The configured picocli command line (exposed for tests and for embedding). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean terminal) {
        CommandLine cl = new CommandLine(new Main(terminal));
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(ShortErrors::onParameterError);
        cl.setExecutionExceptionHandler(ShortErrors::onExecutionError);
        return cl;
    }

    /**
     * Whether standard output is an interactive terminal. {@code System.console()} is null when stdin or stdout is
     * redirected up to Java 21; from Java 22 on it is always present and {@code Console.isTerminal()} tells.
     */
    static boolean stdoutIsTerminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true; // before Java 22 a console means a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** No command given: a usage error, so scripts notice, with the fix in the message. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }
}
