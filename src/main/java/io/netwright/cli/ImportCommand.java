package io.netwright.cli;

import io.netwright.export.ExportException;
import io.netwright.export.ExportOutput;
import io.netwright.export.OnnxImport;
import io.netwright.export.OnnxImportException;
import io.netwright.export.OnnxImporter;
import io.netwright.graph.DesignFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwright import model.onnx --out design.json [--weights w.safetensors] [--partial] [--force]}: reads an
 * ONNX model as a design (laid out, analysed) and its weights under Netwright's keys, prints what was imported and
 * the report of anything not imported. Unsupported operators refuse the import unless {@code --partial}. Both
 * files are written atomically; existing ones are kept unless {@code --force}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an ONNX model as a design and its weights (safetensors).")
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model (.onnx).")
    Path model;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The design file to write (.json).")
    Path out;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "The weights file to write (default: next to the design, <name>.safetensors).")
    Path weights;

    @Option(names = "--partial", description = "Import even when some operators are unsupported: they become "
            + "labelled Identity placeholders to replace in the studio.")
    boolean partial;

    @Option(names = "--force", description = "Replace existing output files.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(model)) {
            throw new CliError(model + ": no such file — give an .onnx model");
        }
        Path w = weights != null ? weights : defaultWeights(out);
        if (w.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
            throw new UsageError("--weights " + w + ": is the design file too — choose another name");
        }
        for (Path p : new Path[] {out, w}) {
            if (!force && Files.exists(p)) {
                throw new CliError(p + " exists — pass --force to replace it, or choose another name");
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OnnxImport imp;
        try {
            imp = OnnxImporter.read(model, partial);
        } catch (OnnxImportException e) {
            e.report().ifPresent(r -> r.lines().forEach(o::println)); // the full list; the error stays one line
            throw new CliError(e.getMessage(), e);
        }
        String json = DesignFiles.toJson(imp.design());
        try {
            ExportOutput.file(out, force, s -> s.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            imp.writeWeights(w, force);
        } catch (ExportException e) {
            throw new CliError(e.getMessage(), e);
        }
        long layers = imp.design().nodes().stream().filter(n -> !n.type().equals("Input")
                && !n.type().equals("Output")).count();
        o.println("Imported " + imp.design().metadata().name() + " from " + model + ": " + layers + " layers, "
                + String.format(java.util.Locale.ROOT, "%,d", imp.parameterCount()) + " parameters"
                + (imp.classes().isEmpty() ? "" : ", " + imp.classes().size() + " class names"));
        o.println("  design:  " + out);
        o.println("  weights: " + w);
        imp.report().lines().forEach(o::println);
        if (!imp.report().complete()) {
            o.println("Partial import: replace the placeholders (labelled 'not imported') before training.");
        }
        return 0;
    }

    /** {@code <design stem>.safetensors} next to the design. */
    static Path defaultWeights(Path design) {
        String name = design.getFileName().toString().replaceFirst("\\.json$", "");
        return design.resolveSibling(name + ".safetensors");
    }
}
