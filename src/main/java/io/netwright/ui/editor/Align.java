package io.netwright.ui.editor;

import io.netwright.graph.Design;
import io.netwright.graph.Node;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Ways to line up the selected nodes. */
public enum Align {
    /** Left edges on the leftmost. */
    LEFT("Align left"),
    /** Centres on the mean centre, vertically stacked nodes in one column. */
    CENTER("Align centres"),
    /** Top edges on the topmost. */
    TOP("Align top"),
    /** Spread evenly between the leftmost and rightmost. */
    DISTRIBUTE_HORIZONTALLY("Distribute horizontally"),
    /** Spread evenly between the topmost and bottommost. */
    DISTRIBUTE_VERTICALLY("Distribute vertically");

    private final String label;

    Align(String label) {
        this.label = label;
    }

    /** The menu text. */
    public String label() {
        return label;
    }

    /** {@code design} with the nodes {@code ids} aligned this way. */
    public Design apply(Design design, Set<String> ids) {
        List<Node> sel = design.nodes().stream().filter(n -> ids.contains(n.id())).toList();
        if (sel.size() < 2) {
            return design;
        }
        double minX = sel.stream().mapToDouble(Node::x).min().orElse(0);
        double maxX = sel.stream().mapToDouble(Node::x).max().orElse(0);
        double minY = sel.stream().mapToDouble(Node::y).min().orElse(0);
        double maxY = sel.stream().mapToDouble(Node::y).max().orElse(0);
        double meanX = sel.stream().mapToDouble(Node::x).average().orElse(0);
        Design d = design;
        switch (this) {
            case LEFT -> {
                for (Node n : sel) {
                    d = d.moveNode(n.id(), minX, n.y());
                }
            }
            case CENTER -> {
                for (Node n : sel) {
                    d = d.moveNode(n.id(), NodeGeometry.snap(meanX), n.y());
                }
            }
            case TOP -> {
                for (Node n : sel) {
                    d = d.moveNode(n.id(), n.x(), minY);
                }
            }
            case DISTRIBUTE_HORIZONTALLY -> {
                List<Node> s = sel.stream().sorted(Comparator.comparingDouble(Node::x)).toList();
                double step = (maxX - minX) / (s.size() - 1);
                for (int i = 0; i < s.size(); i++) {
                    d = d.moveNode(s.get(i).id(), minX + i * step, s.get(i).y());
                }
            }
            case DISTRIBUTE_VERTICALLY -> {
                List<Node> s = sel.stream().sorted(Comparator.comparingDouble(Node::y)).toList();
                double step = (maxY - minY) / (s.size() - 1);
                for (int i = 0; i < s.size(); i++) {
                    d = d.moveNode(s.get(i).id(), s.get(i).x(), minY + i * step);
                }
            }
            default -> throw new AssertionError(this);
        }
        return d;
    }
}
