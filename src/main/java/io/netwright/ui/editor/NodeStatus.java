package io.netwright.ui.editor;

import io.netwright.graph.Problem;
import java.util.List;

/**
 * What the canvas shows about one visible node after analysis: its output shape as text ({@code 6×28×28} or
 * {@code ?}), parameters, MACs, and the problems attached to it. For a block instance the numbers add up its layers.
 */
public record NodeStatus(String id, String shapeText, long params, long trainableParams, long macs,
        List<Problem> problems) {

    /** Copies the problems. */
    public NodeStatus {
        problems = List.copyOf(problems);
    }

    /** Whether an error is attached. */
    public boolean hasError() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Whether a warning (and no error) is attached. */
    public boolean hasWarningOnly() {
        return !hasError() && !problems.isEmpty();
    }

    /** The problems as hover text, one per line. */
    public String problemText() {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            sb.append(sb.length() == 0 ? "" : "\n").append(p.isError() ? "Error: " : "Warning: ").append(p.text());
        }
        return sb.toString();
    }
}
