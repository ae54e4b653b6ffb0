package io.netwright.graph;

import io.netwright.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Analyses a design on every edit: checks parameters against the catalogue, wires against ports, finds the
 * topological order and cycles, infers every node's output shape, counts parameters, MACs/FLOPs and activation
 * memory, and checks the structure (one Input, one Output, nothing unconnected, nothing unused) and the loss
 * against the output. Every finding is a {@link Problem} attached to its node (and port) with a fix where one
 * exists. Fast and allocation-light: well under 5 ms for a 200-node design. Thread-safe.
 *
 * <pre>{@code DesignAnalysis a = new Analyzer().analyze(design);}</pre>
 */
public final class Analyzer {

    private final Catalogue catalogue;

    /** An analyzer over the standard catalogue. */
    public Analyzer() {
        this(Catalogue.standard());
    }

    /** An analyzer over {@code catalogue}. */
    public Analyzer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Analyses {@code design}. Never throws for a bad design: everything wrong is in the problems. A design that
     * places blocks is analysed expanded ({@link Blocks#expand}): {@link DesignAnalysis#design()} is then the flat
     * design, node infos use the expanded ids ({@code res1_conv1}), and problems are attached to the instance
     * node of the original design ({@code res1}) while their messages name the expanded layer.
     */
    public DesignAnalysis analyze(Design design) {
        if (!Blocks.usesBlocks(design)) {
            return new Run(design, null).run();
        }
        return new Run(null, Blocks.expand(design)).run();
    }

    /** Ids that cannot name an attribute of the exported PyTorch module (keywords and nn.Module members). */
    static final Set<String> RESERVED_IDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "training", "forward", "parameters", "named_parameters", "buffers", "named_buffers",
            "children", "named_children", "modules", "named_modules", "train", "eval", "to", "cuda", "cpu", "float",
            "double", "half", "bfloat16", "type", "apply", "state_dict", "load_state_dict", "register_buffer",
            "register_parameter", "register_module", "add_module", "zero_grad", "requires_grad_", "get_submodule",
            "get_parameter", "get_buffer", "extra_repr", "share_memory", "dump_patches", "call_super_init",
            "to_empty", "register_forward_hook", "register_forward_pre_hook", "register_backward_hook",
            "register_full_backward_hook", "xpu", "ipu");

    // ================================================================ one analysis

    private final class Run implements ShapeCheck {

        private final Design design;
        private final List<Node> nodes;
        private final int n;
        private final Map<String, Integer> index;
        private final LayerType[] types;
        private final Params[] params;
        private final boolean[] paramsOk;
        private final int[][] sources;
        private final int[] outDegree;
        private final int[][] outShapes;
        private final int[][][] inShapes;
        private final List<Problem> problems = new ArrayList<>();
        private final Blocks.Expansion expansion;
        private int current;

        Run(Design plain, Blocks.Expansion expansion) {
            this.expansion = expansion;
            this.design = expansion == null ? plain : expansion.design();
            if (expansion != null) {
                problems.addAll(expansion.problems());
            }
            this.nodes = design.nodes();
            this.n = nodes.size();
            this.index = new HashMap<>(n * 2);
            this.types = new LayerType[n];
            this.params = new Params[n];
            this.paramsOk = new boolean[n];
            this.sources = new int[n][];
            this.outDegree = new int[n];
            this.outShapes = new int[n][];
            this.inShapes = new int[n][][];
        }

        DesignAnalysis run() {
            for (int i = 0; i < n; i++) {
                index.put(nodes.get(i).id(), i);
            }
            for (int i = 0; i < n; i++) {
                resolve(i);
            }
            wire();
            int[] topo = order();
            checkStructure();
            boolean[] live = live();
            List<NodeInfo> infos = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                infos.add(null);
            }
            for (int i : topo) {
                infer(i);
            }
            for (int i = 0; i < n; i++) {
                infos.set(i, info(i));
            }
            checkLoss();
            return new DesignAnalysis(design, infos, index, topo, problems, types, params, sources, outShapes, live);
        }

        // ---------------------------------------------------------------- problems

        private String prefix(int i) {
            Node node = nodes.get(i);
            return node.type() + " '" + node.id() + "': ";
        }

        private void add(Problem.Severity s, int node, int port, String message, String fix) {
            String id = node < 0 ? null : nodes.get(node).id();
            if (id != null && expansion != null && !expansion.visibleId(id).equals(id)) {
                // attach to the block instance the user sees; its ports are not the inner layer's
                problems.add(new Problem(s, expansion.visibleId(id), -1, prefix(node) + message, fix));
                return;
            }
            problems.add(new Problem(s, id, port, node < 0 ? message : prefix(node) + message, fix));
        }

        @Override
        public void error(String message, String fix) {
            add(Problem.Severity.ERROR, current, -1, message, fix);
        }

        @Override
        public void errorAt(int port, String message, String fix) {
            add(Problem.Severity.ERROR, current, port, message, fix);
        }

        @Override
        public void warning(String message, String fix) {
            add(Problem.Severity.WARNING, current, -1, message, fix);
        }

        @Override
        public int[] designInput() {
            return design.input().dims();
        }

        // ---------------------------------------------------------------- types and parameters

        private void resolve(int i) {
            Node node = nodes.get(i);
            LayerType t = catalogue.find(node.type());
            if (RESERVED_IDS.contains(node.id())) {
                add(Problem.Severity.ERROR, i, -1, "the id '" + node.id() + "' is reserved in PyTorch modules",
                        "rename it, e.g. '" + node.id() + "_1'");
            }
            if (t == null) {
                add(Problem.Severity.ERROR, i, -1, "unknown layer type '" + node.type() + "'"
                        + catalogue.suggestion(node.type()), "choose a layer type from the palette");
                return;
            }
            types[i] = t;
            boolean ok = true;
            for (var e : node.params().entrySet()) {
                ParamSpec spec = find(t, e.getKey());
                if (spec == null) {
                    add(Problem.Severity.ERROR, i, -1, "unknown parameter '" + e.getKey() + "'",
                            t.params().isEmpty() ? "remove it (" + t.name() + " has no parameters)"
                                    : "remove it (known: " + String.join(", ", t.params().stream()
                                            .map(ParamSpec::name).toList()) + ")");
                    ok = false;
                } else {
                    String bad = spec.check(e.getValue());
                    if (bad != null) {
                        add(Problem.Severity.ERROR, i, -1, bad, "set " + spec.name() + " to " + spec.expected());
                        ok = false;
                    }
                }
            }
            for (ParamSpec spec : t.params()) {
                if (spec.required() && node.param(spec.name()) == null) {
                    add(Problem.Severity.ERROR, i, -1, "parameter " + spec.name() + " is required",
                            "set " + spec.name() + " (e.g. " + spec.defaultValue() + ")");
                    ok = false;
                }
            }
            paramsOk[i] = ok;
            params[i] = Params.of(t, node);
        }

        private static ParamSpec find(LayerType t, String name) {
            for (ParamSpec s : t.params()) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
            return null;
        }

        // ---------------------------------------------------------------- wires

        private void wire() {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ports[i] = types[i] == null ? 0 : types[i].minInputs();
            }
            List<Edge> edges = design.edges();
            for (Edge e : edges) {
                int to = index.get(e.to());
                LayerType t = types[to];
                if (t != null && e.toPort() >= t.maxInputs()) {
                    continue;
                }
                ports[to] = Math.max(ports[to], e.toPort() + 1);
            }
            for (int i = 0; i < n; i++) {
                sources[i] = new int[ports[i]];
                Arrays.fill(sources[i], -1);
            }
            for (Edge e : edges) {
                int from = index.get(e.from());
                int to = index.get(e.to());
                if (e.fromPort() != 0) {
                    add(Problem.Severity.ERROR, to, e.toPort(), "the wire from '" + e.from() + "' leaves its "
                            + "output port " + e.fromPort() + ", but layers have one output (port 0)",
                            "connect from port 0");
                }
                if (e.toPort() >= sources[to].length) {
                    LayerType t = types[to];
                    add(Problem.Severity.ERROR, to, e.toPort(), t.maxInputs() == 0 ? "takes no inputs, but '"
                            + e.from() + "' is wired to it" : "has " + t.maxInputs() + " input"
                            + (t.maxInputs() == 1 ? "" : "s") + ", but '" + e.from() + "' is wired to port "
                            + e.toPort(), "remove the wire " + e);
                    continue;
                }
                sources[to][e.toPort()] = from;
                outDegree[from]++;
            }
        }

