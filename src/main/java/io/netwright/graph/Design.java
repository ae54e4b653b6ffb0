package io.netwright.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A network design: a graph of {@link Node}s joined by {@link Edge}s, the {@link InputSpec} it takes, the
 * {@link Head} it is trained with, free-form {@link Metadata}, and top-level fields of a newer file format kept as
 * raw JSON so they survive a round trip.
 *
 * <p>Immutable. Every edit returns a new design (the studio's undo stack keeps whole designs), e.g.
 * {@code d.withNode(n).connect(Edge.of("conv1", n.id()))}. The constructor checks only what no edit may break:
 * unique node ids, edges between existing nodes, at most one wire per input port. Whether the graph makes a
 * working network (cycles, unconnected ports, shapes, parameter values) is for {@link Analyzer}, so that a design
 * being drawn can be held and saved half-finished.
 *
 * @param format   the file format version; always {@link #FORMAT} in memory (older files are migrated on read)
 * @param blocks   reusable sub-designs by name; a node whose type is a block name places it ({@link Block})
 * @param extras   unknown top-level fields (name → raw JSON text)
 */
public record Design(int format, Metadata metadata, InputSpec input, Head head, List<Node> nodes, List<Edge> edges,
        Map<String, Block> blocks, Map<String, String> extras) {

    /** The current design file format. */
    public static final int FORMAT = 1;

    /** Validates referential integrity; copies the lists. */
    public Design {
        if (format != FORMAT) {
            throw new IllegalArgumentException("design format " + format + " is not the current format " + FORMAT
                    + " (older files are migrated by DesignFiles.read)");
        }
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(head, "head");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        var ids = new HashSet<String>(nodes.size() * 2);
        for (Node n : nodes) {
            if (!ids.add(n.id())) {
                throw new IllegalArgumentException("design '" + metadata.name() + "': two nodes have the id '"
                        + n.id() + "'");
            }
        }
        var ports = new HashSet<String>(edges.size() * 2);
        for (Edge e : edges) {
            if (!ids.contains(e.from()) || !ids.contains(e.to())) {
                throw new IllegalArgumentException("edge " + e + ": no node '" + (ids.contains(e.from()) ? e.to()
                        : e.from()) + "'");
            }
            if (!ports.add(e.to() + ":" + e.toPort())) {
                throw new IllegalArgumentException("edge " + e + ": input port " + e.toPort() + " of '" + e.to()
                        + "' already has a wire (an input takes one wire; use Add or Concat to merge)");
            }
        }
        blocks = Checks.orderedCopy(blocks, "block");
        for (var e : blocks.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) {
                throw new IllegalArgumentException("block '" + e.getValue().name() + "' is filed under '"
                        + e.getKey() + "'");
            }
        }
        extras = Checks.orderedCopy(extras, "design field");
    }

    /** A design with the given parts, no blocks and no extras. */
    public Design(Metadata metadata, InputSpec input, Head head, List<Node> nodes, List<Edge> edges) {
        this(FORMAT, metadata, input, head, nodes, edges, Map.of(), Map.of());
    }

    /** A design with the given parts and no blocks. */
    public Design(int format, Metadata metadata, InputSpec input, Head head, List<Node> nodes, List<Edge> edges,
            Map<String, String> extras) {
        this(format, metadata, input, head, nodes, edges, Map.of(), extras);
    }

    /** An empty design named {@code name} for the given input, with a classification head. */
    public static Design empty(String name, InputSpec input) {
        return new Design(Metadata.named(name), input, Head.classification(), List.of(), List.of());
    }

    // ---------------------------------------------------------------- lookups

    /** The node with {@code id}, if any. */
    public Optional<Node> node(String id) {
        for (Node n : nodes) {
            if (n.id().equals(id)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The node with {@code id}; throws naming it when absent. */
    public Node requireNode(String id) {
        return node(id).orElseThrow(() -> new IllegalArgumentException("design '" + metadata.name()
                + "' has no node '" + id + "'"));
    }

    /** The wires into node {@code id}, by input port. */
    public List<Edge> incoming(String id) {
        List<Edge> in = new ArrayList<>();
        for (Edge e : edges) {
            if (e.to().equals(id)) {
                in.add(e);
            }
        }
        in.sort((a, b) -> Integer.compare(a.toPort(), b.toPort()));
        return in;
    }

    /** The wires out of node {@code id}. */
    public List<Edge> outgoing(String id) {
        return edges.stream().filter(e -> e.from().equals(id)).toList();
    }

    /** An id not used in this design: {@code prefix1}, {@code prefix2}, ... (for nodes placed from the palette). */
    public String freshId(String prefix) {
        Checks.requireId(prefix, "id prefix");
        var used = new HashSet<String>();
        nodes.forEach(n -> used.add(n.id()));
        for (int i = 1; ; i++) {
            if (!used.contains(prefix + i)) {
                return prefix + i;
            }
        }
    }

    // ---------------------------------------------------------------- withers

    /** This design with other metadata. */
    public Design withMetadata(Metadata m) {
        return new Design(format, m, input, head, nodes, edges, blocks, extras);
    }

    /** This design with another input spec. */
    public Design withInput(InputSpec in) {
        return new Design(format, metadata, in, head, nodes, edges, blocks, extras);
    }

    /** This design with another head. */
    public Design withHead(Head h) {
        return new Design(format, metadata, input, h, nodes, edges, blocks, extras);
    }

    /** This design with other nodes and edges. */
    public Design withGraph(List<Node> newNodes, List<Edge> newEdges) {
        return new Design(format, metadata, input, head, newNodes, newEdges, blocks, extras);
    }

    /** This design with other unknown top-level fields. */
    public Design withExtras(Map<String, String> newExtras) {
        return new Design(format, metadata, input, head, nodes, edges, blocks, newExtras);
    }

    /** This design with {@code block} defined (replacing a block of the same name). */
    public Design withBlock(Block block) {
        Map<String, Block> b = new java.util.LinkedHashMap<>(blocks);
        b.put(block.name(), block);
        return new Design(format, metadata, input, head, nodes, edges, b, extras);
    }

    /** This design without block {@code name} (its instances stay and are reported as unknown types). */
    public Design withoutBlock(String name) {
        Map<String, Block> b = new java.util.LinkedHashMap<>(blocks);
        b.remove(name);
        return new Design(format, metadata, input, head, nodes, edges, b, extras);
    }

    /** This design with {@code node} added, or replacing the node with the same id (keeping its place). */
    public Design withNode(Node node) {
        List<Node> ns = new ArrayList<>(nodes);
        boolean replaced = false;
        for (int i = 0; i < ns.size(); i++) {
            if (ns.get(i).id().equals(node.id())) {
                ns.set(i, node);
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            ns.add(node);
        }
        return withGraph(ns, edges);
    }

    /** This design with node {@code id} changed by {@code edit} (which must keep the id). */
    public Design updateNode(String id, UnaryOperator<Node> edit) {
        Node changed = edit.apply(requireNode(id));
        if (!changed.id().equals(id)) {
            throw new IllegalArgumentException("updateNode must keep the id '" + id + "'; use renameNode");
        }
        return withNode(changed);
    }

    /** This design with a parameter of node {@code id} set. */
    public Design withParam(String id, String name, ParamValue value) {
        return updateNode(id, n -> n.withParam(name, value));
    }

    /** This design with node {@code id} moved. */
    public Design moveNode(String id, double x, double y) {
        return updateNode(id, n -> n.withPosition(x, y));
    }

    /** This design without node {@code id} and its wires. */
    public Design withoutNode(String id) {
        requireNode(id);
        return withGraph(nodes.stream().filter(n -> !n.id().equals(id)).toList(),
                edges.stream().filter(e -> !e.touches(id)).toList());
    }

    /** This design with node {@code oldId} renamed to {@code newId}, its wires following. */
    public Design renameNode(String oldId, String newId) {
        Node n = requireNode(oldId);
        if (oldId.equals(newId)) {
            return this;
        }
        if (node(newId).isPresent()) {
            throw new IllegalArgumentException("cannot rename '" + oldId + "' to '" + newId
                    + "': that id is taken");
        }
        List<Node> ns = new ArrayList<>(nodes);
        ns.set(ns.indexOf(n), n.withId(newId));
        return withGraph(ns, edges.stream().map(e -> e.rename(oldId, newId)).toList());
    }

    /** This design with {@code edge} added; a wire already at its input port is replaced. */
    public Design connect(Edge edge) {
        List<Edge> es = new ArrayList<>(edges.size() + 1);
        for (Edge e : edges) {
            if (!e.endsAt(edge.to(), edge.toPort())) {
                es.add(e);
            }
        }
        es.add(edge);
        return withGraph(nodes, es);
    }

    /** This design with a wire from {@code from} to port 0 of {@code to} (replacing one already there). */
    public Design connect(String from, String to) {
        return connect(Edge.of(from, to));
    }

    /** This design without the given wire (compared without extras); unchanged if absent. */
    public Design disconnect(Edge edge) {
        return withGraph(nodes, edges.stream().filter(e -> !e.sameWire(edge)).toList());
    }

    /** Nodes by id (a fresh map). */
    public Map<String, Node> nodesById() {
        Map<String, Node> m = new HashMap<>(nodes.size() * 2);
        nodes.forEach(n -> m.put(n.id(), n));
        return m;
    }
}
