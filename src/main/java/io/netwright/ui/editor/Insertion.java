package io.netwright.ui.editor;

import io.netwright.graph.Block;
import io.netwright.graph.Catalogue;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.LayerType;
import io.netwright.graph.Node;
import java.util.Locale;
import java.util.Optional;

/** Placing new nodes: a fresh node of a layer type or block, and "insert after" with its rewiring and room-making. */
final class Insertion {

    private Insertion() {
    }

    /** The result of an insertion: the new design and the new node's id. */
    record Inserted(Design design, String id) {
    }

    /** A fresh node of {@code type} (a catalogue layer or a block of {@code d}) at {@code (x, y)}. */
    static Node newNode(Design d, String type, double x, double y) {
        Optional<LayerType> t = Catalogue.standard().get(type);
        if (t.isPresent()) {
            return t.get().newNode(d.freshId(t.get().idPrefix()), x, y);
        }
        Block b = d.blocks().get(type);
        if (b == null) {
            throw new IllegalArgumentException("unknown layer type or block '" + type + "'");
        }
        return b.instance(d.freshId(type.toLowerCase(Locale.ROOT)), x, y);
    }

    /**
     * {@code d} with a node of {@code type} after {@code prev}: one step further along the flow, wired from
     * {@code prev}'s output, taking over the wires that left {@code prev}; the nodes downstream move one step on.
     */
    static Inserted after(Design d, Node prev, String type, Flow flow) {
        boolean td = flow == Flow.TOP_DOWN;
        double x = td ? prev.x() : prev.x() + NodeGeometry.WIDTH + 60;
        double y = td ? prev.y() + NodeGeometry.HEIGHT + 30 : prev.y();
        Node n = newNode(d, type, x, y);
        Design r = d.withNode(n);
        if (NodeGeometry.hasOutput(prev)) {
            for (Edge e : d.outgoing(prev.id())) {
                r = r.connect(new Edge(n.id(), 0, e.to(), e.toPort()));
            }
            if (NodeGeometry.inputPorts(r, n) > 0) {
                r = r.connect(Edge.of(prev.id(), n.id()));
            }
        }
        return new Inserted(shiftBeyond(r, prev, n, td), n.id());
    }

    /** Makes room for {@code inserted}: nodes beyond {@code prev} along the flow and fed by it move one step. */
    private static Design shiftBeyond(Design d, Node prev, Node inserted, boolean td) {
        double step = td ? NodeGeometry.HEIGHT + 30 : NodeGeometry.WIDTH + 60;
        Design r = d;
        for (Node m : d.nodes()) {
            if (m.id().equals(inserted.id()) || m.id().equals(prev.id())) {
                continue;
            }
            boolean beyond = td ? m.y() > prev.y() + 1 : m.x() > prev.x() + 1;
            if (beyond && Connections.reaches(d, inserted.id(), m.id())) {
                r = r.moveNode(m.id(), td ? m.x() : m.x() + step, td ? m.y() + step : m.y());
            }
        }
        return r;
    }
}
