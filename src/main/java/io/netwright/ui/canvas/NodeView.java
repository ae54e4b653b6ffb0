package io.netwright.ui.canvas;

import io.netwright.graph.Catalogue;
import io.netwright.graph.LayerType;
import io.netwright.graph.Node;
import io.netwright.ui.editor.Flow;
import io.netwright.ui.editor.NodeGeometry;
import io.netwright.ui.editor.NodeStatus;
import io.netwright.ui.editor.Numbers;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/**
 * One layer on the canvas: a card showing the layer type with its icon, the node's name, its key parameters and
 * output shape with the parameter count, and its ports (inputs on the entry side, the output on the exit side).
 * Style classes: {@code graph-node}, a {@code cat-*} class, {@code selected}, {@code error}, {@code warning},
 * {@code tinted} (while a {@link NodeTint} is laid over it).
 */
public final class NodeView extends Region {

    private static final double PORT_RADIUS = 5.5;

    private final Label type = new Label();
    private final Label name = new Label();
    private final Label params = new Label();
    private final Label shape = new Label();
    private final Label count = new Label();
    private final Region accent = new Region();
    private Group icon;
    private final List<Circle> inPorts = new ArrayList<>();
    private final Circle outPort = new Circle(PORT_RADIUS);
    private final Tooltip tip = new Tooltip();
    private String id;
    private String nodeType;
    private Flow flow = Flow.TOP_DOWN;
    private boolean tipInstalled;
    // the training-health tint: created on first use, so the editor alone pays nothing
    private Region tintLayer;
    private Label badge;
    private Tooltip badgeTip;
    private NodeTint tint;

    NodeView() {
        getStyleClass().add("graph-node");
        setPickOnBounds(false); // the shadow and ports widen the bounds; only the card itself is the node
        setPrefSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
        setMinSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
        setMaxSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
        type.getStyleClass().add("node-type");
        name.getStyleClass().add("node-name");
        params.getStyleClass().add("node-params");
        shape.getStyleClass().add("node-shape");
        count.getStyleClass().add("node-count");
        accent.getStyleClass().add("node-accent");
        accent.setMouseTransparent(true);
        outPort.getStyleClass().addAll("port", "out-port");
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        getChildren().addAll(accent, type, name, params, shape, count, outPort);
        for (Label l : List.of(type, name, params, shape, count)) {
            l.setMouseTransparent(true);
        }
    }

    /** Shows {@code n} with its analysis {@code s}, {@code inputs} input ports, ports placed for {@code f}. */
    void update(Node n, NodeStatus s, int inputs, Flow f, String typeLabel) {
        boolean relayout = f != flow || inputs != inPorts.size() || !n.type().equals(nodeType);
        id = n.id();
        flow = f;
        if (!n.type().equals(nodeType)) {
            getStyleClass().removeIf(c -> c.startsWith("cat-"));
            getStyleClass().add(LayerIcons.styleClass(n.type()));
            if (icon != null) {
                getChildren().remove(icon);
            }
            icon = LayerIcons.icon(n.type());
            icon.setMouseTransparent(true);
            getChildren().add(icon);
            nodeType = n.type();
        }
        setId("node-" + n.id());
        type.setText(typeLabel);
        name.setText(n.displayName() + (n.frozen() ? " ❄" : ""));
        String kp = KeyParams.of(n);
        params.setText(kp.isEmpty() ? " " : kp);
        shape.setText("→ " + s.shapeText());
        count.setText(s.params() > 0 ? Numbers.short_(s.params()) + " params" : "");
        pseudo("error", s.hasError());
        pseudo("warning", s.hasWarningOnly());
        if (s.problems().isEmpty()) {
            if (tipInstalled) {
                Tooltip.uninstall(this, tip);
                tipInstalled = false;
            }
        } else {
            tip.setText(s.problemText());
            if (!tipInstalled) {
                Tooltip.install(this, tip);
                tipInstalled = true;
            }
        }
        while (inPorts.size() < inputs) {
            Circle c = new Circle(PORT_RADIUS);
            c.getStyleClass().addAll("port", "in-port");
            inPorts.add(c);
            getChildren().add(c);
        }
        while (inPorts.size() > inputs) {
            getChildren().remove(inPorts.remove(inPorts.size() - 1));
        }
        outPort.setVisible(NodeGeometry.hasOutput(n));
        if (relayout) {
            requestLayout();
        }
    }

    /** The design node id shown. */
    public String nodeId() {
        return id;
    }

