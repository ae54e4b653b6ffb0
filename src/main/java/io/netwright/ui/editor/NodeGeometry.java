package io.netwright.ui.editor;

import io.netwright.graph.Block;
import io.netwright.graph.Catalogue;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.LayerType;
import io.netwright.graph.Node;
import javafx.geometry.Point2D;

/**
 * Where things sit on the canvas, shared by the canvas skin, auto-layout, the minimap and image export: a node's box
 * is {@link #WIDTH}×{@link #HEIGHT} with its top-left corner at the node's {@code (x, y)}; input ports are spread
 * along the entry side, the one output port sits in the middle of the exit side.
 */
public final class NodeGeometry {

    /** Node box width. */
    public static final double WIDTH = 184;
    /** Node box height. */
    public static final double HEIGHT = 66;
    /** Grid pitch for snapping. */
    public static final double GRID = 10;

    private NodeGeometry() {
    }

    /** Number of input ports drawn for {@code node}: the layer's minimum, one more free port for Add/Concat. */
    public static int inputPorts(Design design, Node node) {
        LayerType t = Catalogue.standard().get(node.type()).orElse(null);
        if (t == null) {
            Block b = design.blocks().get(node.type());
            return b == null ? 1 : b.inputIds().size();
        }
        if (t.maxInputs() == 0) {
            return 0;
        }
        int used = 0;
        for (Edge e : design.edges()) {
            if (e.to().equals(node.id())) {
                used = Math.max(used, e.toPort() + 1);
            }
        }
        int ports = Math.max(t.minInputs(), t.variadic() ? used + 1 : used);
        return Math.max(1, Math.min(ports, t.maxInputs()));
    }

    /** Whether {@code node} has an output port (every layer but Output). */
    public static boolean hasOutput(Node node) {
        return !node.type().equals("Output");
    }

    /** Canvas position of input port {@code port} of {@code count} on a node at {@code (x, y)}. */
    public static Point2D inputPort(double x, double y, int port, int count, Flow flow) {
        double f = (port + 1.0) / (count + 1.0);
        return flow == Flow.TOP_DOWN ? new Point2D(x + WIDTH * f, y) : new Point2D(x, y + HEIGHT * f);
    }

    /** Canvas position of the output port of a node at {@code (x, y)}. */
    public static Point2D outputPort(double x, double y, Flow flow) {
        return flow == Flow.TOP_DOWN ? new Point2D(x + WIDTH / 2, y + HEIGHT) : new Point2D(x + WIDTH, y + HEIGHT / 2);
    }

    /** {@code v} rounded to the grid. */
    public static double snap(double v) {
        return Math.round(v / GRID) * GRID;
    }
}
