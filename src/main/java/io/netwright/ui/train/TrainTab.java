package io.netwright.ui.train;

import io.netwright.graph.Analyzer;
import io.netwright.graph.Design;
import io.netwright.graph.DesignAnalysis;
import io.netwright.train.RunStore;
import io.netwright.train.Trainer;
import io.netwright.train.DataSpec;
import io.netwright.train.TrainingConfig;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.run.FxEventBridge;
import io.netwright.ui.run.FxStallProbe;
import io.netwright.ui.run.TrainingView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;

/**
 * The studio's Train tab: the run settings of the current design (remembered per design), Start / Pause / Resume /
 * Stop, a learning-rate field that acts on the running trainer, the progress line and the live charts. Other
 * views of the run plug in through {@link #bridge()} (they receive the run's events) and {@link #addPanel} (they
 * get a tab below the charts).
 *
 * <p>Runs are new {@link Trainer}s on the editor's whole design, recorded in a folder of the {@link RunStore}.
 * Closing the window stops a run (it writes {@code checkpoints/last}, so it can be resumed).
 */
public final class TrainTab extends BorderPane {

    private final EditorViewModel editor;
    private final ObservableValue<Path> designFile;
    private final RunStore runs;
    private final RunConfigMemory memory;
    private final FxEventBridge bridge = new FxEventBridge();
    private final FxStallProbe probe = new FxStallProbe();
    private final RunForm form = new RunForm();
    private final TrainingCharts charts = new TrainingCharts();
    private final RunProgress progress = new RunProgress();
    private final TabPane panels = new TabPane();
    private final SplitPane center;
    private final Label message = new Label();
    private final TextField lrField = new TextField();
    private final Button startButton = new Button("Start");
    private final Button pauseButton = new Button("Pause");
    private final Button resumeButton = new Button("Resume");
    private final Button stopButton = new Button("Stop");
    private final ReadOnlyObjectWrapper<Trainer.State> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<TrainingConfig> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private TrainingConfig base;
    private String key;
    private Trainer trainer;

