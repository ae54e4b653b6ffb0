package io.netwright.ui.evaluate;

import io.netwright.ui.evaluate.FileInspection.FeatureMaps;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * "Predict a file": the chosen (or dropped) image, the model's top-k probabilities as bars, and below, one group per
 * conv layer with a grid of its channels' feature maps, each normalised to its own range.
 */
final class PredictPane extends BorderPane {

    private static final int MAP_SIZE = 56;

    private final Label caption = new Label("Drop an image file here, or choose one, to see what the model "
            + "predicts for it and the feature maps of every conv layer.");
    private final ImageView picture = new ImageView();
    private final ChartViewer topK = new ChartViewer(null);
    private final VBox groups = new VBox(10);
    private final List<FeatureGroup> shown = new ArrayList<>();

    /**
     * A feature-map group as shown: the layer and how many channel images it holds.
     *
     * @param layer    the layer's node id
     * @param channels channel images shown
     * @param node     the group's node
     */
    record FeatureGroup(String layer, int channels, Node node) {
    }

    PredictPane(Runnable choose) {
        setId("eval-predict");
        caption.setWrapText(true);
        caption.setId("eval-predict-caption");
        Button chooseButton = new Button("Choose image…");
        chooseButton.setId("eval-predict-choose");
        chooseButton.setOnAction(e -> choose.run());
        HBox top = new HBox(10, chooseButton, caption);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        setTop(top);
        topK.setPrefSize(420, 260);
        topK.setVisible(false); // until a file is predicted
        picture.setPreserveRatio(true);
        HBox result = new HBox(12, picture, topK);
        result.setPadding(new Insets(6));
        result.setAlignment(Pos.CENTER_LEFT);
        groups.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(new VBox(6, result, groups));
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    /** Shows an inspection. */
    void show(FileInspection r) {
        caption.setText(r.file().getFileName() + " → " + (r.top().isEmpty() ? "?" : r.top().get(0).name())
                + String.format(java.util.Locale.ROOT, " (%.1f%%)", r.top().isEmpty() ? 0
                : 100 * r.top().get(0).probability()));
        picture.setImage(Pictures.of(r.image(), 112));
        topK.setChart(Charts.topK(r.top()));
        topK.setVisible(true);
        groups.getChildren().clear();
        shown.clear();
        for (FeatureMaps m : r.layers()) {
            TilePane tiles = new TilePane(3, 3);
            tiles.getStyleClass().add("feature-maps");
            for (int c = 0; c < m.channels(); c++) {
                ImageView v = new ImageView(Pictures.ofMap(m.channel(c), m.height(), m.width(), MAP_SIZE));
                Tooltip.install(v, new Tooltip(m.layer() + " channel " + c));
                tiles.getChildren().add(v);
            }
            Label title = new Label(m.layer() + " (" + m.type() + ") — " + m.channels() + " channels, " + m.height()
                    + "×" + m.width());
            title.getStyleClass().add("feature-map-title");
            VBox group = new VBox(4, title, tiles);
            group.getStyleClass().add("feature-map-group");
            group.setId("feature-maps-" + m.layer());
            groups.getChildren().add(group);
            shown.add(new FeatureGroup(m.layer(), tiles.getChildren().size(), group));
        }
    }

    /** Forgets the shown result (another design is open). */
    void clear() {
        picture.setImage(null);
        // ChartViewer refuses a null chart once it has one: hide it and forget the chart it holds
        topK.setChart(Charts.topK(java.util.List.of()));
        topK.setVisible(false);
        groups.getChildren().clear();
        shown.clear();
        caption.setText("");
    }

    /** Says something instead of a result (a failure, or work in progress). */
    void say(String text) {
        caption.setText(text);
    }

    /** The caption's text. */
    String caption() {
        return caption.getText();
    }

    /** The top-k chart shown, or null. */
    JFreeChart topKChart() {
        return topK.isVisible() ? topK.getChart() : null;
    }

    /** The feature-map groups shown, in layer order. */
    List<FeatureGroup> groups() {
        return List.copyOf(shown);
    }
}
