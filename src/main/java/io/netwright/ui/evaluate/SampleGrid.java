package io.netwright.ui.evaluate;

import io.netwright.ui.evaluate.EvaluationState.Tile;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * A grid of sample tiles under a caption: each tile shows the image (when known), the true and the predicted
 * label and the confidence, green when right and red when wrong.
 */
final class SampleGrid extends BorderPane {

    private static final int IMAGE_SIZE = 84;

    private final Label caption = new Label();
    private final TilePane tiles = new TilePane(6, 6);

    SampleGrid(String id, String emptyText) {
        setId(id);
        getStyleClass().add("sample-grid");
        caption.getStyleClass().add("sample-grid-caption");
        caption.setWrapText(true);
        caption.setText(emptyText);
        caption.setPadding(new Insets(4, 6, 4, 6));
        tiles.setPadding(new Insets(6));
        tiles.setPrefTileWidth(IMAGE_SIZE + 12);
        tiles.getStyleClass().add("sample-tiles");
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        setTop(caption);
        setCenter(scroll);
    }

    /** Shows {@code list} under {@code text}; {@code classes} names the labels. */
    void show(String text, List<Tile> list, List<String> classes) {
        caption.setText(text);
        tiles.getChildren().clear();
        for (Tile t : list) {
            tiles.getChildren().add(tile(t, classes));
        }
    }

    /** Empties the grid and shows {@code text}. */
    void clear(String text) {
        show(text, List.of(), List.of());
    }

    /** The caption's text. */
    String caption() {
        return caption.getText();
    }

    /** How many tiles are shown. */
    int tileCount() {
        return tiles.getChildren().size();
    }

    private static VBox tile(Tile t, List<String> classes) {
        VBox box = new VBox(2);
        box.setAlignment(Pos.TOP_CENTER);
        box.getStyleClass().addAll("sample-tile", t.correct() ? "sample-correct" : "sample-wrong");
        if (t.image() != null) {
            box.getChildren().add(new ImageView(Pictures.of(t.image(), IMAGE_SIZE)));
        }
        Label truth = new Label(name(classes, t.label()));
        truth.getStyleClass().add("sample-truth");
        Label pred = new Label("→ " + name(classes, t.predicted()) + String.format(Locale.ROOT, " %.0f%%",
                100 * t.confidence()));
        pred.getStyleClass().add("sample-predicted");
        for (Label l : new Label[] {truth, pred}) {
            l.setMaxWidth(IMAGE_SIZE + 8);
        }
        box.getChildren().addAll(truth, pred);
        box.setOnMouseEntered(e -> { // tooltips are made on first hover: hundreds of tiles appear at once
            if (box.getProperties().putIfAbsent("tooltip", Boolean.TRUE) == null) {
                Tooltip.install(box, new Tooltip(String.format(Locale.ROOT, "sample #%d%ntrue: %s%npredicted: %s "
                        + "(%.1f%%)%s", t.index(), name(classes, t.label()), name(classes, t.predicted()),
                        100 * t.confidence(), Double.isNaN(t.loss()) ? "" : String.format(Locale.ROOT,
                        "%nloss: %.3f", t.loss()))));
            }
        });
        return box;
    }

    static String name(List<String> classes, int label) {
        return label >= 0 && label < classes.size() ? classes.get(label) : Integer.toString(label);
    }
}
