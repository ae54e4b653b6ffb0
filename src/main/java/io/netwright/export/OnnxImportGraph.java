package io.netwright.export;

import ai.onnx.proto.OnnxMl.NodeProto;
import io.netwright.graph.Analyzer;
import io.netwright.graph.Catalogue;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.graph.Edge;
import io.netwright.graph.Head;
import io.netwright.graph.InputSpec;
import io.netwright.graph.LayerType;
import io.netwright.graph.Metadata;
import io.netwright.graph.Node;
import io.netwright.graph.NodeInfo;
import io.netwright.graph.ParamSpec;
import io.netwright.graph.ParamValue;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The design being built from an ONNX graph: the constants known so far, which design node produces each dynamic
 * value, the nodes, wires and weights added, the consumers of every value (for fusing patterns such as MatMul →
 * Add) and the ONNX nodes already taken by such a pattern.
 */
final class OnnxImportGraph {

    /** The id of the design's Input node. */
    static final String INPUT_ID = "input";

    private final Map<String, OnnxConst> constants = new HashMap<>();
    private final Map<String, String> producers = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();
    private final Map<String, NodeProto> producerNodes = new HashMap<>();
    private final Set<String> graphOutputs = new HashSet<>();
    private final Set<NodeProto> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, Tensor> weights = new LinkedHashMap<>();
    private final Set<String> ids = new HashSet<>();
    private final InputSpec input;
    private DesignAnalysis analysis;

