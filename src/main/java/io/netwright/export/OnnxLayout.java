package io.netwright.export;

import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain top-to-bottom layout for imported designs: a node's row is its longest path from the input, nodes of a
 * row side by side. (The studio re-lays imported designs out with its own auto-layout.)
 */
final class OnnxLayout {

    static final double ROW = 100;
    static final double COLUMN = 200;
    static final double MARGIN = 40;

    private OnnxLayout() {
    }

    /** {@code d} with every node placed. */
    static Design apply(Design d) {
        Map<String, Integer> depth = new HashMap<>();
        boolean changed = true;
        // a merge extended by a later node breaks list order, so sweep until the depths settle (acyclic: ≤ n sweeps)
        for (int pass = 0; changed && pass <= d.nodes().size(); pass++) {
            changed = false;
            for (Node n : d.nodes()) {
                int r = 0;
                for (Edge e : d.incoming(n.id())) {
                    r = Math.max(r, depth.getOrDefault(e.from(), 0) + 1);
                }
                changed |= !Integer.valueOf(r).equals(depth.put(n.id(), r));
            }
        }
        Map<Integer, Integer> used = new HashMap<>();
        List<Node> placed = new ArrayList<>();
        for (Node n : d.nodes()) {
            int row = depth.get(n.id());
            int col = used.merge(row, 1, Integer::sum) - 1;
            placed.add(n.withPosition(MARGIN + col * COLUMN, MARGIN + row * ROW));
        }
        return d.withGraph(placed, d.edges());
    }
}
