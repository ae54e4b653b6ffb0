package io.netwright.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands the block instances of a design ({@link Block}) into plain layers, so analysis and compilation see a flat
 * graph. An instance {@code res1} of a block with layers {@code conv1, bn1, ...} becomes nodes {@code res1_conv1,
 * res1_bn1, ...} placed relative to the instance; wires into instance port {@code k} go to the layers the block's
 * k-th Input feeds, and wires out of the instance leave the layer feeding the block's Output. Blocks may contain
 * instances of other blocks (expanded first, so ids nest: {@code stage1_res1_conv1}), but not of themselves.
 */
public final class Blocks {

    private Blocks() {
    }

    /**
     * The result of expanding a design.
     *
     * @param design   the flat design (no block instances, no blocks)
     * @param origin   for each node made by expansion, the id of the instance it came from in the original design
     * @param problems what could not be expanded (attached to the instance)
     */
    public record Expansion(Design design, Map<String, String> origin, List<Problem> problems) {
        /** Copies the map and list. */
        public Expansion {
            origin = Map.copyOf(origin);
            problems = List.copyOf(problems);
        }

        /** The node of the original design that {@code id} belongs to ({@code id} itself when not expanded). */
        public String visibleId(String id) {
            return origin.getOrDefault(id, id);
        }
    }

    /** Whether {@code design} places any block. */
    public static boolean usesBlocks(Design design) {
        if (design.blocks().isEmpty()) {
            return false;
        }
        for (Node n : design.nodes()) {
            if (design.blocks().containsKey(n.type())) {
                return true;
            }
        }
        return false;
    }

    /** {@code design} with every block instance expanded. Never throws; problems are in the result. */
    public static Expansion expand(Design design) {
        Expander x = new Expander(design.blocks());
        Graph flat = x.expand(design.nodes(), design.edges(), null);
        Map<String, String> origin = new HashMap<>();
        for (var e : flat.origin.entrySet()) {
            origin.put(e.getKey(), e.getValue());
        }
        Design out;
        try {
            out = new Design(design.format(), design.metadata(), design.input(), design.head(), flat.nodes,
                    flat.edges, Map.of(), design.extras());
        } catch (IllegalArgumentException e) {
            x.problems.add(new Problem(Problem.Severity.ERROR, null, -1, "blocks cannot be expanded: "
                    + e.getMessage(), "rename the clashing node"));
            out = design.withGraph(design.nodes().stream().filter(n -> !design.blocks().containsKey(n.type()))
                    .toList(), List.of());
        }
        return new Expansion(out, origin, x.problems);
    }

    /** Nodes, edges, and for expanded nodes the outer node they came from. */
    private record Graph(List<Node> nodes, List<Edge> edges, Map<String, String> origin) {
    }

    private static final class Expander {
        private final Map<String, Block> blocks;
        private final Map<String, Graph> flatBlocks = new HashMap<>();
        private final Deque<String> expanding = new ArrayDeque<>();
        final List<Problem> problems = new ArrayList<>();

        Expander(Map<String, Block> blocks) {
            this.blocks = blocks;
        }

        private void problem(String node, String message, String fix) {
            problems.add(new Problem(Problem.Severity.ERROR, node, -1, message, fix));
        }

