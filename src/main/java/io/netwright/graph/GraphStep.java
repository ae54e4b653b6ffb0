package io.netwright.graph;

import java.util.List;

/**
 * One node of an analysed, error-free design as the exporters see it: its catalogue type, its parameters resolved
 * against the type's schema, the ids of the nodes wired to its input ports (in port order) and the per-sample
 * shapes (no batch dim) going in and coming out.
 *
 * <pre>{@code
 * for (GraphStep s : analysis.steps()) {
 *     if (s.type().name().equals("Conv2d")) { int[] k = s.params().pair("kernel_size"); ... }
 * }
 * }</pre>
 *
 * @param live whether the node's output reaches the design's Output (nodes that do not are not computed)
 */
public record GraphStep(String id, LayerType type, Params params, List<String> inputs, List<int[]> inputShapes,
        int[] outputShape, boolean live) {

    /** Copies the lists. */
    public GraphStep {
        inputs = List.copyOf(inputs);
        inputShapes = List.copyOf(inputShapes);
    }

    /** Whether this is the design's Input node. */
    public boolean isInput() {
        return type == IoLayer.INPUT;
    }

    /** Whether this is the design's Output node. */
    public boolean isOutput() {
        return type == IoLayer.OUTPUT;
    }

    /** The shape of input port {@code port} per sample. */
    public int[] inputShape(int port) {
        return inputShapes.get(port).clone();
    }
}
