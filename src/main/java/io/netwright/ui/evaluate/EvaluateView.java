package io.netwright.ui.evaluate;

import io.netwright.train.Evaluation;
import io.netwright.train.Evaluator;
import io.netwright.train.RunFolder;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.evaluate.EvaluationState.Cell;
import io.netwright.ui.run.TrainingView;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;

/**
 * The studio's Evaluate tab: a run's evaluation — the accuracy summary with per-class precision / recall / F1 bars,
 * the confusion matrix as a heat map whose cells open their samples, precision–recall curves per class, the
 * misclassified samples ranked by loss — and "predict a file" (top-k probabilities and every conv layer's feature
 * maps for one image).
 *
 * <p>It shows a run opened with "Open run…" or {@link #evaluateRun(Path, String)} (evaluated off the FX thread), and,
 * as a {@link TrainingView}, the final evaluation of a run being followed as soon as the trainer publishes it; the
 * per-sample predictions behind a live evaluation (for the cells' samples) are recomputed from the run's last
 * checkpoint once the run has finished. Image files dropped anywhere on the tab are predicted.
 */
public final class EvaluateView extends BorderPane implements TrainingView {

    private static final String SUMMARY = "Summary";
    private static final String CONFUSION = "Confusion matrix";
    private static final String PR = "Precision–recall";
    private static final String MISCLASSIFIED = "Misclassified";

    private final Background background = new Background();
    private final ReadOnlyObjectWrapper<EvaluationState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final RunModels models = new RunModels();
    private final Label header = new Label("No evaluation yet: open a run, or train one — its test evaluation "
            + "appears here when it finishes.");
    private final Label status = new Label();
    private final SummaryPane summary = new SummaryPane();
    private final ChartViewer classBars = new ChartViewer(null);
    private final ConfusionMatrixView matrix = new ConfusionMatrixView();
    private final CheckBox normalise = new CheckBox("Normalise rows");
    private final SampleGrid cellSamples = new SampleGrid("eval-cell-samples", "Click a cell to see its samples.");
    private final PrCurvesPane prCurves = new PrCurvesPane();
    private final SampleGrid misclassified = new SampleGrid("eval-misclassified", "No evaluation yet.");
    private final PredictPane predict = new PredictPane(this::chooseImage);
    private final TabPane views = new TabPane();
    private final ChoiceBox<String> checkpoints = new ChoiceBox<>();
    private boolean choosingCheckpoint;
    private Chooser runChooser = Chooser.runFolder();
    private Chooser imageChooser = Chooser.imageFile();
    private Path predictRun;
    private String predictCheckpoint;
    private Path liveRunDir;
    private int generation;
    private int[] selectedCell;
    private Evaluation matrixShown;
    private final Set<String> stale = new HashSet<>();

