package io.netwright.ui.canvas;

import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import io.netwright.ui.editor.AnalysisIndex;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.editor.Flow;
import io.netwright.ui.editor.NodeGeometry;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Transform;
import javafx.scene.transform.Translate;

/**
 * Draws a {@link GraphCanvas}: a grid, the design's wires and nodes in a zoomed and panned layer, an overlay for the
 * rubber band and drag feedback, the minimap, and a bar while a block is open. The views are kept in step with the
 * editor's design by id (not rebuilt), so an edit of a 200-node design repaints quickly. Mouse and keys are handled
 * by {@link CanvasGestures}.
 */
final class GraphCanvasSkin extends SkinBase<GraphCanvas> {

    private final EditorViewModel editor;
    private final Viewport viewport;
    private final Canvas grid = new Canvas();
    final Group wireLayer = new Group();
    final Group nodeLayer = new Group();
    final Group previewLayer = new Group();
    private final Group content = new Group(wireLayer, nodeLayer, previewLayer);
    private final Group world = new Group(content);
    final Pane overlay = new Pane();
    private final Minimap minimap = new Minimap();
    private final HBox blockBar = new HBox(8);
    private final Label blockLabel = new Label();
    private final Label ghost = new Label();
    private final Label[] colors = {color("canvas-grid-minor"), color("canvas-grid-major"), color("canvas-background"),
        color("minimap-node"), color("minimap-selected"), color("minimap-frame")};
    final Map<String, NodeView> nodes = new HashMap<>();
    final Map<String, WireView> wires = new HashMap<>();
    private final Map<String, Integer> portCounts = new HashMap<>();
    private Edge selectedWire;
    private boolean fitPending = true;

    GraphCanvasSkin(GraphCanvas control) {
        super(control);
        editor = control.editor();
        viewport = control.viewport();
        Translate pan = new Translate();
        pan.xProperty().bind(viewport.panXProperty());
        pan.yProperty().bind(viewport.panYProperty());
        Scale scale = new Scale();
        scale.xProperty().bind(viewport.zoomProperty());
        scale.yProperty().bind(viewport.zoomProperty());
        world.getTransforms().addAll(pan, scale);
        overlay.setMouseTransparent(true);
        overlay.setManaged(false);
        ghost.getStyleClass().add("drop-ghost");
        ghost.setVisible(false);
        overlay.getChildren().add(ghost);
        for (Label l : colors) {
            overlay.getChildren().add(l);
        }
        blockLabel.getStyleClass().add("block-bar-label");
        Button close = new Button("Close block");
        close.setId("close-block");
        close.setOnAction(e -> editor.closeBlock());
        blockBar.getChildren().addAll(blockLabel, close);
        blockBar.getStyleClass().add("block-bar");
        blockBar.setManaged(false);
        blockBar.visibleProperty().bind(editor.openBlockProperty().isNotEmpty());
        blockLabel.textProperty().bind(editor.openBlockProperty().concat(" — editing a block; its Input nodes are "
                + "the instance's ports"));
        minimap.setManaged(false);
        minimap.visibleProperty().bind(control.showMinimapProperty());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(control.widthProperty());
        clip.heightProperty().bind(control.heightProperty());
        control.setClip(clip);
        grid.setManaged(false);
        world.setManaged(false);
        getChildren().addAll(grid, world, overlay, minimap, blockBar);

        editor.designProperty().addListener((o, a, b) -> refresh());
        editor.selectionProperty().addListener((o, a, b) -> refreshSelection());
        editor.flowProperty().addListener((o, a, b) -> refresh());
        editor.loadsProperty().addListener((o, a, b) -> {
            fitPending = true;
            control.requestLayout();
        });
        viewport.zoomProperty().addListener((o, a, b) -> redrawDecor());
        viewport.panXProperty().addListener((o, a, b) -> redrawDecor());
        viewport.panYProperty().addListener((o, a, b) -> redrawDecor());
        control.showGridProperty().addListener((o, a, b) -> redrawDecor());
        control.nodeTints().addListener((javafx.collections.MapChangeListener<String, NodeTint>) c -> {
            NodeView v = nodes.get(c.getKey());
            if (v != null) {
                v.setTint(control.nodeTints().get(c.getKey()));
            }
        });
        new CanvasGestures(control, this);
        refresh();
    }

    private static Label color(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setManaged(false);
        l.setOpacity(0);
        l.resize(0, 0);
        return l;
    }

