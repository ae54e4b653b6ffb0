package io.netwright.ui.evaluate;

import io.netwright.train.Evaluation;
import io.netwright.ui.evaluate.EvaluationState.Cell;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Evaluate tab's views of one evaluation, one sub-tab each: Summary (figures and per-class bars), Confusion
 * matrix (heat map and the clicked cell's samples), Precision–recall, Misclassified, and the "Predict a file" pane
 * it is given. Only the visible view is drawn when the evaluation changes; the others are drawn when selected.
 */
final class EvaluationViews extends TabPane {

    static final String SUMMARY = "Summary";
    static final String CONFUSION = "Confusion matrix";
    static final String PR = "Precision–recall";
    static final String MISCLASSIFIED = "Misclassified";
    static final String PREDICT = "Predict a file";

    private final SummaryPane summary = new SummaryPane();
    private final ChartViewer classBars = new ChartViewer(null);
    private final ConfusionMatrixView matrix = new ConfusionMatrixView();
    private final CheckBox normalise = new CheckBox("Normalise rows");
    private final SampleGrid cellSamples = new SampleGrid("eval-cell-samples", "Click a cell to see its samples.");
    private final PrCurvesPane prCurves = new PrCurvesPane();
    private final SampleGrid misclassified = new SampleGrid("eval-misclassified", "No evaluation yet.");
    private final Set<String> stale = new HashSet<>();
    private EvaluationState state;
    private Evaluation matrixShown;
    private int[] selectedCell;

    EvaluationViews(PredictPane predict) {
        setId("evaluate-views");
        setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        classBars.setPrefHeight(320);
        classBars.setVisible(false); // a ChartViewer cannot be emptied: hidden until there is a chart
        VBox summaryBox = new VBox(6, summary, classBars);
        VBox.setVgrow(classBars, Priority.ALWAYS);
        normalise.setId("eval-normalise");
        normalise.selectedProperty().addListener((o, a, b) -> matrix.setNormalised(b));
        matrix.setOnCellClicked(this::showCell);
        HBox matrixBar = new HBox(10, normalise, new Label("Click a cell to see those samples."));
        matrixBar.setPadding(new Insets(6));
        matrixBar.setAlignment(Pos.CENTER_LEFT);
        BorderPane matrixPane = new BorderPane(matrix, matrixBar, null, null, null);
        SplitPane confusion = new SplitPane(matrixPane, cellSamples);
        confusion.setOrientation(Orientation.HORIZONTAL);
        confusion.setDividerPositions(0.58);
        getTabs().addAll(tab(SUMMARY, summaryBox), tab(CONFUSION, confusion), tab(PR, prCurves),
                tab(MISCLASSIFIED, misclassified), tab(PREDICT, predict));
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> renderVisible());
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId("eval-tab-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        return t;
    }

    /** Shows {@code s}: the visible view now, the others when selected. */
    void show(EvaluationState s) {
        EvaluationState old = state;
        state = s;
        if (old == null || old.evaluation() != s.evaluation()) {
            stale.addAll(List.of(SUMMARY, CONFUSION, PR, MISCLASSIFIED));
            selectedCell = null;
        } else {
            // the same figures with more behind them (images, per-sample predictions)
            stale.addAll(List.of(CONFUSION, MISCLASSIFIED));
        }
        renderVisible();
    }

    /** Shows nothing. */
    void clear() {
        state = null;
        summary.clear();
        classBars.setVisible(false);
        matrix.setMatrix(new int[0][0], List.of());
        matrixShown = null;
        stale.clear();
        selectedCell = null;
        prCurves.clear();
        misclassified.clear("No evaluation yet.");
        cellSamples.clear("Click a cell to see its samples.");
    }

    /** Selects the view named {@code name}. */
    void select(String name) {
        getTabs().stream().filter(t -> t.getText().equals(name)).findFirst()
                .ifPresent(t -> getSelectionModel().select(t));
    }

    private void renderVisible() {
        Tab t = getSelectionModel().getSelectedItem();
        if (t == null || state == null || !stale.remove(t.getText())) {
            return;
        }
        Evaluation e = state.evaluation();
        switch (t.getText()) {
            case SUMMARY -> {
                summary.show(e);
                classBars.setChart(Charts.classMetrics(e.perClass()));
                classBars.setVisible(true);
            }
            case CONFUSION -> {
                if (matrixShown != e) {
                    matrix.setMatrix(e.confusion(), e.classes());
                    matrixShown = e;
                }
                if (selectedCell != null) {
                    showCell(selectedCell[0], selectedCell[1]);
                } else {
                    cellSamples.clear("Click a cell to see its samples.");
                }
            }
            case PR -> prCurves.show(e);
            case MISCLASSIFIED -> {
                List<EvaluationState.Tile> wrong = state.misclassified();
                misclassified.show(wrong.isEmpty() ? "No misclassified samples." : "The " + wrong.size()
                        + " worst misclassified samples of " + String.format(Locale.ROOT, "%,d", e.samples())
                        + ", by loss" + (state.split() == null ? " (images unavailable)" : ""), wrong, e.classes());
            }
            default -> {
                // "Predict a file" does not show the evaluation
            }
        }
    }

    private void showCell(int t, int p) {
        if (state == null) {
            return;
        }
        selectedCell = new int[] {t, p};
        Cell c = state.cell(t, p);
        List<String> names = state.evaluation().classes();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d sample%s of %s predicted as %s",
                c.count(), c.count() == 1 ? "" : "s", SampleGrid.name(names, t), SampleGrid.name(names, p)));
        if (!c.complete()) {
            text.append(" — only the ").append(c.tiles().size()).append(" kept misclassified sample")
                    .append(c.tiles().size() == 1 ? " is" : "s are").append(" known until the per-sample "
                    + "predictions are computed");
        } else if (c.tiles().size() < c.count()) {
            text.append(" — showing the ").append(c.tiles().size()).append(" most confident");
        }
        cellSamples.show(text.toString(), c.tiles(), names);
    }

    ConfusionMatrixView matrix() {
        return matrix;
    }

    SampleGrid cellSamples() {
        return cellSamples;
    }

    SampleGrid misclassified() {
        return misclassified;
    }

    PrCurvesPane prCurves() {
        return prCurves;
    }

    ChartViewer classBars() {
        return classBars;
    }
}