        // ---------------------------------------------------------------- order and cycles

        private int[] order() {
            int[] pending = new int[n];
            int[][] consumers = consumers();
            PriorityQueue<Integer> ready = new PriorityQueue<>();
            for (int i = 0; i < n; i++) {
                for (int s : sources[i]) {
                    if (s >= 0) {
                        pending[i]++;
                    }
                }
                if (pending[i] == 0) {
                    ready.add(i);
                }
            }
            int[] topo = new int[n];
            int count = 0;
            while (!ready.isEmpty()) {
                int i = ready.poll();
                topo[count++] = i;
                for (int c : consumers[i]) {
                    if (--pending[c] == 0) {
                        ready.add(c);
                    }
                }
            }
            if (count < n) {
                reportCycles(pending);
            }
            return count == n ? topo : Arrays.copyOf(topo, count);
        }

        /** Consumers of each node, one entry per wire. */
        private int[][] consumers() {
            int[][] c = new int[n][];
            int[] fill = new int[n];
            for (int i = 0; i < n; i++) {
                c[i] = new int[outDegree[i]];
            }
            for (int i = 0; i < n; i++) {
                for (int s : sources[i]) {
                    if (s >= 0) {
                        c[s][fill[s]++] = i;
                    }
                }
            }
            return c;
        }

