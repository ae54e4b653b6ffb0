package io.netwright.ui.editor;

import io.netwright.graph.Catalogue;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.LayerType;
import io.netwright.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A piece of a design on the clipboard: some nodes and the wires among them. Pasting gives every node a fresh id
 * (its layer's prefix and the next free number) and shifts it, so a fragment can be pasted many times.
 */
public record Fragment(List<Node> nodes, List<Edge> edges) {

    /** Copies the lists. */
    public Fragment {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The nodes {@code ids} of {@code design} and the wires between them. */
    public static Fragment of(Design design, Set<String> ids) {
        return new Fragment(design.nodes().stream().filter(n -> ids.contains(n.id())).toList(),
                design.edges().stream().filter(e -> ids.contains(e.from()) && ids.contains(e.to())).toList());
    }

    /** Whether there is nothing to paste. */
    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The result of pasting: the new design and the ids of the pasted nodes. */
    public record Pasted(Design design, List<String> ids) {
    }

    /** {@code design} with this fragment added, shifted by {@code (dx, dy)}. */
    public Pasted pasteInto(Design design, double dx, double dy) {
        Map<String, String> rename = new HashMap<>();
        Design d = design;
        List<String> ids = new ArrayList<>();
        for (Node n : nodes) {
            String id = d.freshId(prefixOf(n));
            rename.put(n.id(), id);
            ids.add(id);
            d = d.withNode(n.withId(id).withPosition(n.x() + dx, n.y() + dy));
        }
        for (Edge e : edges) {
            d = d.connect(new Edge(rename.get(e.from()), e.fromPort(), rename.get(e.to()), e.toPort()));
        }
        return new Pasted(d, ids);
    }

    /** The id prefix for copies of {@code n}: its layer's, else its id without trailing digits. */
    static String prefixOf(Node n) {
        LayerType t = Catalogue.standard().get(n.type()).orElse(null);
        if (t != null) {
            return t.idPrefix();
        }
        String p = n.id().replaceAll("[0-9]+$", "");
        return p.isEmpty() ? "node" : p;
    }
}