    /**
     * The tab for {@code editor}'s design, whose file (null while untitled) {@code designFile} follows; settings are
     * remembered under {@code homeDir}, runs recorded in {@code runs}.
     */
    public TrainTab(EditorViewModel editor, ObservableValue<Path> designFile, Path homeDir, RunStore runs) {
        this.editor = Objects.requireNonNull(editor, "editor");
        this.designFile = Objects.requireNonNull(designFile, "designFile");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.memory = new RunConfigMemory(homeDir);
        setId("train-tab");
        getStyleClass().add("train-tab");

        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setPrefWidth(340);
        formScroll.setMinWidth(260);
        setLeft(formScroll);

        VBox top = new VBox(6, controls(), progress);
        top.setPadding(new Insets(8));
        setTop(top);

        panels.setId("train-panels");
        panels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox chartBox = new VBox(new ChartControls(charts, this::tell), charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        center = new SplitPane(chartBox);
        center.setOrientation(Orientation.VERTICAL);
        setCenter(center);

        bridge.addView(progress);
        bridge.addView(charts);
        bridge.addView(new StateView());
        bridge.setErrorHandler(e -> tell("A training view failed: " + e));

        form.editedProperty().addListener((o, a, v) -> check(v));
        editor.loadsProperty().addListener((o, a, b) -> designChanged());
        designFile.addListener((o, a, b) -> designChanged());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o2, a2, w) -> {
                    if (w != null) {
                        w.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> stop());
                    }
                });
            }
        });
        state.addListener((o, a, b) -> updateButtons());
        designChanged();
        updateButtons();
    }

    private HBox controls() {
        startButton.setId("train-start");
        pauseButton.setId("train-pause");
        resumeButton.setId("train-resume");
        stopButton.setId("train-stop");
        startButton.getStyleClass().add("accent");
        startButton.setTooltip(new Tooltip("Train the current design with these settings"));
        stopButton.setTooltip(new Tooltip("Stop after the current step; checkpoints/last is written"));
        startButton.setOnAction(e -> start());
        pauseButton.setOnAction(e -> pause());
        resumeButton.setOnAction(e -> resume());
        stopButton.setOnAction(e -> stop());
        lrField.setId("train-lr");
        lrField.setPromptText("new LR");
        lrField.setPrefColumnCount(7);
        lrField.setTooltip(new Tooltip("Type a learning rate and press Enter: the running trainer uses it from "
                + "the next step (a schedule keeps its shape)"));
        Button setLr = new Button("Set LR");
        setLr.setId("train-lr-set");
        setLr.disableProperty().bind(lrField.disableProperty());
        lrField.setOnAction(e -> applyLearningRate());
        setLr.setOnAction(e -> applyLearningRate());
        message.setId("train-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox box = new HBox(6, startButton, pauseButton, resumeButton, stopButton, new Label("  LR"), lrField, setLr,
                message);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // ================================================================ settings per design

    private void designChanged() {
        Design d = editor.documentDesign();
        String newKey = RunConfigMemory.key(designFile.getValue(), d);
        if (newKey.equals(key)) {
            return;
        }
        key = newKey;
        TrainingConfig c = TrainingConfig.of(d);
        try {
            c = memory.load(key, d).orElse(c);
        } catch (IOException e) {
            tell(e.getMessage());
        }
        base = c;
        settings.set(c);
        form.show(RunFormValues.of(c));
        if (trainer == null || trainer.state().isTerminal()) {
            // another design: the last run's charts, samples, progress and evaluation belong to the old one
            message.setText("");
            bridge.documentChanged();
        }
    }

    private RunFormValues.Result check(RunFormValues v) {
        RunFormValues.Result r = v.toConfig(editor.documentDesign(), base);
        form.showErrors(r.errors());
        if (r.ok()) {
            settings.set(r.config());
        }
        return r;
    }

    // ================================================================ control

    /**
     * Starts a run of the editor's design with the form's settings, or says why not (design errors, a wrong
     * setting, an unwritable run folder).
     *
     * @return the trainer started, or empty
     */
    public Optional<Trainer> start() {
        if (trainer != null && !trainer.state().isTerminal()) {
            tell("A run is in progress — stop it first");
            return Optional.empty();
        }
        Design design = editor.documentDesign();
        DesignAnalysis analysis = new Analyzer().analyze(design);
        if (analysis.hasErrors()) {
            tell("Cannot train: the design has " + analysis.errors().size() + " error"
                    + (analysis.errors().size() == 1 ? "" : "s") + " — first: " + analysis.errors().get(0).text()
                    + ". Fix them on the Design tab (Check Design lists them).");
            return Optional.empty();
        }
        RunFormValues.Result r = check(form.values());
        if (!r.ok()) {
            tell("Fix the settings marked in red first: " + r.errors().values().iterator().next());
            return Optional.empty();
        }
        TrainingConfig config = inDesignFolder(r.config(), design);
        Optional<String> badData = DataSpec.quickCheck(config.dataSpec());
        if (badData.isPresent()) {
            tell("Cannot train: dataset " + badData.get() + " — set Dataset in the form or the design's dataset");
            return Optional.empty();
        }
        try {
            memory.save(key, r.config());
        } catch (IOException e) {
            tell("Could not remember these settings (" + e.getMessage() + "); training anyway");
        }
        Trainer t;
        try {
            t = Trainer.create(config, runs.newRunDir(config));
        } catch (IOException e) {
            tell("Cannot create the run folder under " + runs.root() + ": " + e.getMessage()
                    + " — check that the folder is writable");
            return Optional.empty();
        }
        follow(t, config);
        tell("Preparing " + config.design().metadata().name() + " on " + config.dataSpec() + " — run folder "
                + t.runDir().map(Path::toString).orElse("(none)"));
        return Optional.of(t);
    }

    /**
     * The config with the design's own dataset path taken from the design file's folder (as {@code train} does), so
     * a run started from the studio finds the same data; a dataset typed in the form is kept as typed.
     */
    private TrainingConfig inDesignFolder(TrainingConfig config, Design design) {
        String own = design.input().dataset().trim();
        if (own.isEmpty() || !config.data().spec().trim().equals(own)) {
            return config;
        }
        return config.withData(config.data().withSpec(DataSpec.inDesignFolder(own, designFile.getValue())));
    }

    /** Makes {@code t} the tab's run (views, stall probe, buttons) and starts it. */
    private void follow(Trainer t, TrainingConfig config) {
        trainer = t;
        base = config;
        bridge.attach(t);
        probe.reset();
        probe.start();
        state.set(Trainer.State.RUNNING);
        updateButtons();
        t.start();
    }

    /** Pauses the run after its current step. */
    public void pause() {
        if (trainer != null) {
            trainer.pause();
        }
    }

    /** Resumes a paused run. */
    public void resume() {
        if (trainer == null) {
            return;
        }
        if (trainer.state() == Trainer.State.STOPPED && trainer.runDir().isPresent()) {
            resumeRun(trainer.runDir().get()); // a stopped run continues from its checkpoints/last
        } else {
            trainer.resume();
        }
    }

    /**
     * Continues the run in {@code runDir} from its {@code checkpoints/last} (a stopped or interrupted run, or one to
     * extend), as {@code netwright resume} does: the checkpoint's learning rate, including one changed while it
     * ran, is the one it goes on with.
     *
     * @return the trainer started, or empty (the message line says why)
     */
    public Optional<Trainer> resumeRun(Path runDir) {
        if (trainer != null && !trainer.state().isTerminal()) {
            tell("A run is in progress — stop it first");
            return Optional.empty();
        }
        Trainer t;
        try {
            t = Trainer.resumeRun(runDir);
        } catch (IOException e) {
            tell("Cannot resume " + runDir.getFileName() + ": " + e.getMessage());
            return Optional.empty();
        }
        follow(t, t.config());
        tell("Resuming " + runDir.getFileName() + " from its last checkpoint");
        return Optional.of(t);
    }

    /** Stops the run after its current step (it can be resumed later from checkpoints/last). */
    public void stop() {
        if (trainer != null && !trainer.state().isTerminal()) {
            trainer.stop();
        }
    }

    private void applyLearningRate() {
        String text = lrField.getText().strip();
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            tell("'" + text + "' is not a learning rate — type a number such as 0.005");
            return;
        }
        if (trainer == null || trainer.state().isTerminal()) {
            tell("No run to change — the learning rate of the next run is set in the form");
            return;
        }
        try {
            trainer.setLearningRate(v);
            tell("Learning rate " + v + " from the next step on");
        } catch (IllegalArgumentException e) {
            tell(e.getMessage() + " — type a positive number such as 0.005");
        }
    }

    private void updateButtons() {
        Trainer.State s = state.get();
        boolean active = s == Trainer.State.RUNNING || s == Trainer.State.PAUSED;
        startButton.setDisable(active);
        pauseButton.setDisable(s != Trainer.State.RUNNING);
        resumeButton.setDisable(s != Trainer.State.PAUSED && !(s == Trainer.State.STOPPED && trainer != null
                && trainer.runDir().isPresent()));
        stopButton.setDisable(!active);
        lrField.setDisable(!active);
    }

    private void tell(String text) {
        message.setText(text);
    }

    /** Follows the run's state for the buttons, the message line and the stall probe. */
    private final class StateView implements TrainingView {
        @Override
        public void onEvents(List<TrainingEvent> events) {
            for (TrainingEvent e : events) {
                if (e instanceof TrainingEvent.Started s) {
                    tell("Training on " + s.device() + ": " + s.trainSize() + " training, " + s.validationSize()
                            + " validation samples, " + s.batchesPerEpoch() + " steps per epoch");
                } else if (e instanceof TrainingEvent.Paused p) {
                    state.set(Trainer.State.PAUSED);
                    tell(p.nonFinite() == null ? "Paused after step " + p.step()
                            : "Paused: " + p.nonFinite().describe(p.step()));
                } else if (e instanceof TrainingEvent.Resumed) {
                    state.set(Trainer.State.RUNNING);
                    tell("Resumed");
                } else if (e instanceof TrainingEvent.LrChanged lc) {
                    tell("Learning rate " + lc.oldLr() + " → " + lc.newLr());
                } else if (e instanceof TrainingEvent.Stopped s) {
                    state.set(Trainer.State.STOPPED);
                    tell("Stopped after step " + s.step() + (s.checkpoint() == null ? "" : "; resume from "
                            + s.checkpoint()));
                } else if (e instanceof TrainingEvent.Finished f) {
                    state.set(Trainer.State.FINISHED);
                    tell("Finished (" + f.reason() + ") in " + RunProgress.duration(f.seconds()) + ": "
                            + summary(f));
                } else if (e instanceof TrainingEvent.Failed f) {
                    state.set(Trainer.State.FAILED);
                    tell("Failed: " + f.message());
                }
                if (e.isTerminal()) {
                    probe.stop();
                }
            }
            updateButtons();
        }
    }

    private static String summary(TrainingEvent.Finished f) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("val_accuracy", "test_accuracy", "val_loss")) {
            Double v = f.metrics().get(k);
            if (v != null && Double.isFinite(v)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.4f", v));
            }
        }
        return sb.toString();
    }

    // ================================================================ extension and access

    /** Adds a panel (a tab below the charts) for another view of the run; the panel area appears with the first. */
    public void addPanel(String title, Node node) {
        Tab t = new Tab(title, node);
        t.setId("train-panel-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        panels.getTabs().add(t);
        if (!center.getItems().contains(panels)) {
            center.getItems().add(panels);
            center.setDividerPositions(0.66);
        }
    }

    /** The bridge delivering the run's events: add views of the run here. */
    public FxEventBridge bridge() {
        return bridge;
    }

    /** The probe of the FX thread's worst stall during the current (or last) run. */
    public FxStallProbe stallProbe() {
        return probe;
    }

    /** The current or last run's trainer. */
    public Optional<Trainer> trainer() {
        return Optional.ofNullable(trainer);
    }

    /** The run's state as the tab last saw it (null before the first run). */
    public ReadOnlyObjectProperty<Trainer.State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * The settings the next run would use: the form's, as last checked without errors (the design's remembered or
     * default settings before any edit). The status bar's memory estimate follows their optimizer and batch.
     */
    public ReadOnlyObjectProperty<TrainingConfig> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** The charts. */
    public TrainingCharts charts() {
        return charts;
    }

    /** The progress line. */
    public RunProgress progress() {
        return progress;
    }

    /** The message line's text. */
    public String message() {
        return message.getText();
    }

    /** The form's current message for field {@code key} (see {@link RunFormValues}), "" when none. */
    public String fieldError(String key) {
        return form.error(key);
    }
}
