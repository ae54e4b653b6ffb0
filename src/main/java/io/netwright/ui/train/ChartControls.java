package io.netwright.ui.train;

import java.io.File;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * The bar above the charts: x axis (step / epoch), smoothing on/off and its weight, log scale, reset zoom, export
 * as PNG or CSV.
 */
final class ChartControls extends HBox {

    ChartControls(TrainingCharts charts, Consumer<String> tell) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        getStyleClass().add("chart-controls");
        ChoiceBox<String> x = new ChoiceBox<>();
        x.getItems().addAll("step", "epoch");
        x.setValue("step");
        x.setId("chart-x");
        x.setTooltip(new Tooltip("Plot against optimizer steps or epochs"));
        x.valueProperty().addListener((o, a, b) -> charts.setByEpoch("epoch".equals(b)));
        CheckBox smooth = new CheckBox("Smoothing");
        smooth.setId("chart-smooth");
        Slider weight = new Slider(0, 0.99, 0.9);
        weight.setId("chart-smoothing");
        weight.setPrefWidth(90);
        weight.setTooltip(new Tooltip("Exponential moving average weight; the raw line stays visible, lighter"));
        weight.disableProperty().bind(smooth.selectedProperty().not());
        smooth.selectedProperty().addListener((o, a, b) -> charts.setSmoothing(b, weight.getValue()));
        // on by default, as TensorBoard does: noisy step losses hide the trend; the raw line stays, lighter
        smooth.setSelected(true);
        weight.valueChangingProperty().addListener((o, a, changing) -> {
            if (!changing) {
                charts.setSmoothing(smooth.isSelected(), weight.getValue());
            }
        });
        CheckBox log = new CheckBox("Log scale");
        log.setId("chart-log");
        log.selectedProperty().addListener((o, a, b) -> charts.setLogScale(b));
        Button reset = new Button("Reset zoom");
        reset.setId("chart-reset");
        reset.setTooltip(new Tooltip("Wheel or drag a box to zoom, Ctrl- or Alt-drag to pan, double-click to reset"));
        reset.setOnAction(e -> charts.resetZoom());
        Button png = new Button("PNG…");
        png.setId("chart-export-png");
        png.setTooltip(new Tooltip("Export the charts as an image"));
        png.setOnAction(e -> choose("charts.png", "PNG image", "*.png").ifPresent(f -> {
            try {
                charts.exportPng(f.toPath(), 1200, 360);
                tell.accept("Charts written to " + f);
            } catch (IOException ex) {
                tell.accept("Could not write " + f + ": " + ex.getMessage());
            }
        }));
        Button csv = new Button("CSV…");
        csv.setId("chart-export-csv");
        csv.setTooltip(new Tooltip("Export every point of the charts as CSV"));
        csv.setOnAction(e -> choose("metrics.csv", "CSV", "*.csv").ifPresent(f -> {
            try {
                charts.exportCsv(f.toPath());
                tell.accept("Chart data written to " + f);
            } catch (IOException ex) {
                tell.accept("Could not write " + f + ": " + ex.getMessage());
            }
        }));
        getChildren().addAll(new Label("x:"), x, smooth, weight, log, reset, png, csv);
    }

    private java.util.Optional<File> choose(String name, String kind, String pattern) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return java.util.Optional.ofNullable(fc.showSaveDialog(getScene() == null ? null : getScene().getWindow()));
    }
}