    /** An empty tab; {@link #evaluateRun} or a followed run fills it. */
    public EvaluateView() {
        setId("evaluate-view");
        getStyleClass().add("evaluate-view");
        var css = EvaluateView.class.getResource("/studio/evaluate.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setTop(toolbar());
        views.setId("evaluate-views");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        classBars.setPrefHeight(320);
        classBars.setVisible(false);
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
        views.getTabs().addAll(tab(SUMMARY, summaryBox), tab(CONFUSION, confusion), tab(PR, prCurves),
                tab(MISCLASSIFIED, misclassified), tab("Predict a file", predict));
        views.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> renderVisible());
        setCenter(views);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                predictFile(files.get(0).toPath());
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private HBox toolbar() {
        Button open = new Button("Open run…");
        open.setId("eval-open-run");
        open.setOnAction(e -> chooseRun());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(background.busyProperty());
        header.setId("eval-header");
        header.getStyleClass().add("eval-header");
        status.setId("eval-status");
        status.getStyleClass().add("eval-status");
        VBox texts = new VBox(2, header, status);
        HBox.setHgrow(texts, Priority.ALWAYS);
        checkpoints.setId("eval-checkpoint");
        checkpoints.getItems().setAll("best", "last");
        checkpoints.setDisable(true);
        checkpoints.setTooltip(new javafx.scene.control.Tooltip("The checkpoint of the run to evaluate"));
        checkpoints.valueProperty().addListener((o, a, b) -> {
            if (!choosingCheckpoint && b != null && predictRun != null) {
                evaluateRun(predictRun, b);
            }
        });
        HBox bar = new HBox(10, open, checkpoints, spinner, texts);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("eval-toolbar");
        return bar;
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId("eval-tab-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        return t;
    }

    // ================================================================ inputs

    /**
     * Evaluates checkpoint {@code checkpoint} ({@code best} or {@code last}; null: best, else last) of the run in
     * {@code runDir} on the run's own test split (else its validation split), off the FX thread, and shows it.
     * Call on the FX thread.
     */
    public void evaluateRun(Path runDir, String checkpoint) {
        int gen = ++generation;
        predictRun = runDir;
        predictCheckpoint = checkpoint;
        String name = runName(runDir);
        status.setText("Evaluating run " + name + "…");
        background.run(() -> Evaluator.evaluateRunInDetail(runDir, checkpoint), r -> {
            if (gen != generation) {
                return;
            }
            choosingCheckpoint = true;
            checkpoints.setValue(r.checkpoint());
            checkpoints.setDisable(false);
            choosingCheckpoint = false;
            show(new EvaluationState(r.evaluation(), r.predictions(), r.split(), runDir, "Run " + name
                    + " · checkpoint " + r.checkpoint() + " · " + r.evaluation().split() + " split"));
            status.setText("Evaluated " + String.format(Locale.ROOT, "%,d", r.evaluation().samples())
                    + " samples.");
        }, e -> failed("Evaluating run " + name, e));
    }

    /**
     * Predicts the image {@code file} with the current run's design and checkpoint (off the FX thread) and shows the
     * top-k probabilities and the conv layers' feature maps on the "Predict a file" view. Call on the FX thread.
     */
    public void predictFile(Path file) {
        selectView("Predict a file");
        Path run = predictRun;
        if (run == null) {
            predict.say("Open a run first: predictions use its design and checkpoint.");
            return;
        }
        String checkpoint = predictCheckpoint;
        EvaluationState s = state.get();
        List<String> known = s != null && run.equals(s.runDir()) ? s.evaluation().classes() : null;
        predict.say("Predicting " + file.getFileName() + "…");
        background.run(() -> {
            var model = models.load(run, checkpoint);
            List<String> classes = known != null ? known : RunModels.classes(run, model);
            return FileInspection.inspect(model, file, classes, model.config().monitoring().topK());
        }, predict::show, e -> {
            predict.say("Predicting " + file.getFileName() + " failed: " + message(e));
            failed("Predicting " + file.getFileName(), e);
        });
    }

    @Override
    public void runStarted(Trainer trainer) {
        generation++;
        liveRunDir = trainer.runDir().orElse(null);
        if (liveRunDir != null) {
            predictRun = liveRunDir;
            predictCheckpoint = "last";
        }
        state.set(null);
        checkpoints.setDisable(true);
        clearViews();
        header.setText("Following run " + (liveRunDir == null ? "(no folder)" : runName(liveRunDir))
                + ": its test evaluation appears here when it finishes.");
        status.setText("");
    }

    @Override
    public void onEvents(List<TrainingEvent> events) {
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Evaluated ev) {
                showLive(ev.evaluation());
            } else if (e instanceof TrainingEvent.Finished) {
                completeLive();
            } else if (e instanceof TrainingEvent.Failed f) {
                status.setText("The run failed: " + f.message());
            } else if (e instanceof TrainingEvent.Stopped) {
                status.setText("The run was stopped before its final evaluation; open it to evaluate its "
                        + "last checkpoint.");
            }
        }
    }

    private void showLive(Evaluation e) {
        int gen = ++generation;
        Path dir = liveRunDir;
        show(new EvaluationState(e, null, null, dir, "Run " + (dir == null ? "" : runName(dir) + " ")
                + "(live) · " + e.split() + " split"));
        if (dir == null) {
            status.setText("The run has no folder: sample images and cell samples are unavailable.");
            return;
        }
        status.setText("Reading the " + e.split() + " samples…");
        background.run(() -> Evaluator.runSplit(dir, e.split()), split -> {
            if (gen != generation || state.get() == null) {
                return;
            }
            if (split.size() != e.samples()) {
                status.setText("The run's " + e.split() + " split now has " + split.size() + " samples but "
                        + e.samples() + " were evaluated (the trainer was given other data): sample images are "
                        + "unavailable.");
                return;
            }
            show(state.get().withSplit(split));
            status.setText("");
        }, x -> failed("Reading the run's " + e.split() + " samples", x));
    }

