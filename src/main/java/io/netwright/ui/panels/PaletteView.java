package io.netwright.ui.panels;

import io.netwright.ui.canvas.GraphCanvas;
import io.netwright.ui.canvas.LayerIcons;
import io.netwright.ui.editor.PaletteViewModel;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The palette: a search field and every layer type grouped by category (then the design's blocks), each with its
 * icon and its doc as a tooltip. Drag an entry onto the canvas to place it there; double-click it to add it after
 * the selected node. The drag is a plain press-drag-release tracked here (no platform drag-and-drop), so it works
 * the same on every platform and under the headless test robot.
 */
public final class PaletteView extends VBox {

    private final PaletteViewModel model;
    private final GraphCanvas canvas;
    private final VBox list = new VBox();
    private final TextField search = new TextField();

    /** A palette placing layers on {@code canvas}. */
    public PaletteView(PaletteViewModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
        getStyleClass().add("palette");
        search.setPromptText("Search layers…");
        search.setId("palette-search");
        search.textProperty().bindBidirectional(model.filterProperty());
        list.getStyleClass().add("palette-list");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("palette-scroll");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        VBox.setMargin(search, new Insets(8));
        Label title = new Label("Layers");
        title.getStyleClass().add("pane-title");
        getChildren().addAll(title, search, scroll);
        model.sectionsProperty().addListener((o, a, b) -> rebuild(b));
        rebuild(model.sectionsProperty().get());
    }

    private void rebuild(Map<String, List<PaletteViewModel.Item>> sections) {
        list.getChildren().clear();
        sections.forEach((section, items) -> {
            Label head = new Label(section.toUpperCase(java.util.Locale.ROOT));
            head.getStyleClass().add("palette-section");
            list.getChildren().add(head);
            for (PaletteViewModel.Item it : items) {
                list.getChildren().add(entry(it));
            }
        });
        if (sections.isEmpty()) {
            Label none = new Label("No layer matches \"" + model.filterProperty().get() + "\"");
            none.getStyleClass().add("palette-empty");
            list.getChildren().add(none);
        }
    }

    private HBox entry(PaletteViewModel.Item it) {
        Label name = new Label(it.displayName());
        name.getStyleClass().add("palette-name");
        HBox row = new HBox(8, LayerIcons.icon(it.type()), name);
        row.getStyleClass().add("palette-item");
        row.setId("palette-" + it.type());
        Tooltip tip = new Tooltip(it.type() + "\n" + it.doc());
        tip.setShowDelay(Duration.millis(400));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        Tooltip.install(row, tip);
        row.setCursor(Cursor.OPEN_HAND);
        row.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            boolean over = canvas.containsScenePoint(e.getSceneX(), e.getSceneY());
            canvas.showDropPreview(over ? it.type() : null, e.getSceneX(), e.getSceneY());
            row.setCursor(over ? Cursor.CLOSED_HAND : Cursor.OPEN_HAND);
        });
        row.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            canvas.showDropPreview(null, 0, 0);
            row.setCursor(Cursor.OPEN_HAND);
            if (e.getButton() == MouseButton.PRIMARY && canvas.containsScenePoint(e.getSceneX(), e.getSceneY())) {
                canvas.dropLayer(it.type(), e.getSceneX(), e.getSceneY());
            }
        });
        row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                canvas.editor().addAfterSelected(it.type());
                canvas.requestFocus();
            }
        });
        return row;
    }
}
