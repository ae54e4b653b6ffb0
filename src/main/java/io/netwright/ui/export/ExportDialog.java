package io.netwright.ui.export;

import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * File ▸ Export…: format, opset, probabilities output, weights (a run, the initial weights, a file) and output,
 * then the export check report — the exported model run by ONNX Runtime next to our engine on a reference batch.
 * The export runs on a worker thread; the window stays responsive and can be closed.
 */
public final class ExportDialog {

    private final ExportViewModel vm;
    private final Stage stage = new Stage();

    /** A dialog for {@code vm} owned by {@code owner}. */
    public ExportDialog(Window owner, ExportViewModel vm) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export");
        stage.setScene(new Scene(content(), 760, 600));
        // a text field focused when the window closes would keep its caret timeline (and JavaFX pulses) running
        stage.setOnHidden(e -> stage.getScene().getRoot().requestFocus());
        stage.getScene().getRoot().setFocusTraversable(true);
        if (owner != null && owner.getScene() != null) {
            stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.getScene().getRoot().getStyleClass().setAll(owner.getScene().getRoot().getStyleClass());
        }
    }

    /** Opens the dialog (not waiting for it). */
    public void show() {
        stage.show();
    }

    /** The window, for tests. */
    public Stage stage() {
        return stage;
    }

    private VBox content() {
        ComboBox<ExportFormat> format = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                ExportFormat.values()));
        format.setId("export-format");
        format.valueProperty().bindBidirectional(vm.formatProperty());
        Spinner<Integer> opset = new Spinner<>(io.netwright.export.OnnxOptions.MIN_OPSET,
                io.netwright.export.OnnxOptions.MAX_OPSET, vm.opsetProperty().get());
        opset.setId("export-opset");
        opset.valueProperty().addListener((o, a, b) -> vm.opsetProperty().set(b));
        CheckBox probs = new CheckBox("Add a 'probabilities' output (Softmax of the logits)");
        probs.setId("export-probabilities");
        probs.selectedProperty().bindBidirectional(vm.probabilitiesProperty());
        var onnxOnly = vm.formatProperty().isEqualTo(ExportFormat.PYTORCH);
        opset.disableProperty().bind(onnxOnly);
        probs.disableProperty().bind(onnxOnly);
        CheckBox check = new CheckBox("Check the export against Netwright's outputs");
        check.setTooltip(new javafx.scene.control.Tooltip("ONNX and Triton: run by ONNX Runtime on a reference "
                + "batch; PyTorch code: run by python3 with torch where it is found"));
        check.setId("export-check");
        check.selectedProperty().bindBidirectional(vm.checkProperty());

        ComboBox<WeightsChoice> weights = new ComboBox<>(vm.weightsChoices());
        weights.setId("export-weights");
        weights.valueProperty().bindBidirectional(vm.weightsProperty());
        weights.setConverter(new StringConverter<>() {
            @Override
            public String toString(WeightsChoice w) {
                return w == null ? "" : w.label();
            }

            @Override
            public WeightsChoice fromString(String s) {
                return null;
            }
        });
        weights.setMaxWidth(Double.MAX_VALUE);
        Button file = new Button("File…");
        file.setOnAction(e -> chooseWeights());
        HBox weightsRow = new HBox(6, weights, file);
        HBox.setHgrow(weights, Priority.ALWAYS);

        TextField out = new TextField();
        out.setId("export-output");
        out.textProperty().bindBidirectional(vm.outputProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseOutput());
        HBox outRow = new HBox(6, out, browse);
        HBox.setHgrow(out, Priority.ALWAYS);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label("Format"), format);
        form.addRow(1, new Label("ONNX opset"), opset);
        form.add(probs, 1, 2);
        form.addRow(3, new Label("Weights"), weightsRow);
        form.addRow(4, new Label("Output"), outRow);
        form.add(check, 1, 5);

        Label status = new Label();
        status.setId("export-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        TextArea report = new TextArea();
        report.setId("export-report");
        report.setEditable(false);
        // not a tab stop: when Export disables during a run the focus must not land here, where its blinking
        // caret would keep JavaFX pulsing (even after the window closes)
        report.setFocusTraversable(false);
        report.setStyle("-fx-font-family: 'monospace';");
        report.textProperty().bind(vm.reportProperty());
        VBox.setVgrow(report, Priority.ALWAYS);

        Button export = new Button("Export");
        export.setId("export-run");
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.runningProperty());
        export.setOnAction(e -> export());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        ButtonBar buttons = new ButtonBar();
        ButtonBar.setButtonData(export, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(close, ButtonBar.ButtonData.CANCEL_CLOSE);
        buttons.getButtons().addAll(export, close);

        VBox box = new VBox(12, form, buttons, status, report);
        box.setPadding(new Insets(16));
        box.getStyleClass().add("export-dialog");
        return box;
    }

    /** Starts the export the form describes (asking before replacing an existing output). */
    void export() {
        var problem = vm.problem();
        if (problem.isPresent()) {
            vm.finish(ExportOutcome.failed(problem.get()));
            return;
        }
        boolean force = false;
        if (vm.outputExists()) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, vm.outputProperty().get() + " exists. Replace it?",
                    ButtonType.OK, ButtonType.CANCEL);
            a.initOwner(stage);
            a.setHeaderText("Replace the existing export?");
            if (a.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
            force = true;
        }
        ExportRequest r = vm.request(force);
        vm.started();
        Thread t = new Thread(() -> {
            ExportOutcome o = ExportJob.run(r);
            Platform.runLater(() -> vm.finish(o));
        }, "netwright-export");
        t.setDaemon(true);
        t.start();
    }

    private void chooseWeights() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Weights to export");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("safetensors", "*.safetensors"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            vm.addWeightsFile(f.toPath());
        }
    }

    private void chooseOutput() {
        Path current = Path.of(vm.outputProperty().get());
        File dir = current.toAbsolutePath().getParent() == null ? null : current.toAbsolutePath().getParent()
                .toFile();
        File chosen;
        if (vm.formatProperty().get().folder()) {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder to write the export into");
            if (dir != null && dir.isDirectory()) {
                dc.setInitialDirectory(dir);
            }
            File parent = dc.showDialog(stage);
            chosen = parent == null ? null : new File(parent, current.getFileName().toString());
        } else {
            FileChooser fc = new FileChooser();
            fc.setTitle("Export ONNX model");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model", "*.onnx"));
            fc.setInitialFileName(current.getFileName().toString());
            if (dir != null && dir.isDirectory()) {
                fc.setInitialDirectory(dir);
            }
            chosen = fc.showSaveDialog(stage);
        }
        if (chosen != null) {
            vm.outputProperty().set(chosen.getPath());
        }
    }
}
