package io.netwright.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it printed. */
final class Cli {

    /** Output and exit code of one invocation. */
    record Result(int code, String out, String err) {
        /** The first line of stderr. */
        String firstErrorLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private Cli() {
    }

    /** Runs {@code args} through {@link Main#run(PrintWriter, PrintWriter, String...)}. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
