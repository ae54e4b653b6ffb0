package io.netwright.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A reusable sub-design (a residual block, an inception block) defined once in a design and placed many times: a
 * node whose {@code type} is the block's name is an instance of it. A block is drawn like a design: its
 * {@code Input} nodes, in list order, are the instance's input ports 0, 1, ...; its one {@code Output} node is the
 * instance's output. Before analysis and compilation each instance is expanded into copies of the block's layers
 * whose ids are prefixed with the instance id ({@code res1} + {@code conv1} gives {@code res1_conv1}, so
 * state-dict keys are {@code res1_conv1.weight}); see {@link Blocks#expand}.
 *
 * <p>Parameters set to {@code "auto"} (in_channels, in_features, num_features) adapt to where the block is placed.
 */
public record Block(String name, String description, List<Node> nodes, List<Edge> edges) {

    /** Validates the name, unique ids, edges between existing nodes, and one Output with at least one Input. */
    public Block {
        Checks.requireId(name, "block name");
        if (Catalogue.standard().find(name) != null) {
            throw new IllegalArgumentException("block name '" + name + "' is a layer type; choose another name");
        }
        description = Checks.text(description);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        var ids = new HashSet<String>();
        int inputs = 0;
        int outputs = 0;
        for (Node n : nodes) {
            if (!ids.add(n.id())) {
                throw new IllegalArgumentException("block '" + name + "': two nodes have the id '" + n.id() + "'");
            }
            inputs += n.type().equals("Input") ? 1 : 0;
            outputs += n.type().equals("Output") ? 1 : 0;
        }
        if (inputs == 0 || outputs != 1) {
            throw new IllegalArgumentException("block '" + name + "' needs at least one Input and exactly one "
                    + "Output, has " + inputs + " and " + outputs);
        }
        var ports = new HashSet<String>();
        for (Edge e : edges) {
            Objects.requireNonNull(e, "edge");
            if (!ids.contains(e.from()) || !ids.contains(e.to())) {
                throw new IllegalArgumentException("block '" + name + "': edge " + e + " has no node '"
                        + (ids.contains(e.from()) ? e.to() : e.from()) + "'");
            }
            if (!ports.add(e.to() + ":" + e.toPort())) {
                throw new IllegalArgumentException("block '" + name + "': input port " + e.toPort() + " of '"
                        + e.to() + "' has two wires");
            }
        }
    }

    /** The ids of the Input nodes, i.e. the instance's input ports in order. */
    public List<String> inputIds() {
        return nodes.stream().filter(n -> n.type().equals("Input")).map(Node::id).toList();
    }

    /** The id of the Output node. */
    public String outputId() {
        return nodes.stream().filter(n -> n.type().equals("Output")).map(Node::id).findFirst().orElseThrow();
    }

    /** A node placing this block under {@code id} at {@code (x, y)}. */
    public Node instance(String id, double x, double y) {
        return new Node(id, name, java.util.Map.of(), x, y);
    }
}
