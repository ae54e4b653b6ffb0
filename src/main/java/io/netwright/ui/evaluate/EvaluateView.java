package io.netwright.ui.evaluate;

import io.netwright.train.Evaluation;
import io.netwright.train.Evaluator;
import io.netwright.train.RunFolder;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.run.TrainingView;
import io.netwright.ui.run.WhenShown;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
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
 * as a {@link TrainingView}, the final evaluation of a run being followed as soon as the trainer publishes it (or,
 * while the tab is in the back, once it is shown); the per-sample predictions behind a live evaluation (for the
 * cells' samples) are recomputed from the run's last checkpoint once the run has finished and the tab is shown.
 * Image files dropped anywhere on the tab are predicted.
 */
public final class EvaluateView extends BorderPane implements TrainingView {

    private final Background background = new Background();
    private final ReadOnlyObjectWrapper<EvaluationState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final RunModels models = new RunModels();
    private final Label header = new Label("No evaluation yet: open a run, or train one — its test evaluation "
            + "appears here when it finishes.");
    private final Label status = new Label();
    private final PredictPane predict = new PredictPane(this::chooseImage);
    private final EvaluationViews views = new EvaluationViews(predict);
    private final ChoiceBox<String> checkpoints = new ChoiceBox<>();
    private boolean choosingCheckpoint;
    private Chooser runChooser = Chooser.runFolder();
    private Chooser imageChooser = Chooser.imageFile();
    private Path predictRun;
    private String predictCheckpoint;
    private Path liveRunDir;
    private final Button evaluateNow = new Button("Evaluate latest checkpoint");
    private final WhenShown shown = new WhenShown(this);
    private Evaluation pendingEvaluation;
    private boolean pendingCompletion;
    private int generation;

    /** An empty tab; {@link #evaluateRun} or a followed run fills it. */
    public EvaluateView() {
        setId("evaluate-view");
        getStyleClass().add("evaluate-view");
        var css = EvaluateView.class.getResource("/studio/evaluate.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setTop(toolbar());
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
        evaluateNow.setId("eval-now");
        evaluateNow.setDisable(true);
        evaluateNow.setTooltip(new javafx.scene.control.Tooltip("Evaluate the followed run's latest checkpoint now, "
                + "without waiting for the run to end (it shares the CPU with the run while it works)"));
        evaluateNow.setOnAction(e -> {
            if (liveRunDir != null) {
                evaluateRun(liveRunDir, "last");
            }
        });
        HBox bar = new HBox(10, open, checkpoints, evaluateNow, spinner, texts);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("eval-toolbar");
        return bar;
    }

    // ================================================================ inputs

    /**
     * Evaluates checkpoint {@code checkpoint} ({@code best} or {@code last}; null: best, else last) of the run in
     * {@code runDir} on the run's own test split (else its validation split), off the FX thread, and shows it.
     * Call on the FX thread.
     */
    public void evaluateRun(Path runDir, String checkpoint) {
        int gen = ++generation;
        shown.cancel(); // this run replaces a followed run's evaluation still waiting to be shown
        pendingEvaluation = null;
        pendingCompletion = false;
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
        selectView(EvaluationViews.PREDICT);
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
        shown.cancel();
        pendingEvaluation = null;
        pendingCompletion = false;
        liveRunDir = trainer.runDir().orElse(null);
        if (liveRunDir != null) {
            predictRun = liveRunDir;
            predictCheckpoint = "last";
        }
        state.set(null);
        checkpoints.setDisable(true);
        evaluateNow.setDisable(true);
        views.clear();
        header.setText("Following run " + (liveRunDir == null ? "(no folder)" : runName(liveRunDir))
                + ": its test evaluation appears here when it finishes; after its first checkpoint, Evaluate latest "
                + "checkpoint shows one now.");
        status.setText("");
    }

    @Override
    public void documentChanged() {
        generation++;
        shown.cancel();
        pendingEvaluation = null;
        pendingCompletion = false;
        liveRunDir = null;
        predictRun = null;
        state.set(null);
        checkpoints.setDisable(true);
        evaluateNow.setDisable(true);
        views.clear();
        predict.clear();
        header.setText("No run of this design yet: train it on the Train tab, or Open run… to evaluate a saved one.");
        status.setText("");
    }

    @Override
    public void onEvents(List<TrainingEvent> events) {
        boolean live = false;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.CheckpointSaved c && "last".equals(c.kind()) && liveRunDir != null) {
                evaluateNow.setDisable(false);
            } else if (e instanceof TrainingEvent.Evaluated ev) {
                pendingEvaluation = ev.evaluation();
                live = true;
            } else if (e instanceof TrainingEvent.Finished) {
                pendingCompletion = true;
                live = true;
            } else if (e instanceof TrainingEvent.Failed f) {
                status.setText("The run failed: " + f.message());
            } else if (e instanceof TrainingEvent.Stopped) {
                status.setText("The run was stopped before its final evaluation; open it to evaluate its "
                        + "last checkpoint.");
            }
        }
        if (live) {
            // while the tab is in the back nobody sees the evaluation: drawing it, reading the split's images and
            // recomputing every sample's prediction (about as much CPU as a tenth of an epoch) wait until it is shown
            shown.run(this::showPendingLive);
        }
    }

    /** Shows the followed run's evaluation and completes it, as far as the events so far allow. */
    private void showPendingLive() {
        Evaluation e = pendingEvaluation;
        boolean complete = pendingCompletion;
        pendingEvaluation = null;
        pendingCompletion = false;
        if (e != null) {
            showLive(e);
        }
        if (complete) {
            completeLive();
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
        state.set(s);
        header.setText(s.source());
        views.show(s);
    }

    /** Selects the view named {@code name} (Summary, Confusion matrix, Precision–recall, Misclassified, ...). */
    public void selectView(String name) {
        views.select(name);
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

    /** Where confusion cell {@code [label][predicted]} is on screen (for scripted clicks), or null when not shown. */
    public javafx.geometry.Point2D confusionCellOnScreen(int label, int predicted) {
        javafx.geometry.Point2D local = matrix().cellCenter(label, predicted);
        return matrix().localToScreen(local.getX(), local.getY());
    }

    /** How many sample tiles the open confusion cell shows. */
    public int cellTileCount() {
        return cellSamples().tileCount();
    }

    /** The open confusion cell's caption (how many samples, which classes). */
    public String cellCaption() {
        return cellSamples().caption();
    }

    ConfusionMatrixView matrix() {
        return views.matrix();
    }

    SampleGrid cellSamples() {
        return views.cellSamples();
    }

    SampleGrid misclassifiedGrid() {
        return views.misclassified();
    }

    PrCurvesPane prCurves() {
        return views.prCurves();
    }

    PredictPane predictPane() {
        return predict;
    }

    ChartViewer classBars() {
        return views.classBars();
    }
}
