package io.netwright.cli;

import io.netwright.backend.Device;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.MemoryEstimate;
import io.netwright.graph.NodeInfo;
import io.netwright.graph.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netwright summary DESIGN}: the per-layer table (node, type, output shape, parameters, MACs), the totals
 * and the training-memory estimate for a batch size. An invalid design prints the table as far as it is known and
 * every problem with its node and fix, and exits with 1.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print a design's layers (output shape, parameters, MACs), totals and training-memory "
                + "estimate; exit 1 listing every problem when the design is invalid.")
final class SummaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DESIGN", description = "The design file (.json), e.g. samples/designs/lenet5.json.")
    Path design;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "Batch size of the memory estimate (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "Optimizer of the memory estimate: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = OptimizerArgs.Names.class)
    String optimizer;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
            description = "Device whose memory the estimate is checked against: cpu (the JVM heap), cuda[:N] "
                    + "(default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        if (batch <= 0) {
            throw new UsageError("--batch " + batch + ": must be a positive number of samples");
        }
        OptimizerArgs opt = OptimizerArgs.parse(optimizer);
        Device dev = DeviceArgs.parse(device);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Design d = DesignArgs.read(design);
        DesignAnalysis a = new Analyzer().analyze(d);

        out.printf(Locale.ROOT, "%s (%s): input %s%s%n", d.metadata().name(), design.getFileName(),
                shapeText(d.input().shape()), d.input().dataset().isEmpty() ? ""
                        : ", dataset " + d.input().dataset());
        table(a).print(out);
        out.println();
        out.printf(Locale.ROOT, "parameters: %,d total, %,d trainable%s%n", a.totalParams(), a.trainableParams(),
                a.buffers() > 0 ? String.format(Locale.ROOT, " (+%,d buffer values)", a.buffers()) : "");
        out.printf(Locale.ROOT, "MACs: %,d per sample (%s FLOPs)%n", a.macs(), scaled(a.flops()));
        if (!a.hasErrors()) {
            MemoryEstimate m = a.memory(batch, opt.kind(), DeviceArgs.memoryBytes(dev));
            out.printf(Locale.ROOT, "training memory, batch %d, %s on %s: %s (weights %s, gradients %s, optimizer "
                            + "state %s, activations %s)%n", batch, opt.displayName(), dev,
                    MemoryEstimate.format(m.totalBytes()), MemoryEstimate.format(m.weightBytes()),
                    MemoryEstimate.format(m.gradientBytes()), MemoryEstimate.format(m.optimizerBytes()),
                    MemoryEstimate.format(m.activationBytes()));
            if (m.warning() != null) {
                out.println("warning: " + m.warning().text());
            }
        }
        for (Problem p : a.warnings()) {
            out.println("warning: " + DesignArgs.describe(p));
        }
        out.flush();
        if (a.hasErrors()) {
            List<Problem> errors = a.errors();
            err.printf("netwright summary: %s: the design is invalid (%d error%s):%n", design, errors.size(),
                    errors.size() == 1 ? "" : "s");
            for (Problem p : errors) {
                err.println("  " + DesignArgs.describe(p));
            }
            err.flush();
            return 1;
        }
        return 0;
    }

    /** One row per node, in topological order, then any node left out of it (cycles). */
    private static TextTable table(DesignAnalysis a) {
        TextTable t = new TextTable("node", "type", "output", "params", "MACs", "").numeric(3, 4);
        Set<String> ids = new LinkedHashSet<>(a.order());
        a.nodes().forEach(n -> ids.add(n.id()));
        for (String id : ids) {
            NodeInfo n = a.node(id).orElseThrow();
            List<Problem> problems = a.problemsFor(id);
            String mark = problems.stream().anyMatch(Problem::isError) ? "error"
                    : problems.isEmpty() ? "" : "warning";
            t.row(id, n.type(), n.outputShapeText(), String.format(Locale.ROOT, "%,d", n.params()),
                    String.format(Locale.ROOT, "%,d", n.macs()), mark);
        }
        return t;
    }

    static String shapeText(List<Integer> shape) {
        List<String> parts = new ArrayList<>();
        shape.forEach(s -> parts.add(Integer.toString(s)));
        return String.join("×", parts);
    }

    /** {@code 1.23 M}, {@code 4.5 G}. */
    static String scaled(long v) {
        if (v < 1_000) {
            return Long.toString(v);
        }
        String[] units = {"k", "M", "G", "T"};
        double x = v;
        int u = -1;
        do {
            x /= 1000;
            u++;
        } while (x >= 1000 && u < units.length - 1);
        return String.format(Locale.ROOT, "%.2f %s", x, units[u]);
    }
}
