package io.netwright.ui.canvas;

import io.netwright.graph.Edge;
import io.netwright.ui.editor.Flow;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * One wire: a cubic curve from an output port to an input port, leaving and entering along the flow, with the
 * tensor shape it carries as a label at its middle. Style classes {@code wire}, {@code wire-label}, {@code selected}.
 */
final class WireView extends Group {

    private final CubicCurve curve = new CubicCurve();
    private final CubicCurve hit = new CubicCurve();
    private final Label label = new Label();
    private Edge edge;
    private Point2D lastA;
    private Point2D lastB;
    private Flow lastFlow;
    private String lastLabel;

    WireView() {
        curve.getStyleClass().add("wire");
        curve.setMouseTransparent(true);
        hit.getStyleClass().add("wire-hit");
        label.getStyleClass().add("wire-label");
        label.setMouseTransparent(true);
        getChildren().addAll(hit, curve, label);
    }

    /** A preview wire (while connecting): no label, no hit area. */
    static WireView preview() {
        WireView w = new WireView();
        w.getStyleClass().add("wire-preview");
        w.hit.setVisible(false);
        w.label.setVisible(false);
        w.setMouseTransparent(true);
        return w;
    }

    Edge edge() {
        return edge;
    }

    void setEdge(Edge e) {
        edge = e;
    }

    /** The label text (the shape carried). */
    String labelText() {
        return label.getText();
    }

    void setLabel(String text) {
        label.setText(text);
        label.setVisible(text != null && !text.isEmpty() && !text.equals("?"));
    }

    void setSelected(boolean on) {
        if (on && !getStyleClass().contains("selected")) {
            getStyleClass().add("selected");
        } else if (!on) {
            getStyleClass().remove("selected");
        }
    }

    /** Routes the curve from {@code a} to {@code b}. */
    void route(Point2D a, Point2D b, Flow flow) {
        if (a.equals(lastA) && b.equals(lastB) && flow == lastFlow && label.getText().equals(lastLabel)) {
            return; // nothing moved: an edit elsewhere must not cost every wire a re-route
        }
        lastA = a;
        lastB = b;
        lastFlow = flow;
        lastLabel = label.getText();
        double bend = flow == Flow.TOP_DOWN ? Math.max(30, Math.abs(b.getY() - a.getY()) / 2)
                : Math.max(30, Math.abs(b.getX() - a.getX()) / 2);
        for (CubicCurve c : new CubicCurve[] {curve, hit}) {
            c.setStartX(a.getX());
            c.setStartY(a.getY());
            c.setEndX(b.getX());
            c.setEndY(b.getY());
            if (flow == Flow.TOP_DOWN) {
                c.setControlX1(a.getX());
                c.setControlY1(a.getY() + bend);
                c.setControlX2(b.getX());
                c.setControlY2(b.getY() - bend);
            } else {
                c.setControlX1(a.getX() + bend);
                c.setControlY1(a.getY());
                c.setControlX2(b.getX() - bend);
                c.setControlY2(b.getY());
            }
        }
        // the label sits beside the curve's midpoint
        double mx = 0.125 * a.getX() + 0.375 * curve.getControlX1() + 0.375 * curve.getControlX2() + 0.125 * b.getX();
        double my = 0.125 * a.getY() + 0.375 * curve.getControlY1() + 0.375 * curve.getControlY2() + 0.125 * b.getY();
        label.autosize();
        if (flow == Flow.TOP_DOWN) {
            label.relocate(mx + 8, my - label.prefHeight(-1) / 2);
        } else {
            label.relocate(mx - label.prefWidth(-1) / 2, my - label.prefHeight(-1) - 4);
        }
    }
}
