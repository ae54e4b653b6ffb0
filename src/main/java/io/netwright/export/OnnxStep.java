package io.netwright.export;

import io.netwright.graph.GraphStep;
import io.netwright.graph.Params;
import io.netwright.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * One design node being mapped to ONNX: the graph to add to, the node, the names of its input values (port
 * order), the value name its result must have, and the model's state dict for its weights.
 */
final class OnnxStep {

    private final OnnxGraph graph;
    private final GraphStep step;
    private final List<String> inputs;
    private final String output;
    private final Map<String, Tensor> state;

    OnnxStep(OnnxGraph graph, GraphStep step, List<String> inputs, String output, Map<String, Tensor> state) {
        this.graph = graph;
        this.step = step;
        this.inputs = List.copyOf(inputs);
        this.output = output;
        this.state = state;
    }

    OnnxGraph graph() {
        return graph;
    }

    GraphStep step() {
        return step;
    }

    Params params() {
        return step.params();
    }

    /** The value name of input port 0. */
    String in() {
        return inputs.get(0);
    }

    /** The value names of all input ports. */
    List<String> inputs() {
        return inputs;
    }

    /** The value name the node's result must have. */
    String out() {
        return output;
    }

    /** Per-sample rank of input port 0 (the ONNX value has one more dim, the batch). */
    int inRank() {
        return step.inputShapes().get(0).length;
    }

    /** Whether the model holds the state entry {@code <id>.<name>}. */
    boolean has(String name) {
        return state.containsKey(step.id() + "." + name);
    }

    /** The initializer for state entry {@code <id>.<name>}, added under that key. */
    String weight(String name) {
        String key = step.id() + "." + name;
        Tensor t = state.get(key);
        if (t == null) {
            throw fail("the model has no '" + key + "' — compile the design and load its weights before exporting");
        }
        return graph.initializer(key, t);
    }

    /** A temporary value name for this node ({@code conv1/pad}). */
    String temp(String suffix) {
        return graph.fresh(step.id() + "/" + suffix);
    }

    /** An export failure naming this node. */
    ExportException fail(String why) {
        return new ExportException("node '" + step.id() + "' (" + step.type().name() + "): " + why);
    }
}