    private Color colorOf(int i, Color fallback) {
        Paint p = colors[i].getTextFill();
        return p instanceof Color c ? c : fallback;
    }

    // ================================================================ layout

    // the design may be any size: the canvas asks for little room and shows what fits
    @Override
    protected double computeMinWidth(double h, double top, double right, double bottom, double left) {
        return 100;
    }

    @Override
    protected double computeMinHeight(double w, double top, double right, double bottom, double left) {
        return 100;
    }

    @Override
    protected double computePrefWidth(double h, double top, double right, double bottom, double left) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double w, double top, double right, double bottom, double left) {
        return 600;
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        grid.setWidth(w);
        grid.setHeight(h);
        overlay.resizeRelocate(0, 0, w, h);
        minimap.resizeRelocate(w - Minimap.W - 12, h - Minimap.H - 12, Minimap.W, Minimap.H);
        blockBar.autosize();
        blockBar.relocate(12, 10);
        if (fitPending && w > 0 && h > 0) {
            fitPending = false;
            viewport.fitOrTop(designBounds(), w, h, 0.75);
        }
        redrawDecor();
    }

    void fitToView() {
        viewport.fit(designBounds(), getSkinnable().getWidth(), getSkinnable().getHeight());
    }

    Bounds designBounds() {
        Design d = editor.design();
        if (d.nodes().isEmpty()) {
            return null;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Node n : d.nodes()) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + NodeGeometry.WIDTH);
            maxY = Math.max(maxY, n.y() + NodeGeometry.HEIGHT);
        }
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    // ================================================================ keeping views in step

    /** Brings node and wire views in line with the editor's design and analysis. */
    void refresh() {
        Design d = editor.design();
        AnalysisIndex a = editor.analysis();
        Flow flow = editor.flowProperty().get();
        Set<String> selection = editor.selection();
        Set<String> seen = new HashSet<>();
        portCounts.clear();
        for (Node n : d.nodes()) {
            seen.add(n.id());
            NodeView v = nodes.get(n.id());
            if (v == null) {
                v = new NodeView();
                v.setTint(getSkinnable().nodeTints().get(n.id()));
                nodes.put(n.id(), v);
                nodeLayer.getChildren().add(v);
            }
            int ports = NodeGeometry.inputPorts(d, n);
            portCounts.put(n.id(), ports);
            v.update(n, a.status(n.id()), ports, flow, NodeView.typeLabel(n.type()));
            v.relocate(n.x(), n.y());
            v.setSelected(selection.contains(n.id()));
        }
        nodes.entrySet().removeIf(e -> {
            if (!seen.contains(e.getKey())) {
                nodeLayer.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        Set<String> seenWires = new HashSet<>();
        Set<String> labelled = new HashSet<>();
        for (Edge e : d.edges()) {
            String key = key(e);
            seenWires.add(key);
            WireView w = wires.get(key);
            if (w == null) {
                w = new WireView();
                wires.put(key, w);
                wireLayer.getChildren().add(w);
            }
            w.setEdge(e);
            // a fan-out carries one tensor: label it on one of its wires only
            w.setLabel(labelled.add(e.from()) ? a.status(e.from()).shapeText() : "");
            w.setSelected(e.equals(selectedWire));
        }
        wires.entrySet().removeIf(e -> {
            if (!seenWires.contains(e.getKey())) {
                wireLayer.getChildren().remove(e.getValue());
                return true;
            }
            return false;
        });
        if (selectedWire != null && !seenWires.contains(key(selectedWire))) {
            selectedWire = null;
        }
        rerouteAll();
        redrawDecor();
    }

    static String key(Edge e) {
        return e.from() + ":" + e.fromPort() + ">" + e.to() + ":" + e.toPort();
    }

    private void refreshSelection() {
        Set<String> s = editor.selection();
        nodes.forEach((id, v) -> v.setSelected(s.contains(id)));
        if (!s.isEmpty()) {
            selectWire(null);
        }
        redrawDecor();
    }

    void rerouteAll() {
        for (WireView w : wires.values()) {
            route(w);
        }
    }

    /** Re-routes the wires touching the nodes {@code ids} (during a move). */
    void reroute(Collection<String> ids) {
        for (WireView w : wires.values()) {
            Edge e = w.edge();
            if (ids.contains(e.from()) || ids.contains(e.to())) {
                route(w);
            }
        }
    }

    private void route(WireView w) {
        Edge e = w.edge();
        NodeView a = nodes.get(e.from());
        NodeView b = nodes.get(e.to());
        if (a == null || b == null) {
            return;
        }
        Flow flow = editor.flowProperty().get();
        int count = Math.max(portCounts.getOrDefault(e.to(), 1), e.toPort() + 1);
        w.route(NodeGeometry.outputPort(a.getLayoutX(), a.getLayoutY(), flow),
                NodeGeometry.inputPort(b.getLayoutX(), b.getLayoutY(), e.toPort(), count, flow), flow);
    }

    /** Where input port {@code port} of node {@code id} is now, in design coordinates. */
    Point2D inputPortAt(String id, int port) {
        NodeView v = nodes.get(id);
        return NodeGeometry.inputPort(v.getLayoutX(), v.getLayoutY(), port, portCounts.getOrDefault(id, 1),
                editor.flowProperty().get());
    }

    /** Where the output port of node {@code id} is now, in design coordinates. */
    Point2D outputPortAt(String id) {
        NodeView v = nodes.get(id);
        return NodeGeometry.outputPort(v.getLayoutX(), v.getLayoutY(), editor.flowProperty().get());
    }

    int portCount(String id) {
        return portCounts.getOrDefault(id, 0);
    }

    Edge selectedWire() {
        return selectedWire;
    }

    void selectWire(Edge e) {
        selectedWire = e;
        wires.values().forEach(w -> w.setSelected(w.edge().equals(e)));
    }

    NodeView nodeView(String id) {
        return nodes.get(id);
    }

    String wireLabel(String to, int port) {
        for (WireView w : wires.values()) {
            if (w.edge().endsAt(to, port)) {
                return w.labelText();
            }
        }
        return null;
    }

    // ================================================================ grid, minimap, ghost

    void redrawDecor() {
        GraphCanvas c = getSkinnable();
        double w = c.getWidth();
        double h = c.getHeight();
        GraphicsContext g = grid.getGraphicsContext2D();
        g.setFill(colorOf(2, Color.WHITE));
        g.fillRect(0, 0, w, h);
        if (c.isShowGrid()) {
            drawGrid(g, w, h, 20, colorOf(0, Color.gray(0.92)));
            drawGrid(g, w, h, 100, colorOf(1, Color.gray(0.85)));
        }
        if (minimap.isVisible()) {
            minimap.draw(editor.design(), editor.selection(), viewport.visible(w, h), colorOf(3, Color.GRAY),
                    colorOf(4, Color.DODGERBLUE), colorOf(5, Color.DODGERBLUE));
        }
    }

    private void drawGrid(GraphicsContext g, double w, double h, double pitch, Color color) {
        double step = pitch * viewport.zoom();
        if (step < 6) {
            return;
        }
        g.setStroke(color);
        g.setLineWidth(1);
        Point2D origin = viewport.toScreen(0, 0);
        double x0 = origin.getX() % step;
        double y0 = origin.getY() % step;
        for (double x = x0 < 0 ? x0 + step : x0; x < w; x += step) {
            g.strokeLine(Math.floor(x) + 0.5, 0, Math.floor(x) + 0.5, h);
        }
        for (double y = y0 < 0 ? y0 + step : y0; y < h; y += step) {
            g.strokeLine(0, Math.floor(y) + 0.5, w, Math.floor(y) + 0.5);
        }
    }

    Minimap minimap() {
        return minimap;
    }

    void showDropPreview(String type, double sceneX, double sceneY) {
        if (type == null) {
            ghost.setVisible(false);
            return;
        }
        Point2D p = getSkinnable().sceneToLocal(sceneX, sceneY);
        ghost.setText("+ " + NodeView.typeLabel(type));
        ghost.autosize();
        ghost.relocate(p.getX() - ghost.getWidth() / 2, p.getY() - ghost.getHeight() / 2);
        ghost.setVisible(true);
    }

    // ================================================================ export

    WritableImage snapshotDesign(double scale) {
        previewLayer.setVisible(false);
        Bounds b = content.getBoundsInLocal();
        double m = 24;
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(colorOf(2, Color.WHITE));
        p.setTransform(Transform.scale(scale, scale));
        p.setViewport(new Rectangle2D((b.getMinX() - m) * scale, (b.getMinY() - m) * scale,
                (b.getWidth() + 2 * m) * scale, (b.getHeight() + 2 * m) * scale));
        try {
            return content.snapshot(p, null);
        } finally {
            previewLayer.setVisible(true);
        }
    }
}
