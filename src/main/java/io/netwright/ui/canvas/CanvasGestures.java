package io.netwright.ui.canvas;

import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.editor.NodeGeometry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * Mouse and keys on the canvas, turned into editor calls: press a node to select it (shift toggles), drag to move
 * the selection, drag from a port to another port to wire them (valid targets light up, the nearest valid port
 * within reach snaps, an invalid one shows why), drag the background for a rubber band, drag with the right or
 * middle button to pan, the wheel to zoom, double-click a block to open it, Delete to remove, arrows to nudge.
 */
final class CanvasGestures {

    /** How close (design units) the pointer must come to a port for a wire to snap to it. */
    private static final double SNAP = 28;

    private enum Mode { NONE, MOVE, CONNECT, BAND, PAN, MINIMAP }

    private final GraphCanvas canvas;
    private final GraphCanvasSkin skin;
    private final EditorViewModel editor;
    private final Rectangle band = new Rectangle();
    private final Label refusal = new Label();
    private final WireView preview = WireView.preview();
    private Mode mode = Mode.NONE;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean moved;
    private final Map<String, double[]> startPositions = new HashMap<>();
    private String pressedNode;
    private boolean pressedWasSelected;
    // connecting: from an output (fromNode) or into an input (toNode/toPort)
    private String connectNode;
    private int connectPort;
    private boolean fromOutput;
    private Target target;

    private record Target(String node, int port, String problem) {
    }

    CanvasGestures(GraphCanvas canvas, GraphCanvasSkin skin) {
        this.canvas = canvas;
        this.skin = skin;
        this.editor = canvas.editor();
        band.getStyleClass().add("rubber-band");
        band.setVisible(false);
        refusal.getStyleClass().add("connect-refusal");
        refusal.setVisible(false);
        skin.overlay.getChildren().addAll(band, refusal);
        preview.setVisible(false);
        skin.previewLayer.getChildren().add(preview);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    // ================================================================ press

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        moved = false;
        if (skin.minimap().isVisible() && skin.minimap().getBoundsInParent().contains(e.getX(), e.getY())) {
            mode = Mode.MINIMAP;
            minimapJump(e);
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE) {
            mode = Mode.PAN;
            javafx.scene.Node under = e.getPickResult().getIntersectedNode();
            NodeView owner = owner(under);
            menuNode = owner == null ? null : owner.nodeId();
            menuWire = under != null && under.getStyleClass().contains("wire-hit")
                    && under.getParent() instanceof WireView w ? w.edge() : null;
            menuButton = e.getButton() == MouseButton.SECONDARY;
            canvas.setCursor(Cursor.CLOSED_HAND);
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        javafx.scene.Node picked = e.getPickResult().getIntersectedNode();
        NodeView nv = owner(picked);
        if (picked instanceof Circle port && nv != null && port.getStyleClass().contains("port")) {
            startConnect(nv, port);
            return;
        }
        if (nv != null) {
            startMove(nv.nodeId(), e.isShiftDown());
            return;
        }
        if (picked != null && picked.getStyleClass().contains("wire-hit")
                && picked.getParent() instanceof WireView w) {
            editor.clearSelection();
            skin.selectWire(w.edge());
            mode = Mode.NONE;
            return;
        }
        skin.selectWire(null);
        mode = Mode.BAND;
        if (!e.isShiftDown()) {
            editor.clearSelection();
        }
        startSelection.clear();
        startSelection.addAll(editor.selection());
    }

    private final Set<String> startSelection = new HashSet<>();
    private String menuNode;
    private Edge menuWire;
    private boolean menuButton;
    private javafx.scene.control.ContextMenu menu;

    private static NodeView owner(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (p instanceof NodeView v) {
                return v;
            }
        }
        return null;
    }

    private void startMove(String id, boolean shift) {
        pressedNode = id;
        pressedWasSelected = editor.selection().contains(id);
        if (shift) {
            editor.toggle(id);
        } else if (!pressedWasSelected) {
            editor.select(id);
        }
        startPositions.clear();
        for (String s : editor.selection()) {
            NodeView v = skin.nodes.get(s);
            if (v != null) {
                startPositions.put(s, new double[] {v.getLayoutX(), v.getLayoutY()});
            }
        }
        mode = Mode.MOVE;
    }

    // ================================================================ drag