    /** After a followed run finished: its last checkpoint holds the evaluated weights; recompute per-sample data. */
    private void completeLive() {
        EvaluationState s = state.get();
        Path dir = liveRunDir;
        if (s == null || s.predictions() != null || dir == null) {
            return;
        }
        int gen = generation;
        Evaluation shown = s.evaluation();
        status.setText("Computing per-sample predictions for the cells…");
        background.run(() -> Evaluator.evaluateRunInDetail(dir, "last"), r -> {
            if (gen != generation) {
                return;
            }
            if (!Arrays.deepEquals(r.evaluation().confusion(), shown.confusion())) {
                status.setText("The run's last checkpoint gives another confusion matrix than its evaluation (was "
                        + "the data changed?): cells show only the kept misclassified samples. Open the run to "
                        + "evaluate it afresh.");
                return;
            }
            show(state.get().withPredictions(r.predictions()).withSplit(r.split()));
            status.setText("");
        }, x -> failed("Computing per-sample predictions", x));
    }

    // ================================================================ display

    /**
     * Shows {@code s}: the visible view at once, the others when they are selected — so a followed run's evaluation
     * costs the FX thread one view's drawing, not five. Call on the FX thread.
     */
    void show(EvaluationState s) {
        EvaluationState old = state.get();
        state.set(s);
        header.setText(s.source());
        if (old == null || old.evaluation() != s.evaluation()) {
            stale.addAll(List.of(SUMMARY, CONFUSION, PR, MISCLASSIFIED));
            selectedCell = null;
        } else {
            // the same figures with more behind them (images, per-sample predictions)
            stale.addAll(List.of(CONFUSION, MISCLASSIFIED));
        }
        renderVisible();
    }

    private void renderVisible() {
        Tab t = views.getSelectionModel().getSelectedItem();
        EvaluationState s = state.get();
        if (t == null || s == null || !stale.remove(t.getText())) {
            return;
        }
        Evaluation e = s.evaluation();
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
                List<EvaluationState.Tile> wrong = s.misclassified();
                misclassified.show(wrong.isEmpty() ? "No misclassified samples." : "The " + wrong.size()
                        + " worst misclassified samples of " + String.format(Locale.ROOT, "%,d", e.samples())
                        + ", by loss" + (s.split() == null ? " (images unavailable)" : ""), wrong, e.classes());
            }
            default -> {
                // "Predict a file" does not show the evaluation
            }
        }
    }

    private void showCell(int t, int p) {
        EvaluationState s = state.get();
        if (s == null) {
            return;
        }
        selectedCell = new int[] {t, p};
        Cell c = s.cell(t, p);
        List<String> names = s.evaluation().classes();
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

    private void clearViews() {
        summary.clear();
        classBars.setVisible(false); // a ChartViewer cannot be emptied; it is hidden until the next evaluation
        matrix.setMatrix(new int[0][0], List.of());
        matrixShown = null;
        stale.clear();
        selectedCell = null;
        prCurves.clear();
        misclassified.clear("No evaluation yet.");
        cellSamples.clear("Click a cell to see its samples.");
    }

    /** Selects the view named {@code name} (Summary, Confusion matrix, Precision–recall, Misclassified, ...). */
    public void selectView(String name) {
        views.getTabs().stream().filter(t -> t.getText().equals(name)).findFirst()
                .ifPresent(t -> views.getSelectionModel().select(t));
    }

    private void failed(String what, Throwable e) {
        status.setText(what + " failed: " + message(e));
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String runName(Path dir) {
        return dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    }

    // ================================================================ choosers

    /** Replaces the run-folder and image choosers (tests: the headless robot cannot drive native dialogs). */
    void setChoosers(Chooser runs, Chooser images) {
        runChooser = runs;
        imageChooser = images;
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private void chooseRun() {
        runChooser.choose(window()).ifPresent(p -> {
            if (!Files.isRegularFile(p.resolve(RunFolder.CONFIG))) {
                status.setText(p + " is not a run folder (it has no " + RunFolder.CONFIG + ") — choose the folder a "
                        + "training run wrote");
                return;
            }
            evaluateRun(p, null);
        });
    }

    private void chooseImage() {
        imageChooser.choose(window()).ifPresent(this::predictFile);
    }

    // ================================================================ access

    /** What is shown (null before any evaluation). */
    public ReadOnlyObjectProperty<EvaluationState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while an evaluation or prediction runs in the background. */
    public ReadOnlyBooleanProperty busyProperty() {
        return background.busyProperty();
    }

    /** The status line's text (progress and failures). */
    public String statusText() {
        return status.getText();
    }

    ConfusionMatrixView matrix() {
        return matrix;
    }

    SampleGrid cellSamples() {
        return cellSamples;
    }

    SampleGrid misclassifiedGrid() {
        return misclassified;
    }

    PrCurvesPane prCurves() {
        return prCurves;
    }

    PredictPane predictPane() {
        return predict;
    }

    ChartViewer classBars() {
        return classBars;
    }
}
