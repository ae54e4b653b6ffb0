package io.netwright.export;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;

/**
 * One ONNX node being imported: its inputs (constants or dynamic values), attributes with their ONNX defaults,
 * the graph being built and the opset. A mapping that cannot import the node calls {@link #refuse}, which lands in
 * the import report.
 */
final class OnnxImportNode {

    private final NodeProto proto;
    private final OnnxImportGraph graph;
    private final int opset;

    OnnxImportNode(NodeProto proto, OnnxImportGraph graph, int opset) {
        this.proto = proto;
        this.graph = graph;
        this.opset = opset;
    }

    NodeProto proto() {
        return proto;
    }

    OnnxImportGraph graph() {
        return graph;
    }

    int opset() {
        return opset;
    }

    String op() {
        return proto.getOpType();
    }

    /** The node's name, or its first output's name when it has none. */
    String name() {
        return proto.getName().isEmpty() ? (proto.getOutputCount() > 0 ? proto.getOutput(0) : op()) : proto.getName();
    }

    /** The name of input {@code i}; empty when absent. */
    String in(int i) {
        return i < proto.getInputCount() ? proto.getInput(i) : "";
    }

    /** Whether input {@code i} is given. */
    boolean has(int i) {
        return !in(i).isEmpty();
    }

    /** The name of output 0. */
    String out() {
        return proto.getOutput(0);
    }

    /** Whether input {@code i} is a known constant. */
    boolean isConst(int i) {
        return has(i) && graph.isConst(in(i));
    }

    /** Input {@code i} as a constant, null when absent; refuses a dynamic value. */
    OnnxConst constant(int i, String what) {
        if (!has(i)) {
            return null;
        }
        OnnxConst c = graph.constant(in(i));
        if (c == null) {
            throw refuse("the " + what + " (input " + i + ", '" + in(i) + "') is computed at run time; Netwright "
                    + "needs it constant");
        }
        return c;
    }

    /** Input {@code i}, which must be a dynamic value (computed from the graph input). */
    String dynamic(int i) {
        String v = in(i);
        if (graph.producer(v) == null) {
            throw refuse(graph.isConst(v) ? "input " + i + " ('" + v + "') is a constant where Netwright's layer takes "
                    + "the data" : "input " + i + " ('" + v + "') is not produced by any imported node");
        }
        return v;
    }

    /** Whether input {@code i} is a dynamic value. */
    boolean isDynamic(int i) {
        return has(i) && graph.producer(in(i)) != null;
    }

    /** Refuses when an output other than the first is read by another node or is a graph output. */
    void onlyFirstOutputUsed() {
        for (int i = 1; i < proto.getOutputCount(); i++) {
            String o = proto.getOutput(i);
            if (!o.isEmpty() && !graph.consumers(o).isEmpty()) {
                throw refuse("its output " + i + " ('" + o + "') is used, and Netwright's layer has one output");
            }
        }
    }

    /** Adds a layer for this node producing its output; returns the layer's id. */
    String add(String type, List<String> inputs, Object... params) {
        return graph.add(name(), op(), type, inputs, out(), params);
    }

    // ---------------------------------------------------------------- attributes

    private AttributeProto attr(String name) {
        for (AttributeProto a : proto.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Whether attribute {@code name} is set. */
    boolean hasAttr(String name) {
        return attr(name) != null;
    }

    /** Int attribute {@code name}, or {@code def}. */
    long integer(String name, long def) {
        AttributeProto a = attr(name);
        return a == null ? def : a.getI();
    }

    /** Float attribute {@code name} (as the shortest decimal of the float: 1e-5, not 9.99999974738e-06), or def. */
    double number(String name, double def) {
        AttributeProto a = attr(name);
        return a == null ? def : Double.parseDouble(Float.toString(a.getF()));
    }

    /** String attribute {@code name}, or {@code def}. */
    String text(String name, String def) {
        AttributeProto a = attr(name);
        return a == null ? def : a.getS().toStringUtf8();
    }

    /** Ints attribute {@code name}, or null when not set. */
    int[] ints(String name) {
        AttributeProto a = attr(name);
        if (a == null) {
            return null;
        }
        return a.getIntsList().stream().mapToInt(Long::intValue).toArray();
    }

    /** Tensor attribute {@code name}, or null. */
    ai.onnx.proto.OnnxMl.TensorProto tensor(String name) {
        AttributeProto a = attr(name);
        return a == null || !a.hasT() ? null : a.getT();
    }

    /** Floats attribute {@code name}, or null. */
    float[] floats(String name) {
        AttributeProto a = attr(name);
        if (a == null) {
            return null;
        }
        float[] f = new float[a.getFloatsCount()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.getFloats(i);
        }
        return f;
    }

    // ---------------------------------------------------------------- refusal

    /** A refusal of this node, for the report. */
    Refused refuse(String reason) {
        return new Refused(reason);
    }

    /** The node cannot be imported; {@link #getMessage()} says why. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