    private void dragged(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) > 3) {
            moved = true;
        }
        switch (mode) {
            case PAN -> canvas.viewport().panBy(dx, dy);
            case MINIMAP -> minimapJump(e);
            case MOVE -> dragMove(e);
            case CONNECT -> dragConnect(e);
            case BAND -> dragBand(e);
            default -> { }
        }
    }

    private void dragMove(MouseEvent e) {
        if (!moved) {
            return;
        }
        double z = canvas.viewport().zoom();
        double dx = (e.getX() - pressX) / z;
        double dy = (e.getY() - pressY) / z;
        boolean snap = editor.snapToGridProperty().get();
        for (var s : startPositions.entrySet()) {
            double x = s.getValue()[0] + dx;
            double y = s.getValue()[1] + dy;
            skin.nodes.get(s.getKey()).relocate(snap ? NodeGeometry.snap(x) : x, snap ? NodeGeometry.snap(y) : y);
        }
        skin.reroute(startPositions.keySet());
    }

    private void dragBand(MouseEvent e) {
        double x = Math.min(pressX, e.getX());
        double y = Math.min(pressY, e.getY());
        band.setX(x);
        band.setY(y);
        band.setWidth(Math.abs(e.getX() - pressX));
        band.setHeight(Math.abs(e.getY() - pressY));
        band.setVisible(true);
        Point2D a = canvas.viewport().toWorld(x, y);
        Point2D b = canvas.viewport().toWorld(x + band.getWidth(), y + band.getHeight());
        Bounds area = new BoundingBox(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
        Set<String> sel = new java.util.LinkedHashSet<>(startSelection);
        for (Node n : editor.design().nodes()) {
            if (area.intersects(n.x(), n.y(), NodeGeometry.WIDTH, NodeGeometry.HEIGHT)) {
                sel.add(n.id());
            }
        }
        editor.select(sel);
    }

    // ================================================================ connecting

    private void startConnect(NodeView nv, Circle port) {
        mode = Mode.CONNECT;
        connectNode = nv.nodeId();
        fromOutput = port.getStyleClass().contains("out-port");
        connectPort = fromOutput ? 0 : nv.inPorts().indexOf(port);
        target = null;
        for (NodeView v : skin.nodes.values()) {
            if (fromOutput) {
                for (int i = 0; i < v.inPorts().size(); i++) {
                    mark(v.inPorts().get(i), editor.connectionProblem(connectNode, v.nodeId(), i) == null);
                }
            } else if (v.outPort().isVisible()) {
                mark(v.outPort(), editor.connectionProblem(v.nodeId(), connectNode, connectPort) == null);
            }
        }
        Point2D start = fromOutput ? skin.outputPortAt(connectNode) : skin.inputPortAt(connectNode, connectPort);
        preview.route(start, start, editor.flowProperty().get());
        preview.setVisible(true);
    }

    private static void mark(Circle port, boolean valid) {
        port.getStyleClass().add(valid ? "valid-target" : "invalid-target");
    }

    private void dragConnect(MouseEvent e) {
        Point2D w = canvas.viewport().toWorld(e.getX(), e.getY());
        target = nearest(w);
        Point2D anchor = fromOutput ? skin.outputPortAt(connectNode) : skin.inputPortAt(connectNode, connectPort);
        Point2D end = target != null && target.problem() == null ? portOf(target) : w;
        if (fromOutput) {
            preview.route(anchor, end, editor.flowProperty().get());
        } else {
            preview.route(end, anchor, editor.flowProperty().get());
        }
        preview.getStyleClass().remove("refused");
        if (target != null && target.problem() != null) {
            preview.getStyleClass().add("refused");
            refusal.setText("✕ " + target.problem());
            refusal.setMaxWidth(Math.max(200, Math.min(420, canvas.getWidth() - 24)));
            refusal.setWrapText(true);
            refusal.autosize();
            double width = Math.min(refusal.prefWidth(-1), refusal.getMaxWidth());
            double x = Math.min(e.getX() + 14, canvas.getWidth() - width - 12);
            refusal.resizeRelocate(Math.max(12, x), e.getY() + 12, width, refusal.prefHeight(width));
            refusal.setVisible(true);
        } else {
            refusal.setVisible(false);
        }
    }

    private Point2D portOf(Target t) {
        return fromOutput ? skin.inputPortAt(t.node(), t.port()) : skin.outputPortAt(t.node());
    }

    /** The port nearest to {@code w} within reach, with the reason a wire there is refused (null if allowed). */
    private Target nearest(Point2D w) {
        Target best = null;
        double bestD = SNAP;
        for (NodeView v : skin.nodes.values()) {
            String id = v.nodeId();
            if (fromOutput) {
                int n = skin.portCount(id);
                for (int i = 0; i < n; i++) {
                    double d = skin.inputPortAt(id, i).distance(w);
                    if (d < bestD) {
                        bestD = d;
                        best = new Target(id, i, editor.connectionProblem(connectNode, id, i));
                    }
                }
            } else if (v.outPort().isVisible()) {
                double d = skin.outputPortAt(id).distance(w);
                if (d < bestD) {
                    bestD = d;
                    best = new Target(id, 0, editor.connectionProblem(id, connectNode, connectPort));
                }
            }
        }
        return best;
    }

    private void finishConnect() {
        preview.setVisible(false);
        preview.getStyleClass().remove("refused");
        refusal.setVisible(false);
        for (NodeView v : skin.nodes.values()) {
            v.inPorts().forEach(p -> p.getStyleClass().removeAll("valid-target", "invalid-target"));
            v.outPort().getStyleClass().removeAll("valid-target", "invalid-target");
        }
        if (target != null) {
            if (fromOutput) {
                editor.connect(connectNode, target.node(), target.port());
            } else {
                editor.connect(target.node(), connectNode, connectPort);
            }
        }
        target = null;
    }

    // ================================================================ release, click

    private void released(MouseEvent e) {
        switch (mode) {
            case MOVE -> {
                if (moved) {
                    Map<String, double[]> to = new HashMap<>();
                    startPositions.keySet().forEach(id -> {
                        NodeView v = skin.nodes.get(id);
                        to.put(id, new double[] {v.getLayoutX(), v.getLayoutY()});
                    });
                    if (!editor.moveNodes(to)) {
                        skin.refresh();
                    }
                } else if (!e.isShiftDown() && pressedWasSelected && editor.selection().size() > 1) {
                    editor.select(pressedNode);
                }
            }
            case CONNECT -> finishConnect();
            case BAND -> band.setVisible(false);
            case PAN -> {
                canvas.setCursor(Cursor.DEFAULT);
                if (!moved && menuButton) {
                    if (menu != null) {
                        menu.hide();
                    }
                    menu = CanvasMenu.build(canvas, menuNode, menuWire);
                    menu.show(canvas, e.getScreenX(), e.getScreenY());
                }
            }
            default -> { }
        }
        mode = Mode.NONE;
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2) {
            return;
        }
        NodeView nv = owner(e.getPickResult().getIntersectedNode());
        if (nv != null) {
            editor.design().node(nv.nodeId()).ifPresent(n -> {
                if (editor.design().blocks().containsKey(n.type())) {
                    editor.openBlock(n.type());
                }
            });
        }
    }

    private void minimapJump(MouseEvent e) {
        Minimap m = skin.minimap();
        double[] w = m.toWorld(e.getX() - m.getLayoutX(), e.getY() - m.getLayoutY());
        canvas.viewport().centerOn(w[0], w[1], canvas.getWidth(), canvas.getHeight());
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        if (e.isShiftDown()) {
            canvas.viewport().panBy(e.getDeltaX(), e.getDeltaY());
        } else {
            canvas.viewport().zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        }
        e.consume();
    }

    // ================================================================ keys

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        boolean plain = !e.isShortcutDown() && !e.isAltDown();
        if ((k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) && plain) {
            Edge w = skin.selectedWire();
            if (w != null) {
                editor.disconnect(w);
            } else {
                editor.deleteSelection();
            }
        } else if ((k == KeyCode.PLUS || k == KeyCode.ADD || k == KeyCode.EQUALS) && plain) {
            canvas.zoom(1.2);
        } else if ((k == KeyCode.MINUS || k == KeyCode.SUBTRACT) && plain) {
            canvas.zoom(1 / 1.2);
        } else if (k == KeyCode.F && plain) {
            canvas.fitToView();
        } else if (k == KeyCode.ESCAPE) {
            editor.clearSelection();
            skin.selectWire(null);
        } else if (k.isArrowKey() && plain && !editor.selection().isEmpty()) {
            double step = e.isShiftDown() ? NodeGeometry.GRID * 5 : NodeGeometry.GRID;
            double dx = k == KeyCode.LEFT ? -step : k == KeyCode.RIGHT ? step : 0;
            double dy = k == KeyCode.UP ? -step : k == KeyCode.DOWN ? step : 0;
            Map<String, double[]> to = new HashMap<>();
            for (String id : editor.selection()) {
                editor.design().node(id).ifPresent(n -> to.put(id, new double[] {n.x() + dx, n.y() + dy}));
            }
            editor.moveNodes(to);
        } else {
            return;
        }
        e.consume();
    }
}
