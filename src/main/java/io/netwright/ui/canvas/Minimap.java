package io.netwright.ui.canvas;

import io.netwright.graph.Design;
import io.netwright.graph.Node;
import io.netwright.ui.editor.NodeGeometry;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The overview in the canvas corner: every node as a small block, the visible area as a frame. Clicking or dragging
 * in it moves the view there. Colours come from CSS ({@code -fx-background-color} of the region and
 * {@code -fx-text-fill}-like looked-up colours are not readable from a canvas, so the skin passes them in).
 */
final class Minimap extends Region {

    static final double W = 180;
    static final double H = 130;

    private final Canvas canvas = new Canvas(W, H);
    private Bounds world = new BoundingBox(0, 0, 1, 1);
    private double scale = 1;
    private double ox;
    private double oy;

    Minimap() {
        getStyleClass().add("minimap");
        getChildren().add(canvas);
        setPrefSize(W, H);
        setMinSize(W, H);
        setMaxSize(W, H);
    }

    /** Redraws for {@code design} with {@code visible} (design coordinates) framed. */
    void draw(Design design, Set<String> selection, Bounds visible, Color node, Color selected, Color frame) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Node n : design.nodes()) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + NodeGeometry.WIDTH);
            maxY = Math.max(maxY, n.y() + NodeGeometry.HEIGHT);
        }
        if (design.nodes().isEmpty()) {
            minX = minY = 0;
            maxX = maxY = 1;
        }
        minX = Math.min(minX, visible.getMinX());
        minY = Math.min(minY, visible.getMinY());
        maxX = Math.max(maxX, visible.getMaxX());
        maxY = Math.max(maxY, visible.getMaxY());
        world = new BoundingBox(minX, minY, maxX - minX, maxY - minY);
        double pad = 6;
        scale = Math.min((W - 2 * pad) / world.getWidth(), (H - 2 * pad) / world.getHeight());
        ox = pad + (W - 2 * pad - world.getWidth() * scale) / 2;
        oy = pad + (H - 2 * pad - world.getHeight() * scale) / 2;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, W, H);
        for (Node n : design.nodes()) {
            g.setFill(selection.contains(n.id()) ? selected : node);
            g.fillRoundRect(x(n.x()), y(n.y()), Math.max(2, NodeGeometry.WIDTH * scale),
                    Math.max(2, NodeGeometry.HEIGHT * scale), 3, 3);
        }
        g.setStroke(frame);
        g.setLineWidth(1.5);
        g.strokeRect(x(visible.getMinX()), y(visible.getMinY()), visible.getWidth() * scale,
                visible.getHeight() * scale);
    }

    private double x(double wx) {
        return ox + (wx - world.getMinX()) * scale;
    }

    private double y(double wy) {
        return oy + (wy - world.getMinY()) * scale;
    }

    /** The design point under minimap point {@code (mx, my)}. */
    double[] toWorld(double mx, double my) {
        return new double[] {world.getMinX() + (mx - ox) / scale, world.getMinY() + (my - oy) / scale};
    }
}