        /** {@code nodes}/{@code edges} with instances expanded; {@code owner} is the block being flattened. */
        Graph expand(List<Node> nodes, List<Edge> edges, String owner) {
            List<Node> out = new ArrayList<>();
            List<Edge> wires = new ArrayList<>();
            Map<String, String> origin = new HashMap<>();
            Map<String, List<List<Edge>>> entries = new HashMap<>();
            Map<String, String> exits = new HashMap<>();
            Set<String> ids = new HashSet<>();
            nodes.forEach(n -> ids.add(n.id()));
            for (Node n : nodes) {
                Block b = blocks.get(n.type());
                if (b == null) {
                    out.add(n);
                    continue;
                }
                String where = owner == null ? n.id() : owner;
                if (expanding.contains(b.name()) || b.name().equals(owner)) {
                    problem(where, "block '" + b.name() + "' contains itself", "remove the instance '" + n.id()
                            + "' from the block");
                    continue;
                }
                Graph inner = flatten(b);
                String prefix = n.id() + "_";
                List<String> inputs = b.inputIds();
                String output = b.outputId();
                List<List<Edge>> entry = new ArrayList<>();
                inputs.forEach(i -> entry.add(new ArrayList<>()));
                String exit = null;
                boolean clash = false;
                for (Node m : inner.nodes) {
                    if (m.type().equals("Input") || m.type().equals("Output")) {
                        continue;
                    }
                    String id = prefix + m.id();
                    if (!ids.add(id)) {
                        problem(where, "expanding '" + n.id() + "' makes the id '" + id + "', which is taken",
                                "rename the node '" + id + "' or the instance '" + n.id() + "'");
                        clash = true;
                    }
                    out.add(m.withId(id).withPosition(n.x() + m.x(), n.y() + m.y()).withFrozen(m.frozen()
                            || n.frozen()));
                    origin.put(id, n.id());
                }
                for (Edge e : inner.edges) {
                    int in = inputs.indexOf(e.from());
                    boolean toOutput = e.to().equals(output);
                    if (in >= 0 && toOutput) {
                        problem(where, "block '" + b.name() + "' wires its Input '" + e.from() + "' straight to its "
                                + "Output", "put a layer (e.g. Identity) between them");
                    } else if (in >= 0) {
                        entry.get(in).add(new Edge(e.from(), 0, prefix + e.to(), e.toPort()));
                    } else if (toOutput) {
                        exit = prefix + e.from();
                    } else {
                        wires.add(new Edge(prefix + e.from(), e.fromPort(), prefix + e.to(), e.toPort()));
                    }
                }
                if (exit == null) {
                    problem(where, "the Output of block '" + b.name() + "' is not connected", "wire the block's "
                            + "last layer to its Output");
                }
                if (!clash) {
                    entries.put(n.id(), entry);
                    exits.put(n.id(), exit);
                }
            }
            for (Edge e : edges) {
                String from = e.from();
                int fromPort = e.fromPort();
                if (exits.containsKey(from)) {
                    from = exits.get(from);
                    fromPort = 0;
                    if (from == null) {
                        continue;
                    }
                } else if (blocks.containsKey(typeOf(nodes, from))) {
                    continue; // an instance that could not be expanded
                }
                List<List<Edge>> entry = entries.get(e.to());
                if (entry == null) {
                    if (!blocks.containsKey(typeOf(nodes, e.to()))) {
                        wires.add(new Edge(from, fromPort, e.to(), e.toPort(), e.extras()));
                    }
                    continue;
                }
                if (e.toPort() >= entry.size()) {
                    problem(owner == null ? e.to() : owner, "block instance '" + e.to() + "' has " + entry.size()
                            + " input" + (entry.size() == 1 ? "" : "s") + ", but '" + e.from() + "' is wired to port "
                            + e.toPort(), "remove the wire " + e);
                    continue;
                }
                for (Edge target : entry.get(e.toPort())) {
                    wires.add(new Edge(from, fromPort, target.to(), target.toPort()));
                }
            }
            if (owner != null) {
                origin.replaceAll((k, v) -> owner);
            }
            return new Graph(out, wires, origin);
        }

        private static String typeOf(List<Node> nodes, String id) {
            for (Node n : nodes) {
                if (n.id().equals(id)) {
                    return n.type();
                }
            }
            return "";
        }

        /** Block {@code b} with its own instances expanded (memoised). */
        private Graph flatten(Block b) {
            Graph g = flatBlocks.get(b.name());
            if (g == null) {
                expanding.push(b.name());
                g = expand(b.nodes(), b.edges(), b.name());
                expanding.pop();
                flatBlocks.put(b.name(), g);
            }
            return g;
        }
    }
}
