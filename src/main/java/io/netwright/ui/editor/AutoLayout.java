package io.netwright.ui.editor;

import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Layered auto-layout of a design (a small Sugiyama): each node goes to the layer one past its deepest input
 * (longest path), nodes within a layer are ordered by the mean position of their inputs and outputs over a few
 * sweeps to uncross wires, and layers are stacked top-down or left-to-right, each centred on the widest.
 */
public final class AutoLayout {

    private static final double LAYER_GAP_TB = 44;
    private static final double LAYER_GAP_LR = 120;
    private static final double SIBLING_GAP = 36;
    private static final double MARGIN = 40;

    private AutoLayout() {
    }

    /** New positions for every node of {@code design}, by id. */
    public static Map<String, double[]> positions(Design design, Flow flow) {
        List<Node> nodes = design.nodes();
        Map<String, Integer> layer = layers(design);
        int depth = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            rows.add(new ArrayList<>());
        }
        for (Node n : nodes) {
            rows.get(layer.get(n.id())).add(n.id());
        }
        Map<String, Double> pos = new HashMap<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                pos.put(row.get(i), (double) i);
            }
        }
        for (int sweep = 0; sweep < 4; sweep++) {
            for (List<String> row : rows) {
                Map<String, Double> bary = new HashMap<>();
                for (String id : row) {
                    double sum = 0;
                    int count = 0;
                    for (Edge e : design.edges()) {
                        String other = e.to().equals(id) ? e.from() : e.from().equals(id) ? e.to() : null;
                        if (other != null && pos.containsKey(other) && !layer.get(other).equals(layer.get(id))) {
                            sum += pos.get(other) + e.toPort() * 0.01;
                            count++;
                        }
                    }
                    bary.put(id, count == 0 ? pos.get(id) : sum / count);
                }
                row.sort(Comparator.comparingDouble(bary::get));
                for (int i = 0; i < row.size(); i++) {
                    pos.put(row.get(i), (double) i);
                }
            }
        }
        int widest = rows.stream().mapToInt(List::size).max().orElse(1);
        double along = flow == Flow.TOP_DOWN ? NodeGeometry.HEIGHT + LAYER_GAP_TB : NodeGeometry.WIDTH + LAYER_GAP_LR;
        double across = flow == Flow.TOP_DOWN ? NodeGeometry.WIDTH + SIBLING_GAP : NodeGeometry.HEIGHT + SIBLING_GAP;
        Map<String, double[]> out = new HashMap<>();
        for (int l = 0; l < rows.size(); l++) {
            List<String> row = rows.get(l);
            double offset = (widest - row.size()) * across / 2;
            for (int i = 0; i < row.size(); i++) {
                double a = MARGIN + l * along;
                double c = MARGIN + offset + i * across;
                out.put(row.get(i), flow == Flow.TOP_DOWN ? new double[] {c, a} : new double[] {a, c});
            }
        }
        return out;
    }

    /** Longest-path layers; nodes on a cycle keep the layer reached when the walk gives up. */
    static Map<String, Integer> layers(Design design) {
        Map<String, Integer> layer = new HashMap<>();
        for (Node n : design.nodes()) {
            layer.put(n.id(), 0);
        }
        int n = design.nodes().size();
        for (int round = 0; round < n; round++) {
            boolean changed = false;
            for (Edge e : design.edges()) {
                int want = layer.get(e.from()) + 1;
                if (want > layer.get(e.to()) && want < n) {
                    layer.put(e.to(), want);
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return layer;
    }

    /** {@code design} with every node at its laid-out position. */
    public static Design apply(Design design, Flow flow) {
        Map<String, double[]> p = positions(design, flow);
        List<Node> nodes = design.nodes().stream().map(n -> n.withPosition(p.get(n.id())[0], p.get(n.id())[1]))
                .toList();
        return design.withGraph(nodes, design.edges());
    }
}