    /** The text of the shape line ({@code → 6×28×28}). */
    public String shapeText() {
        return shape.getText();
    }

    /** The text of the parameter-count line. */
    public String countText() {
        return count.getText();
    }

    /** The tint laid over the card, or null. */
    public NodeTint tint() {
        return tint;
    }

    /** The badge text of the tint ("" without one). */
    public String badgeText() {
        return badge == null || !badge.isVisible() ? "" : badge.getText();
    }

    /** Lays {@code t} over the card (null clears it). */
    void setTint(NodeTint t) {
        tint = t;
        pseudo("tinted", t != null);
        if (t == null) {
            if (tintLayer != null) {
                tintLayer.setVisible(false);
                badge.setVisible(false);
            }
            return;
        }
        if (tintLayer == null) {
            tintLayer = new Region();
            tintLayer.getStyleClass().add("node-tint");
            tintLayer.setMouseTransparent(true);
            badge = new Label();
            badge.getStyleClass().add("node-badge");
            badge.setManaged(false);
            badge.setStyle("-fx-font-size: 10px; -fx-padding: 0 5 0 5; -fx-font-weight: bold;");
            badgeTip = new Tooltip();
            Tooltip.install(badge, badgeTip);
            getChildren().add(0, tintLayer);
            getChildren().add(badge);
        }
        Color c = t.color();
        tintLayer.setBackground(new Background(new BackgroundFill(c.deriveColor(0, 1, 1, 0.28),
                new CornerRadii(8), Insets.EMPTY)));
        tintLayer.setBorder(new Border(new BorderStroke(c, BorderStrokeStyle.SOLID, new CornerRadii(8),
                new BorderWidths(2.5))));
        tintLayer.setVisible(true);
        badge.setText(t.badge());
        badge.setVisible(!t.badge().isEmpty());
        badge.setBackground(new Background(new BackgroundFill(c, new CornerRadii(7), Insets.EMPTY)));
        badge.setTextFill(c.getBrightness() > 0.6 && c.getSaturation() < 0.9 || c.getBrightness() > 0.85
                ? Color.BLACK : Color.WHITE);
        badgeTip.setText(t.detail().isEmpty() ? t.badge() : t.detail());
        requestLayout();
    }

    /** Whether the node is drawn as having an error. */
    public boolean showsError() {
        return getStyleClass().contains("error");
    }

    void setSelected(boolean selected) {
        pseudo("selected", selected);
    }

    private void pseudo(String cls, boolean on) {
        if (on && !getStyleClass().contains(cls)) {
            getStyleClass().add(cls);
        } else if (!on) {
            getStyleClass().remove(cls);
        }
    }

    List<Circle> inPorts() {
        return inPorts;
    }

    Circle outPort() {
        return outPort;
    }

    static String typeLabel(String typeName) {
        return Catalogue.standard().get(typeName).map(LayerType::displayName).orElse(typeName + " (block)");
    }

    @Override
    protected void layoutChildren() {
        double w = NodeGeometry.WIDTH;
        double h = NodeGeometry.HEIGHT;
        accent.resizeRelocate(0, 0, 5, h);
        if (icon != null) {
            icon.relocate(12, 6);
        }
        // the type gets what it needs (up to most of the width), the name the rest, right-aligned and clipped
        double typeW = Math.min(type.prefWidth(-1), w - 34 - 8 - 36);
        type.resizeRelocate(34, 4, typeW, 20);
        name.resizeRelocate(34 + typeW + 6, 4, w - 8 - (34 + typeW + 6), 20);
        params.resizeRelocate(12, 24, w - 20, 18);
        shape.resizeRelocate(12, 43, w * 0.58, 18);
        count.resizeRelocate(w * 0.42, 43, w * 0.58 - 8, 18);
        for (int i = 0; i < inPorts.size(); i++) {
            Point2D p = NodeGeometry.inputPort(0, 0, i, inPorts.size(), flow);
            inPorts.get(i).setCenterX(p.getX());
            inPorts.get(i).setCenterY(p.getY());
        }
        if (tintLayer != null) {
            tintLayer.resizeRelocate(0, 0, w, h);
            badge.autosize();
            badge.relocate(w - badge.getWidth() - 6, -badge.getHeight() / 2 - 2);
        }
        Point2D o = NodeGeometry.outputPort(0, 0, flow);
        outPort.setCenterX(o.getX());
        outPort.setCenterY(o.getY());
    }
}
