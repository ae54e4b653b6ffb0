package io.netwright.cli;

import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.DesignFileException;
import io.netwright.graph.DesignFiles;
import io.netwright.graph.GraphModule;
import io.netwright.graph.Problem;
import io.netwright.tensor.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reading and compiling the DESIGN argument of a command, with errors that name the file and, for an invalid
 * design, the node and the fix.
 */
final class DesignArgs {

    private DesignArgs() {
    }

    /**
     * Reads {@code file} strictly.
     *
     * @throws CliError naming the file and every problem, on one line
     */
    static Design read(Path file) {
        if (Files.isDirectory(file)) {
            throw new CliError(file + ": is a folder — give a design file (.json), e.g. samples/designs/lenet5.json");
        }
        if (!Files.exists(file)) {
            throw new CliError(file + ": no such design file");
        }
        try {
            return DesignFiles.read(file);
        } catch (DesignFileException e) {
            List<String> errors = e.errors();
            throw new CliError(errors.size() == 1 ? errors.get(0)
                    : errors.size() + " problems: " + String.join("; ", errors), e);
        } catch (NoSuchFileException e) {
            throw new CliError(file + ": no such design file", e);
        } catch (IOException e) {
            String m = ShortErrors.message(e);
            throw new CliError(m.startsWith(file.toString()) ? m : file + ": cannot be read: " + m, e);
        }
    }

    /**
     * Refuses an analysed design with errors.
     *
     * @throws CliError naming the file, the first error with its node and fix, and how to see the others
     */
    static void requireValid(Path file, DesignAnalysis analysis) {
        if (analysis.hasErrors()) {
            List<Problem> errors = analysis.errors();
            String more = errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more)";
            throw new CliError(file.getFileName() + ": the design is invalid: " + describe(errors.get(0)) + more
                    + "; run 'netwright summary " + file + "' to see every problem");
        }
    }

    /**
     * Compiles an analysed design with weights drawn from {@code g}.
     *
     * @throws CliError when the design is invalid (see {@link #requireValid})
     */
    static GraphModule compile(Path file, DesignAnalysis analysis, Generator g) {
        requireValid(file, analysis);
        return DesignCompiler.compile(analysis, g);
    }

    /**
     * A problem on one line, naming its node (and input port) once:
     * {@code Linear 'fc1': input has 256 features, layer expects 400 — set in_features=256}.
     */
    static String describe(Problem p) {
        String text = p.text();
        if (p.nodeId() == null) {
            return text;
        }
        String named = "'" + p.nodeId() + "': ";
        int at = text.indexOf(named);
        if (at < 0) {
            return "node " + named.substring(0, named.length() - 2) + (p.hasPort() ? " input " + p.port() : "")
                    + ": " + text;
        }
        return p.hasPort() ? text.substring(0, at + named.length() - 2) + " input " + p.port()
                + text.substring(at + named.length() - 2) : text;
    }
}