    OnnxImportGraph(InputSpec input, String inputValue, List<NodeProto> graphNodes, List<String> outputs) {
        this.input = input;
        nodes.add(Node.of(INPUT_ID, "Input"));
        ids.add(INPUT_ID);
        ids.add("output");
        producers.put(inputValue, INPUT_ID);
        for (NodeProto n : graphNodes) {
            for (String o : n.getOutputList()) {
                producerNodes.put(o, n);
            }
            for (String in : n.getInputList()) {
                if (!in.isEmpty()) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
        }
        graphOutputs.addAll(outputs);
    }

    // ---------------------------------------------------------------- values

    /** Whether {@code value} is a known constant. */
    boolean isConst(String value) {
        return constants.containsKey(value);
    }

    /** The constant {@code value}, or null. */
    OnnxConst constant(String value) {
        return constants.get(value);
    }

    /** Records {@code value} as a constant. */
    void putConst(String value, OnnxConst c) {
        constants.put(value, c);
    }

    /** The design node producing {@code value}, or null when it is not a dynamic value. */
    String producer(String value) {
        return producers.get(value);
    }

    /** Makes {@code value} another name for the dynamic value {@code same} (Identity, Dropout in inference). */
    void alias(String value, String same) {
        producers.put(value, producers.get(same));
    }

    /** The ONNX nodes reading {@code value}. */
    List<NodeProto> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    /** Whether {@code value} is read by exactly one node and is not a graph output (so it may be fused away). */
    boolean onlyFeeds(String value, NodeProto consumer) {
        List<NodeProto> c = consumers(value);
        return c.size() == 1 && c.get(0) == consumer && !graphOutputs.contains(value);
    }

    /** Marks {@code n} as handled by a pattern started at an earlier node. */
    void take(NodeProto n) {
        taken.add(n);
    }

    /** Whether {@code n} was handled by a pattern. */
    boolean isTaken(NodeProto n) {
        return taken.contains(n);
    }

    // ---------------------------------------------------------------- shapes

    /**
     * The full shape of dynamic {@code value} with the batch dim first ({@code -1}: unknown size).
     *
     * @throws OnnxImportGraph.NoShape when the design built so far gives it no shape
     */
    int[] shape(String value) {
        String id = producers.get(value);
        if (id == null) {
            throw new IllegalArgumentException("'" + value + "' is not a dynamic value");
        }
        if (id.equals(INPUT_ID)) {
            return withBatch(input.dims());
        }
        if (analysis == null) {
            analysis = new Analyzer().analyze(design("shapes", Head.classification()));
        }
        NodeInfo info = analysis.node(id).orElse(null);
        if (info == null || !info.hasShape()) {
            String why = analysis.problemsFor(id).isEmpty() ? "its input has no shape"
                    : analysis.problemsFor(id).get(0).text();
            throw new NoShape("layer '" + id + "' has no output shape: " + why);
        }
        return withBatch(info.outputShape().toArray());
    }

    /** The rank of dynamic {@code value}, batch dim included. */
    int rank(String value) {
        return shape(value).length;
    }

    private static int[] withBatch(int[] perSample) {
        int[] s = new int[perSample.length + 1];
        s[0] = -1;
        System.arraycopy(perSample, 0, s, 1, perSample.length);
        return s;
    }

    /** The shape query failed: a layer before has an invalid configuration. */
    static final class NoShape extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoShape(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- building

    /**
     * Adds a layer of {@code type} reading the dynamic values {@code inputs} (port order) and producing
     * {@code output}; parameters equal to the catalogue default are left out. Returns the node's id.
     *
     * @param name   the ONNX node name the id is made from
     * @param op     that node's operator (left out of the id)
     * @param params parameter name, value pairs (Integer, Double, Boolean, String, int[] or ParamValue)
     */
    String add(String name, String op, String type, List<String> inputs, String output, Object... params) {
        LayerType lt = Catalogue.standard().require(type);
        String id = freshId(OnnxNames.identifier(name, op), lt.idPrefix());
        Map<String, ParamValue> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            String pn = (String) params[i];
            ParamValue v = value(params[i + 1]);
            ParamSpec spec = lt.param(pn).orElseThrow(() -> new IllegalArgumentException(type + " has no " + pn));
            if (spec.required() || !same(v, spec.defaultValue())) {
                p.put(pn, v);
            }
        }
        nodes.add(new Node(id, type, p, 0, 0));
        for (int port = 0; port < inputs.size(); port++) {
            String from = producers.get(inputs.get(port));
            if (from == null) {
                throw new IllegalArgumentException("'" + inputs.get(port) + "' is not a dynamic value");
            }
            edges.add(Edge.of(from, id, port));
        }
        producers.put(output, id);
        analysis = null;
        return id;
    }

    /**
     * A partial import's stand-in for an unsupported node: an Identity labelled with the operator, reading the
     * node's first dynamic input and producing all its outputs. Does nothing when no input is dynamic.
     */
    void placeholder(NodeProto n, String reason) {
        String from = null;
        for (String in : n.getInputList()) {
            if (producers.containsKey(in)) {
                from = in;
                break;
            }
        }
        if (from == null || n.getOutputCount() == 0) {
            return;
        }
        String id = add(n.getName(), n.getOpType(), "Identity", List.of(from), n.getOutput(0));
        Node placed = nodes.remove(nodes.size() - 1);
        nodes.add(new Node(id, "Identity", placed.params(), 0, 0, n.getOpType() + " (not imported)", reason, false,
                Map.of()));
        for (String o : n.getOutputList()) {
            producers.put(o, id);
        }
    }

    /**
     * When dynamic {@code value} comes from a merge layer of {@code type} and feeds only {@code consumer}, wires
     * {@code extra} into that layer's next port and makes it produce {@code output} (a chain of binary Adds becomes
     * one Add of many). Returns whether it did.
     */
    boolean extendMerge(String value, String type, String extra, NodeProto consumer, String output) {
        String id = producers.get(value);
        if (id == null || id.equals(INPUT_ID) || !onlyFeeds(value, consumer)) {
            return false;
        }
        Node n = nodesById(id);
        if (n == null || !n.type().equals(type)) {
            return false;
        }
        int port = 0;
        for (Edge e : edges) {
            if (e.to().equals(id)) {
                port = Math.max(port, e.toPort() + 1);
            }
        }
        edges.add(Edge.of(producers.get(extra), id, port));
        producers.put(output, id);
        analysis = null;
        return true;
    }

    private Node nodesById(String id) {
        for (Node n : nodes) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }

    /** The ONNX node producing {@code value}, or null for inputs and initializers. */
    NodeProto producerNode(String value) {
        return producerNodes.get(value);
    }

    /** Adds the weight {@code <id>.<name>}. */
    void weight(String id, String name, OnnxConst value) {
        weights.put(id + "." + name, value.toTensor());
    }

    /** Adds the weight {@code <id>.<name>} given as a tensor. */
    void weight(String id, String name, Tensor value) {
        weights.put(id + "." + name, value);
    }

    /** Wires the design's Output node after the producer of {@code value}. */
    void output(String value) {
        nodes.add(Node.of("output", "Output"));
        edges.add(Edge.of(producers.get(value), "output"));
        analysis = null;
    }

    /** The weights added. */
    Map<String, Tensor> weights() {
        return weights;
    }

    /** The design of everything added so far. */
    Design design(String name, Head head) {
        return new Design(Metadata.named(name), input, head, nodes, edges);
    }

    private String freshId(String base, String prefix) {
        if (base == null) {
            for (int i = 1; ; i++) {
                if (ids.add(prefix + i)) {
                    return prefix + i;
                }
            }
        }
        String id = base;
        for (int i = 2; !ids.add(id); i++) {
            id = base + "_" + i;
        }
        return id;
    }

    private static ParamValue value(Object v) {
        if (v instanceof ParamValue pv) {
            return pv;
        } else if (v instanceof Integer x) {
            return ParamValue.of(x);
        } else if (v instanceof Double x) {
            return ParamValue.of(x);
        } else if (v instanceof Boolean x) {
            return ParamValue.of(x);
        } else if (v instanceof String x) {
            return ParamValue.of(x);
        } else if (v instanceof int[] x) {
            return x.length == 2 && x[0] == x[1] ? ParamValue.of(x[0]) : ParamValue.ofInts(x);
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    /** Whether two parameter values mean the same (a pair {@code [3, 3]} is {@code 3}). */
    static boolean same(ParamValue a, ParamValue b) {
        if (a.equals(b)) {
            return true;
        }
        if (a instanceof ParamValue.FloatValue x && b instanceof ParamValue.FloatValue y) {
            return x.value() == y.value();
        }
        int[] ia = ints(a);
        int[] ib = ints(b);
        if (ia == null || ib == null) {
            return false;
        }
        if (ia.length == 1 && ib.length == 2) {
            ia = new int[] {ia[0], ia[0]};
        }
        if (ib.length == 1 && ia.length == 2) {
            ib = new int[] {ib[0], ib[0]};
        }
        return java.util.Arrays.equals(ia, ib);
    }

    private static int[] ints(ParamValue v) {
        if (v instanceof ParamValue.IntValue i) {
            return new int[] {i.value()};
        }
        if (v instanceof ParamValue.IntsValue l) {
            return l.values().stream().mapToInt(Integer::intValue).toArray();
        }
        return null;
    }
}
