package io.netwright.ui.runs;

import io.netwright.train.RunStore;
import io.netwright.train.RunNotes;
import io.netwright.train.Trainer;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.run.TrainingView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * The studio's Runs tab: the past runs of the current design (or of every design) from a {@link RunStore} as a
 * table — date, run, configuration, final losses and accuracies, state — with the curves of the selected runs
 * overlaid in one chart (metric chosen above it), "Open in editor" for a run's design snapshot and "Evaluate" for
 * its best or last checkpoint. The table refreshes on demand and by itself when a followed run starts or ends.
 */
public final class RunsView extends BorderPane implements TrainingView {

    private final RunsModel model;
    private final TableView<RunRow> table = new TableView<>();
    private final RunsChart chart = new RunsChart();
    private final ComboBox<CurveMetric> metric = new ComboBox<>();
    private final Consumer<Path> onOpenDesign;
    private final BiConsumer<Path, String> onEvaluate;
    private Consumer<Path> onResume;
    private int refreshesDone;

    /**
     * A Runs tab.
     *
     * @param store        where the runs are
     * @param designName   the name of the design in the editor (runs of it are shown unless "all designs" is on)
     * @param onOpenDesign opens a run's design snapshot ({@code RUN_DIR/design.json}) in the editor
     * @param onEvaluate   evaluates a run: its folder and the checkpoint ({@code best} or {@code last})
     */
    public RunsView(RunStore store, ObservableValue<String> designName, Consumer<Path> onOpenDesign,
            BiConsumer<Path, String> onEvaluate) {
        this.model = new RunsModel(store);
        this.onOpenDesign = onOpenDesign;
        this.onEvaluate = onEvaluate;
        setId("runs-view");
        getStyleClass().add("runs-view");
        model.designNameProperty().bind(designName);
        buildTable();
        metric.setId("runs-metric");
        metric.getItems().setAll(CurveMetric.values());
        metric.setValue(CurveMetric.VAL_ACCURACY);
        metric.valueProperty().addListener((o, a, b) -> updateChart());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c -> updateChart());

