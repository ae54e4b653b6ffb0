package io.netwright.export;

import java.util.ArrayList;
import java.util.List;

/**
 * What an ONNX import could not bring in: every node whose operator (or attribute, or use) has no Netwright layer,
 * and notes on what was adapted or dropped (an extra graph output, a placeholder left by a partial import).
 *
 * <pre>{@code
 * if (!report.complete()) System.err.println(String.join("\n", report.lines()));
 * }</pre>
 *
 * @param unsupported the nodes not imported, in graph order
 * @param notes       other findings, one line each
 */
public record OnnxImportReport(List<Unsupported> unsupported, List<String> notes) {

    /** Copies the lists. */
    public OnnxImportReport {
        unsupported = List.copyOf(unsupported);
        notes = List.copyOf(notes);
    }

    /**
     * One ONNX node that has no Netwright equivalent.
     *
     * @param node   the node's name (its output's name when it has none)
     * @param opType the operator, with its domain when not the default one ({@code com.microsoft.FusedConv})
     * @param opset  the opset version the model imports for that domain
     * @param reason why it was not imported, with the fix where there is one
     */
    public record Unsupported(String node, String opType, int opset, String reason) {

        /** {@code node 'x' (Cos, opset 17): reason}. */
        @Override
        public String toString() {
            return "node '" + node + "' (" + opType + ", opset " + opset + "): " + reason;
        }
    }

    /** Whether every node was imported. */
    public boolean complete() {
        return unsupported.isEmpty();
    }

    /** The distinct unsupported operator names, in first-seen order. */
    public List<String> unsupportedOps() {
        List<String> ops = new ArrayList<>();
        for (Unsupported u : unsupported) {
            if (!ops.contains(u.opType())) {
                ops.add(u.opType());
            }
        }
        return ops;
    }

    /** The report as lines: a heading, one line per unsupported node, then the notes. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (!unsupported.isEmpty()) {
            out.add(unsupported.size() + " unsupported node" + (unsupported.size() == 1 ? "" : "s") + " ("
                    + String.join(", ", unsupportedOps()) + "):");
            unsupported.forEach(u -> out.add("  " + u));
        }
        notes.forEach(n -> out.add("note: " + n));
        return out;
    }

    /** One line summing up the unsupported nodes, for an error message. */
    public String summary() {
        String first = unsupported.isEmpty() ? "" : unsupported.get(0).toString();
        return unsupported.size() + " unsupported node" + (unsupported.size() == 1 ? "" : "s") + " ("
                + String.join(", ", unsupportedOps()) + "), first " + first;
    }
}
