package io.netwright.ui.evaluate;

import io.netwright.train.Evaluation;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/** Precision–recall curves: every class overlaid, or the one chosen, with each curve's average precision. */
final class PrCurvesPane extends BorderPane {

    /** The chooser's first entry: every class overlaid. */
    static final String ALL = "All classes";

    private final ComboBox<String> chooser = new ComboBox<>();
    private final ChartViewer viewer = new ChartViewer(null);
    private Evaluation evaluation;

    PrCurvesPane() {
        setId("eval-pr");
        chooser.setId("eval-pr-class");
        chooser.valueProperty().addListener((o, a, b) -> redraw());
        HBox top = new HBox(8, new Label("Class:"), chooser);
        top.setPadding(new Insets(6));
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setTop(top);
        setCenter(viewer);
        viewer.setVisible(false);
    }

    /** Shows {@code e}'s curves, keeping the chosen class when the classes are the same. */
    void show(Evaluation e) {
        String chosen = chooser.getValue();
        boolean same = evaluation != null && evaluation.classes().equals(e.classes());
        evaluation = e;
        chooser.getItems().setAll(ALL);
        chooser.getItems().addAll(e.classes());
        chooser.setValue(same && chosen != null ? chosen : ALL);
        redraw();
    }

    /** Shows nothing. */
    void clear() {
        evaluation = null;
        chooser.getItems().clear();
        viewer.setVisible(false); // a ChartViewer cannot be emptied; it is hidden until the next evaluation
    }

    /** Chooses a class by name, or {@link #ALL}. */
    void choose(String name) {
        chooser.setValue(name);
    }

    /** The chart shown (null before an evaluation). */
    JFreeChart chart() {
        return viewer.getChart();
    }

    private void redraw() {
        if (evaluation == null || chooser.getValue() == null) {
            return;
        }
        int only = ALL.equals(chooser.getValue()) ? -1 : evaluation.classes().indexOf(chooser.getValue());
        viewer.setChart(Charts.prCurves(evaluation.prCurves(), evaluation.classes(), only));
        viewer.setVisible(true);
    }
}