        /** Walks back from each unordered node to find its cycle; reports each cycle once. */
        private void reportCycles(int[] pending) {
            boolean[] inCycle = new boolean[n];
            int[] seenInWalk = new int[n];
            int walk = 0;
            for (int start = 0; start < n; start++) {
                if (pending[start] == 0 || inCycle[start]) {
                    continue;
                }
                walk++;
                List<Integer> path = new ArrayList<>();
                int u = start;
                while (!inCycle[u] && seenInWalk[u] != walk) {
                    seenInWalk[u] = walk;
                    path.add(u);
                    int next = -1;
                    for (int s : sources[u]) {
                        if (s >= 0 && pending[s] > 0) {
                            next = s;
                            break;
                        }
                    }
                    u = next;
                }
                if (inCycle[u]) {
                    continue; // downstream of a cycle already reported
                }
                // the walk went backwards: path[k..] is the cycle in reverse
                List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(u), path.size()));
                java.util.Collections.reverse(cycle);
                // start the text at the node listed first in the design
                int first = cycle.stream().min(Integer::compare).orElseThrow();
                java.util.Collections.rotate(cycle, -cycle.indexOf(first));
                StringBuilder text = new StringBuilder();
                for (int k : cycle) {
                    inCycle[k] = true;
                    text.append(nodes.get(k).id()).append(" → ");
                }
                text.append(nodes.get(cycle.get(0)).id());
                int last = cycle.get(cycle.size() - 1);
                add(Problem.Severity.ERROR, first, -1, "is part of a cycle " + text, "remove a wire of the cycle, "
                        + "e.g. " + nodes.get(last).id() + " → " + nodes.get(cycle.get(0)).id());
            }
        }

        // ---------------------------------------------------------------- structure

        private void checkStructure() {
            int inputs = 0;
            int outputs = 0;
            String firstInput = null;
            for (int i = 0; i < n; i++) {
                LayerType t = types[i];
                if (t == IoLayer.INPUT) {
                    if (inputs++ > 0) {
                        add(Problem.Severity.ERROR, i, -1, "a design has one Input, and '" + firstInput
                                + "' is already one", "delete this one and wire its layers to '" + firstInput + "'");
                    } else {
                        firstInput = nodes.get(i).id();
                    }
                }
                if (t == IoLayer.OUTPUT) {
                    if (outputs++ > 0) {
                        add(Problem.Severity.ERROR, i, -1, "a design has one Output", "delete this one");
                    }
                    if (outDegree[i] > 0) {
                        add(Problem.Severity.ERROR, i, -1, "Output must be the last layer, but it feeds other "
                                + "layers", "remove the wires leaving it");
                    }
                } else if (outDegree[i] == 0) {
                    add(Problem.Severity.WARNING, i, -1, "its output is not used", "connect it to a layer, or "
                            + "delete it");
                }
                int[] src = sources[i];
                for (int p = 0; p < src.length; p++) {
                    if (src[p] < 0) {
                        add(Problem.Severity.ERROR, i, p, (src.length == 1 ? "its input" : "input port " + p)
                                + " is not connected", "wire a layer's output to it");
                    }
                }
            }
            if (inputs == 0) {
                add(Problem.Severity.ERROR, -1, -1, "the design has no Input layer", "add an Input layer and "
                        + "wire it to the first layer");
            }
            if (outputs == 0) {
                add(Problem.Severity.ERROR, -1, -1, "the design has no Output layer", "add an Output layer after "
                        + "the last layer");
            }
        }

        /** Nodes from which an Output is reachable: the ones the forward pass computes. */
        private boolean[] live() {
            boolean[] live = new boolean[n];
            int[] stack = new int[n];
            int top = 0;
            for (int i = 0; i < n; i++) {
                if (types[i] == IoLayer.OUTPUT) {
                    live[i] = true;
                    stack[top++] = i;
                }
            }
            while (top > 0) {
                int u = stack[--top];
                for (int s : sources[u]) {
                    if (s >= 0 && !live[s]) {
                        live[s] = true;
                        stack[top++] = s;
                    }
                }
            }
            return live;
        }

        // ---------------------------------------------------------------- shapes

        private void infer(int i) {
            LayerType t = types[i];
            if (t == null || !paramsOk[i]) {
                return;
            }
            int[] src = sources[i];
            int[][] in = new int[src.length][];
            for (int p = 0; p < src.length; p++) {
                if (src[p] < 0 || outShapes[src[p]] == null) {
                    return; // the cause is reported where it is
                }
                in[p] = outShapes[src[p]];
            }
            if (src.length < t.minInputs()) {
                return;
            }
            inShapes[i] = in;
            current = i;
            int[] out = t.outputShape(params[i], in, this);
            current = -1;
            if (out != null) {
                for (int d : out) {
                    if (d <= 0) {
                        add(Problem.Severity.ERROR, i, -1, "output would be empty (" + Shapes.format(out) + ")",
                                "check the parameters against the input " + Shapes.format(in[0]));
                        return;
                    }
                }
                outShapes[i] = out;
            }
        }

        private NodeInfo info(int i) {
            Node node = nodes.get(i);
            int[] out = outShapes[i];
            LayerType t = types[i];
            int[] src = sources[i];
            List<Shape> shapes = new ArrayList<>(src.length);
            for (int p = 0; p < src.length; p++) {
                int[] s = src[p] < 0 ? null : outShapes[src[p]];
                shapes.add(s == null ? null : Shape.of(s));
            }
            int[][] in = inShapes[i];
            if (out == null || t == null || in == null) {
                return new NodeInfo(node.id(), node.type(), shapes, null, 0, 0, 0, 0, 0, 0);
            }
            long p = t.paramCount(params[i], in, out);
            long b = t.bufferCount(params[i], in, out);
            long macs = t.macs(params[i], in, out);
            long flops = t.flops(params[i], in, out);
            long act = t.aliasesInput() ? 0 : Shapes.numel(out) * Float.BYTES;
            return new NodeInfo(node.id(), node.type(), shapes, Shape.of(out), p, node.frozen() ? 0 : p, b, macs,
                    flops, act);
        }

        // ---------------------------------------------------------------- loss

        private void checkLoss() {
            Loss loss = design.head().loss();
            for (int i = 0; i < n; i++) {
                if (types[i] != IoLayer.OUTPUT || outShapes[i] == null) {
                    continue;
                }
                int[] out = outShapes[i];
                int src = sources[i][0];
                LayerType producer = types[src];
                String from = prefix(src).replace(": ", "");
                if (loss.isClassification()) {
                    if (out.length > 1) {
                        add(Problem.Severity.ERROR, i, -1, "output is " + Shapes.format(out) + " but " + loss.key()
                                + " needs one score per class (a vector)", "insert Flatten and a Linear with "
                                + "out_features = the number of classes before Output");
                    } else if (out[0] < 2) {
                        add(Problem.Severity.ERROR, i, -1, "output has 1 value but " + loss.key() + " needs one "
                                + "score per class", "set out_features to the number of classes, or use loss "
                                + "bce_with_logits for a yes/no output");
                    }
                }
                String producerName = producer == null ? "" : producer.name();
                if (loss == Loss.CROSS_ENTROPY && producerName.equals("Softmax")) {
                    add(Problem.Severity.WARNING, i, -1, "cross_entropy applies log-softmax itself, so the "
                            + "Softmax before Output slows learning", "remove " + from + " (apply softmax when "
                            + "predicting)");
                } else if (loss == Loss.NLL && !producerName.equals("LogSoftmax")) {
                    add(Problem.Severity.WARNING, i, -1, "nll expects log-probabilities but the output comes from "
                            + from, "insert LogSoftmax(dim=1) before Output, or use loss cross_entropy");
                } else if (loss == Loss.BCE && !producerName.equals("Sigmoid")) {
                    add(Problem.Severity.WARNING, i, -1, "bce expects probabilities in [0, 1] but the output comes "
                            + "from " + from, "insert Sigmoid before Output, or use loss bce_with_logits");
                } else if (loss == Loss.BCE_WITH_LOGITS && producerName.equals("Sigmoid")) {
                    add(Problem.Severity.WARNING, i, -1, "bce_with_logits applies the sigmoid itself, so the "
                            + "Sigmoid before Output squashes twice", "remove " + from + ", or use loss bce");
                }
            }
        }
    }
}
