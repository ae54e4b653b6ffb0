package io.netwright.ui.app;

import io.netwright.graph.Problem;
import io.netwright.train.RunStore;
import io.netwright.ui.canvas.GraphCanvas;
import io.netwright.ui.data.DataView;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.editor.Flow;
import io.netwright.ui.evaluate.EvaluateView;
import io.netwright.ui.monitor.HealthOverlay;
import io.netwright.ui.monitor.ParameterTable;
import io.netwright.ui.monitor.SampleGrid;
import io.netwright.ui.monitor.TrainingLog;
import io.netwright.ui.panels.SummaryBar;
import io.netwright.ui.run.FxTimer;
import io.netwright.ui.run.TrainingView;
import io.netwright.ui.runs.RunsView;
import io.netwright.ui.train.TrainTab;
import java.io.IOException;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The studio's main window: menu bar, toolbar, the Design / Train / Data / Evaluate / Runs tabs, the summary bar;
 * the title follows the file and its unsaved mark; unsaved changes are autosaved to the recovery file and asked
 * about before the window closes.
 */
public final class StudioWindow {

    /** Seconds between autosaves of unsaved changes. */
    static final double AUTOSAVE_SECONDS = 15;

    private final Stage stage;
    private final StudioViewModel vm;
    private final StudioDialogs dialogs;
    private final GraphCanvas canvas;
    private final DocumentActions actions;
    private final TabPane tabs = new TabPane();
    private final EvaluateView evaluate = new EvaluateView();
    private final Scene scene;
    private final RunStore runStore;

