package io.netwright.ui.panels;

import io.netwright.graph.OptimizerKind;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.editor.SummaryViewModel;
import javafx.geometry.Pos;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar under the editor: parameters, MACs, the training-memory estimate for a batch size, optimizer and
 * device (all three chosen here), the problem count, and the editor's last message (a refused wire and why).
 */
public final class SummaryBar extends HBox {

    /** A bar showing {@code summary}; messages from {@code editor}. */
    public SummaryBar(SummaryViewModel summary, EditorViewModel editor) {
        super(10);
        getStyleClass().add("summary-bar");
        setAlignment(Pos.CENTER_LEFT);
        Label params = value("summary-params", summary.paramsProperty());
        Label macs = value("summary-macs", summary.macsProperty());
        Label memory = value("summary-memory", summary.memoryProperty());
        Tooltip memTip = new Tooltip();
        memTip.textProperty().bind(summary.memoryWarningProperty());
        summary.memoryWarningProperty().addListener((o, a, b) -> {
            memory.getStyleClass().remove("summary-warning");
            if (!b.isEmpty()) {
                memory.getStyleClass().add("summary-warning");
            }
            memory.setTooltip(b.isEmpty() ? null : memTip);
        });
        Spinner<Integer> batch = new Spinner<>(1, 65536, summary.batchSizeProperty().get(), 8);
        batch.setEditable(true);
        batch.setPrefWidth(86);
        batch.setId("summary-batch");
        batch.valueProperty().addListener((o, a, b) -> summary.batchSizeProperty().set(b));
        summary.batchSizeProperty().addListener((o, a, b) -> { // the Train tab's batch, when its settings change
            if (!b.equals(batch.getValue())) {
                batch.getValueFactory().setValue(b.intValue());
            }
        });
        ComboBox<OptimizerKind> optimizer = new ComboBox<>();
        optimizer.getItems().setAll(OptimizerKind.values());
        optimizer.valueProperty().bindBidirectional(summary.optimizerProperty());
        ComboBox<SummaryViewModel.DeviceChoice> device = new ComboBox<>();
        device.getItems().setAll(SummaryViewModel.devices());
        device.valueProperty().bindBidirectional(summary.deviceProperty());
        device.setPrefWidth(170); // its widest item (a GPU's full name) would push the window past 1280 px
        device.setTooltip(new javafx.scene.control.Tooltip("The device the next run trains on"));
        for (Region r : List.of(batch, optimizer, device)) {
            r.setMinWidth(Region.USE_PREF_SIZE); // the long status message gives way, not the controls
        }
        Label problems = value("summary-problems", summary.problemsProperty());
        Label message = new Label();
        message.setId("editor-message");
        message.getStyleClass().add("editor-message");
        message.textProperty().bind(editor.messageProperty());
        message.setMinWidth(0);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(editor.messageProperty());
        message.setTooltip(whole); // a message longer than the bar is shown whole on hover
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.SOMETIMES);
        getChildren().addAll(caption("Parameters"), params, sep(), caption("MACs"), macs, sep(),
                caption("Training memory"), memory, caption("batch"), batch, optimizer, caption("on"), device, sep(),
                problems, spacer, message);
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("summary-value");
        l.textProperty().bind(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("summary-caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Region sep() {
        Region r = new Region();
        r.getStyleClass().add("summary-sep");
        return r;
    }
}