        SplitPane center = new SplitPane(table, chart.viewer());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.5);
        setTop(toolbar());
        setCenter(center);
        Label status = new Label();
        status.setId("runs-status");
        status.setWrapText(true);
        status.setPadding(new Insets(4, 8, 4, 8));
        status.textProperty().bind(model.messageProperty());
        setBottom(status);
        chart.show(metric.getValue(), java.util.Map.of());
        refresh();
    }

    private void buildTable() {
        table.setId("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs of this design yet: train it in the Train tab, or tick "
                + "\"All designs\""));
        table.getColumns().add(column("Date", 130, RunRow::date));
        table.getColumns().add(column("Run", 220, RunRow::id));
        table.getColumns().add(column("Design", 140, RunRow::design));
        table.getColumns().add(column("Data", 140, RunRow::data));
        table.getColumns().add(column("Optimizer", 210, RunRow::optimizer));
        table.getColumns().add(column("Batch", 60, r -> Integer.toString(r.batchSize())));
        table.getColumns().add(column("Epochs", 60, RunRow::epochs));
        table.getColumns().add(column("Train loss", 85, r -> RunRow.figure(r.trainLoss())));
        table.getColumns().add(column("Train acc", 85, r -> RunRow.figure(r.trainAccuracy())));
        table.getColumns().add(column("Val loss", 85, r -> RunRow.figure(r.valLoss())));
        table.getColumns().add(column("Val acc", 85, r -> RunRow.figure(r.valAccuracy())));
        table.getColumns().add(column("Test acc", 85, r -> RunRow.figure(r.testAccuracy())));
        table.getColumns().add(column("Duration", 75, RunRow::duration));
        table.getColumns().add(column("Device", 70, RunRow::device));
        table.getColumns().add(column("State", 80, RunRow::state));
        table.getColumns().add(column("Tags", 140, r -> r.notes().tagsText()));
        table.setItems(model.rows());
    }

    private static TableColumn<RunRow, String> column(String name, double width, Function<RunRow, String> text) {
        TableColumn<RunRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        return c;
    }

    private ToolBar toolbar() {
        Button refresh = button("Refresh", "runs-refresh", "Read the runs folder again", this::refresh);
        CheckBox all = new CheckBox("All designs");
        all.setId("runs-all");
        all.setTooltip(new Tooltip("Show the runs of every design, not only of the one in the editor"));
        all.selectedProperty().addListener((o, a, b) -> model.thisDesignOnlyProperty().set(!b));
        Button open = button("Open in editor", "runs-open", "Open the design this run trained (a copy: the run's "
                + "record stays as it is)", this::openSelected);
        Button best = button("Evaluate best", "runs-eval-best", "Evaluate the run's best checkpoint",
                () -> evaluateSelected("best"));
        Button last = button("Evaluate last", "runs-eval-last", "Evaluate the run's last checkpoint",
                () -> evaluateSelected("last"));
        Button resume = button("Resume", "runs-resume", "Continue the run from its last checkpoint in the Train tab "
                + "(a stopped or interrupted run)", this::resumeSelected);
        Button rename = button("Rename…", "runs-rename", "Rename the run's folder", this::renameSelected);
        Button notes = button("Notes…", "runs-notes", "Notes and tags of the run (kept in its notes.json)",
                this::editNotes);
        Button trash = button("Move to Trash", "runs-trash", "Move the run's folder to ~/.netwright/trash",
                this::trashSelected);
        for (Button b : List.of(open, best, last, resume, rename, notes, trash)) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.size(table.getSelectionModel()
                    .getSelectedItems()).isNotEqualTo(1));
        }
        return new ToolBar(refresh, all, new Separator(Orientation.VERTICAL), open, best, last,
                new Separator(Orientation.VERTICAL), resume, rename, notes, trash,
                new Separator(Orientation.VERTICAL), new Label("Compare"), metric);
    }

    /** What Resume does with the selected run's folder (the studio hands it to the Train tab). */
    public void setOnResume(Consumer<Path> onResume) {
        this.onResume = onResume;
    }

    private void resumeSelected() {
        RunRow r = selectedOne();
        if (r != null && onResume != null) {
            onResume.accept(r.dir());
        }
    }

    private void renameSelected() {
        RunRow r = selectedOne();
        if (r == null) {
            return;
        }
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(r.id());
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.setTitle("Rename run");
        d.setHeaderText("New name of " + r.id());
        d.showAndWait().filter(n -> !n.isBlank() && !n.equals(r.id())).ifPresent(n -> model.rename(r, n, () -> { }));
    }

    private void editNotes() {
        RunRow r = selectedOne();
        if (r == null) {
            return;
        }
        javafx.scene.control.Dialog<RunNotes> d = new javafx.scene.control.Dialog<>();
        d.initOwner(getScene() == null ? null : getScene().getWindow());
        d.setTitle("Notes of " + r.id());
        javafx.scene.control.TextArea text = new javafx.scene.control.TextArea(r.notes().notes());
        text.setPrefRowCount(8);
        text.setWrapText(true);
        javafx.scene.control.TextField tags = new javafx.scene.control.TextField(r.notes().tagsText());
        tags.setPromptText("tags, separated by commas");
        d.getDialogPane().setContent(new javafx.scene.layout.VBox(6, new Label("Notes"), text, new Label("Tags"),
                tags));
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK
                ? new RunNotes(text.getText(), RunNotes.parseTags(tags.getText())) : null);
        d.showAndWait().ifPresent(n -> model.saveNotes(r, n, () -> { }));
    }

    private void trashSelected() {
        RunRow r = selectedOne();
        if (r == null) {
            return;
        }
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Move " + r.id() + " to the trash? Its folder goes to ~/.netwright/trash, from where it can be moved "
                        + "back.", javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        a.initOwner(getScene() == null ? null : getScene().getWindow());
        a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> model.moveToTrash(r,
                () -> { }));
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    // ================================================================ actions

    /** Reads the runs again (in the background), keeping the selection where the runs still exist. */
    public void refresh() {
        Set<String> selected = table.getSelectionModel().getSelectedItems().stream().map(RunRow::id)
                .collect(Collectors.toSet());
        model.refresh(() -> {
            for (int i = 0; i < model.rows().size(); i++) {
                if (selected.contains(model.rows().get(i).id())) {
                    table.getSelectionModel().select(i);
                }
            }
            refreshesDone++;
        });
    }

    private RunRow selectedOne() {
        var items = table.getSelectionModel().getSelectedItems();
        return items.size() == 1 ? items.get(0) : null;
    }

    private void openSelected() {
        RunRow r = selectedOne();
        if (r == null) {
            return;
        }
        Path design = RunsModel.designFile(r);
        if (!Files.isRegularFile(design)) {
            model.tell("Run " + r.id() + " has no design snapshot (" + design + " is missing) — it was not written "
                    + "by Netwright's trainer");
            return;
        }
        onOpenDesign.accept(design);
    }

    private void evaluateSelected(String checkpoint) {
        RunRow r = selectedOne();
        if (r == null) {
            return;
        }
        if (!RunsModel.hasCheckpoint(r, checkpoint)) {
            model.tell("Run " + r.id() + " has no '" + checkpoint + "' checkpoint yet — "
                    + ("best".equals(checkpoint) ? "it is written after an epoch with a validation set; try 'last'"
                            : "it is written at the end of each epoch and when a run stops"));
            return;
        }
        onEvaluate.accept(r.dir(), checkpoint);
    }

    private void updateChart() {
        List<RunRow> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        CurveMetric m = metric.getValue();
        model.curves(sel, epochs -> {
            if (sel.equals(table.getSelectionModel().getSelectedItems()) && m == metric.getValue()) {
                chart.show(m, epochs);
            }
        });
    }

    // ================================================================ TrainingView

    @Override
    public void runStarted(Trainer trainer) {
        refresh();
    }

    @Override
    public void onEvents(List<TrainingEvent> events) {
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Stopped
                    || e instanceof TrainingEvent.Failed || e instanceof TrainingEvent.Started) {
                refresh();
                return;
            }
        }
    }

    // ================================================================ access (tests)

    /** The model. */
    public RunsModel model() {
        return model;
    }

    /** The table. */
    public TableView<RunRow> table() {
        return table;
    }

    /** Refreshes completed so far (tests wait on it). */
    public int refreshesDone() {
        return refreshesDone;
    }

    RunsChart chart() {
        return chart;
    }
}