    /** Builds the window on {@code stage} for {@code vm}; call {@link #show()} to open it. */
    public StudioWindow(Stage stage, StudioViewModel vm, StudioDialogs dialogs) {
        this.stage = stage;
        this.vm = vm;
        this.dialogs = dialogs;
        // before any chart is made: charts take the theme's colours when they are created
        io.netwright.ui.ChartColors.use(vm.themeProperty().get() == Theme.DARK);
        this.canvas = new GraphCanvas(vm.editor());
        canvas.setId("graph-canvas");
        canvas.setOnMakeBlock(this::makeBlock);
        this.actions = new DocumentActions(vm, dialogs, canvas);
        actions.setWindow(stage);

        tabs.setId("studio-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        this.runStore = new RunStore(vm.home().dir().resolve("runs"));
        TrainTab train = new TrainTab(vm.editor(), vm.fileProperty(), vm.home().dir(), runStore);
        RunsView runs = new RunsView(runStore, Bindings.createStringBinding(
                () -> vm.editor().documentDesign().metadata().name(), vm.editor().designProperty()),
                this::openRunDesign, this::evaluateRun);
        runs.setOnResume(dir -> train.resumeRun(dir).ifPresent(t -> showTab("Train")));
        HealthOverlay designHealth = new HealthOverlay(canvas);
        followRuns(train, runs, designHealth);
        followSettings(train);
        tabs.getTabs().addAll(tab("Design", new DesignWorkspace(vm, canvas, designHealth)),
                tab("Train", train),
                tab("Data", dataView(train)),
                tab("Evaluate", evaluate),
                tab("Runs", runs));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> focusAfterTabChange(now));
        VBox top = new VBox(new StudioMenus(this).build(), toolbar());
        BorderPane root = new BorderPane(tabs);
        root.setTop(top);
        root.setBottom(new SummaryBar(vm.summary(), vm.editor()));
        root.getStyleClass().add("studio");
        scene = new Scene(root, 1440, 900);
        scene.getAccelerators().put(javafx.scene.input.KeyCombination.keyCombination("Shortcut+Shift+Z"),
                vm.editor()::redo); // the other usual redo key, without a second menu entry
        applyTheme(vm.themeProperty().get());
        vm.themeProperty().addListener((o, a, b) -> applyTheme(b));
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        for (String size : new String[] {"16", "32", "48", "128", "256"}) {
            var url = StudioWindow.class.getResource("/studio/icons/netwright-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
        stage.setOnCloseRequest(e -> {
            if (!actions.confirmDiscard()) {
                e.consume();
            } else {
                vm.recovery().discard();
            }
        });
        // a timer thread, not a Timeline: a running animation keeps JavaFX pulsing every frame
        FxTimer autosave = FxTimer.every(java.time.Duration.ofMillis((long) (AUTOSAVE_SECONDS * 1000)),
                this::autosave, "netwright-autosave");
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> autosave.stop());
    }

    /**
     * Where the keyboard focus goes when {@code now} comes to the front: the canvas on the Design tab, else the tab
     * row, unless the focus is already inside the new tab. Left alone, JavaFX moves the focus of a node that the
     * switch hides to the next focusable node, often a text field (the summary bar's batch spinner), whose blinking
     * caret is an animation that keeps the toolkit pulsing 60 times a second — CPU taken from a training run.
     */
    private void focusAfterTabChange(Tab now) {
        if (now == null) {
            return;
        }
        javafx.scene.Node owner = scene == null ? null : scene.getFocusOwner();
        for (javafx.scene.Node n = owner; n != null; n = n.getParent()) {
            if (n == now.getContent()) {
                return;
            }
        }
        if (now.getContent() instanceof DesignWorkspace) {
            canvas.requestFocus();
        } else {
            tabs.requestFocus();
        }
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        Tab t = new Tab(name, content);
        t.setId("tab-" + name.toLowerCase(java.util.Locale.ROOT));
        return t;
    }

    private void applyTheme(Theme t) {
        scene.getStylesheets().setAll(t.stylesheets());
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(t == Theme.DARK ? "theme-dark" : "theme-light");
        io.netwright.ui.ChartColors.restyle(scene.getRoot(), t == Theme.DARK);
        Platform.runLater(() -> canvas.requestLayout());
    }

    private ToolBar toolbar() {
        EditorViewModel ed = vm.editor();
        Button undo = button("Undo", "undo", "Undo (Ctrl+Z)", ed::undo);
        undo.disableProperty().bind(ed.canUndoProperty().not());
        Button redo = button("Redo", "redo", "Redo (Ctrl+Y)", ed::redo);
        redo.disableProperty().bind(ed.canRedoProperty().not());
        ToggleButton dark = new ToggleButton("Dark", ToolIcons.icon("theme"));
        dark.setId("tool-theme");
        dark.setTooltip(new Tooltip("Switch between the light and dark theme"));
        dark.setFocusTraversable(false);
        dark.setSelected(vm.themeProperty().get() == Theme.DARK);
        dark.selectedProperty().addListener((o, a, b) -> vm.themeProperty().set(b ? Theme.DARK : Theme.LIGHT));
        vm.themeProperty().addListener((o, a, b) -> dark.setSelected(b == Theme.DARK));
        Label zoom = new Label();
        zoom.getStyleClass().add("zoom-label");
        zoom.textProperty().bind(canvas.viewport().zoomProperty().multiply(100).asString("%.0f %%"));
        Button train = button("Train", "train", "Train this design (F5)", () -> showTab("Train"));
        train.getStyleClass().add("accent");
        Pane spacer = new Pane();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(button("New", "new", "New blank design (Ctrl+N)", actions::newBlank),
                button("Open", "open", "Open a design (Ctrl+O)", actions::open),
                button("Save", "save", "Save (Ctrl+S)", actions::save), sep(), undo, redo, sep(),
                button("Duplicate", "duplicate", "Duplicate the selection (Ctrl+D)", ed::duplicate),
                button("Delete", "delete", "Delete the selection (Delete)", ed::deleteSelection),
                button("Make block", "block", "Make a block from the selection (Ctrl+G)", this::makeBlock), sep(),
                button("Auto-layout", "layout", "Auto-layout top to bottom (Ctrl+L)", () -> {
                    ed.autoLayout(Flow.TOP_DOWN);
                    canvas.fitToView();
                }),
                button("Fit", "fit", "Fit to view (Ctrl+0)", canvas::fitToView),
                button("", "zoom-out", "Zoom out (Ctrl+-)", () -> canvas.zoom(1 / 1.2)), zoom,
                button("", "zoom-in", "Zoom in (Ctrl+=)", () -> canvas.zoom(1.2)), spacer, dark, train);
        bar.getStyleClass().add("studio-toolbar");
        return bar;
    }

    private static Button button(String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, ToolIcons.icon(icon));
        b.setId("tool-" + icon);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    /**
     * Puts the run-following views into the Train tab (sample predictions, the parameter table, the log) and subscribes
     * every view of the window to the Train tab's event bridge (the Design tab's canvas is coloured by training health).
     */
    /** The Data tab, its augmentation preview following the Train tab's settings (what the next run will use). */
    private DataView dataView(TrainTab train) {
        DataView d = new DataView(Bindings.createStringBinding(
                () -> io.netwright.train.DataSpec.inDesignFolder(vm.editor().documentDesign().input().dataset(),
                        vm.fileProperty().get()), vm.editor().designProperty(), vm.fileProperty()));
        // another design file: its dataset, not the one browsed for the last design
        vm.fileProperty().addListener((o, a, b) -> d.followDesign());
        d.viewModel().followRunSettings(Bindings.createObjectBinding(() -> train.settingsProperty().get() == null
                ? null : train.settingsProperty().get().augmentation(), train.settingsProperty()));
        return d;
    }

    /** The status bar's memory estimate uses the optimizer and batch the Train tab would run with. */
    private void followSettings(TrainTab train) {
        javafx.beans.value.ChangeListener<io.netwright.train.TrainingConfig> follow = (o, a, c) -> {
            if (c != null) {
                try {
                    vm.summary().optimizerProperty().set(c.optimizer().memoryKind());
                } catch (IllegalArgumentException e) {
                    // an optimizer without a memory model keeps the estimate's choice
                }
                vm.summary().batchSizeProperty().set(c.batchSize());
            }
        };
        train.settingsProperty().addListener(follow);
        follow.changed(train.settingsProperty(), null, train.settingsProperty().get());
    }

    private void followRuns(TrainTab train, RunsView runs, HealthOverlay designHealth) {
        SampleGrid samples = new SampleGrid();
        ParameterTable params = new ParameterTable(vm.editor());
        TrainingLog log = new TrainingLog();
        train.addPanel("Samples", samples);
        train.addPanel("Parameters", params);
        train.addPanel("Log", log);
        for (TrainingView v : new TrainingView[] {samples, params, log, designHealth, evaluate, runs}) {
            train.bridge().addView(v);
        }
    }

    // ================================================================ actions used by menus

    void makeBlock() {
        if (vm.editor().selection().isEmpty()) {
            vm.editor().tell("Select the layers to put in a block first");
            return;
        }
        int i = 1;
        while (vm.editor().design().blocks().containsKey("Block" + i)) {
            i++;
        }
        dialogs.askText(stage, "Make block", "Block name:", "Block" + i).ifPresent(vm.editor()::makeBlock);
    }

    /** Opens a run's design snapshot as a new untitled copy (asking about unsaved changes first). */
    private void openRunDesign(java.nio.file.Path designFile) {
        var before = vm.editor().documentDesign();
        actions.newFromTemplate(designFile);
        if (vm.editor().documentDesign() != before) {
            showTab("Design");
        }
    }

    void showTab(String name) {
        for (Tab t : tabs.getTabs()) {
            if (t.getText().equals(name)) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    void checkDesign() {
        showTab("Design");
        var errors = vm.editor().analysis().analysis().errors();
        if (errors.isEmpty()) {
            vm.editor().tell("No errors: the design can be trained");
            return;
        }
        Problem p = errors.get(0);
        if (p.nodeId() != null && vm.editor().design().node(p.nodeId()).isPresent()) {
            vm.editor().select(p.nodeId());
        }
        vm.editor().tell(errors.size() + " error" + (errors.size() == 1 ? "" : "s") + "; first: " + p.text());
    }

    void requestQuit() {
        if (actions.confirmDiscard()) {
            vm.recovery().discard();
            stage.close();
        }
    }

    private void autosave() {
        try {
            vm.autosave();
        } catch (IOException e) {
            vm.editor().tell("Autosave failed: " + e.getMessage());
        }
    }

    // ================================================================ access

    /** Shows the window; offers a recovered design first if the last session crashed. */
    public void show() {
        stage.show();
        canvas.requestFocus();
    }

    /** Offers the recovery file, if any (called once at start). */
    public void offerRecovery() {
        vm.recovery().load().ifPresent(r -> {
            String from = r.source() == null ? "an untitled design" : r.source().getFileName().toString();
            if (dialogs.askRestore(stage, "Unsaved changes to " + from + " (\"" + r.design().metadata().name()
                    + "\", " + r.design().nodes().size() + " nodes) were recovered. Restore them?")) {
                vm.restore(r);
            } else {
                vm.recovery().discard();
            }
        });
    }

    /** The stage. */
    public Stage stage() {
        return stage;
    }

    StudioViewModel viewModel() {
        return vm;
    }

    /** The canvas. */
    public GraphCanvas canvas() {
        return canvas;
    }

    /**
     * Shows the Evaluate tab and evaluates checkpoint {@code checkpoint} ({@code best} or {@code last}; null: best,
     * else last) of the run in {@code runDir} on its test split, off the FX thread.
     */
    public void evaluateRun(java.nio.file.Path runDir, String checkpoint) {
        showTab("Evaluate");
        evaluate.evaluateRun(runDir, checkpoint);
    }

    /** File ▸ Export Model…: the export dialog for the open design, its runs' weights offered. */
    public io.netwright.ui.export.ExportDialog showExport() {
        var model = new io.netwright.ui.export.ExportViewModel(vm.editor().documentDesign(), vm.fileProperty().get(),
                runStore, vm.home().dir().resolve("exports"));
        var d = new io.netwright.ui.export.ExportDialog(stage, model);
        d.show();
        return d;
    }

    /** The Evaluate tab (a {@link io.netwright.ui.run.TrainingView} to attach to a run). */
    public EvaluateView evaluateView() {
        return evaluate;
    }

    /** The File actions. */
    public DocumentActions actions() {
        return actions;
    }

    StudioDialogs dialogs() {
        return dialogs;
    }
}
