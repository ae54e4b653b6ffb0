package io.netwright.ui.data;

import io.netwright.data.LabeledDataset;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

/**
 * One tile of the grid: the sample's thumbnail (from the {@link ThumbnailCache}, nearest-neighbour so small
 * images stay crisp) above its class name. The grid reuses a screenful of cells while scrolling; a cell whose
 * thumbnail arrives late (decoded in the background) shows it only if it still holds that sample.
 */
final class ThumbnailCell extends GridCell<Integer> {

    /** Width and height of the picture inside a cell. */
    static final double PICTURE = 56;

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final DataViewModel vm;
    private final ThumbnailCache cache;
    private final ImageView view = new ImageView();
    private final Label label = new Label();
    private final VBox box = new VBox(2, view, label);
    private final Tooltip tip = new Tooltip();

    ThumbnailCell(DataViewModel vm, ThumbnailCache cache) {
        this.vm = vm;
        this.cache = cache;
        getStyleClass().add("thumbnail-cell");
        view.setFitWidth(PICTURE);
        view.setFitHeight(PICTURE);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        label.getStyleClass().add("thumbnail-label");
        label.setMaxWidth(PICTURE + 8);
        box.setAlignment(Pos.CENTER);
        setOnMouseClicked(e -> {
            if (getItem() != null) {
                vm.selectedProperty().set(getItem());
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> markChosen());
    }

    @Override
    protected void updateItem(Integer item, boolean empty) {
        super.updateItem(item, empty);
        LabeledDataset<?> ds = vm.dataset();
        if (empty || item == null || ds == null || item >= ds.size()) {
            setGraphic(null);
            setTooltip(null);
            view.setImage(null);
            markChosen();
            return;
        }
        int index = item;
        String cls = vm.className(ds.label(index));
        label.setText(cls);
        tip.setText("#" + index + " — " + cls);
        setTooltip(tip);
        view.setImage(cache.get(ds, index, img -> {
            if (getItem() != null && getItem() == index && vm.dataset() == ds) {
                view.setImage(img);
            }
        }));
        setGraphic(box);
        markChosen();
    }

    private void markChosen() {
        pseudoClassStateChanged(CHOSEN, getItem() != null && !isEmpty() && getItem() == vm.selectedProperty().get());
    }

    /** Whether the cell shows a picture (tests). */
    boolean hasPicture() {
        return view.getImage() != null;
    }

    /** The class name shown (tests). */
    String labelText() {
        return label.getText();
    }
}
