package io.netwright.ui.data;

import io.netwright.data.Image;
import io.netwright.data.LabeledDataset;
import io.netwright.train.Augmentation;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * Preview of the training augmentation on the selected sample: the switches of {@link Augmentation} (flips, padded
 * crop, rotation, colour jitter, erasing) and {@link #DRAWS} random draws side by side. Draws are seeded, so the
 * same settings give the same pictures; "Re-roll" draws new ones.
 */
final class AugmentationPane extends VBox {

    /** Pictures drawn per preview. */
    static final int DRAWS = 8;

    /** Side of each drawn picture. */
    static final double SIDE = 84;

    private final DataViewModel vm;
    private final TilePane draws = new TilePane(6, 6);
    private final Label note = new Label();
    private final Label source = new Label();
    private boolean showing;
    private final CheckBox hflip = new CheckBox("Horizontal flip");
    private final CheckBox vflip = new CheckBox("Vertical flip");
    private final Spinner<Integer> crop = new Spinner<>(0, 16, 2);
    private final Spinner<Double> rotation = new Spinner<>(0.0, 180.0, 10.0, 5.0);
    private final Spinner<Double> jitter = new Spinner<>(0.0, 0.9, 0.2, 0.1);
    private final Spinner<Double> erasing = new Spinner<>(0.0, 1.0, 0.0, 0.25);
    private List<Image> shown = List.of();

    AugmentationPane(DataViewModel vm) {
        super(6);
        this.vm = vm;
        getStyleClass().add("augmentation-preview");
        Label title = new Label("Augmentation preview");
        title.getStyleClass().add("section-title");
        draws.setId("aug-draws");
        draws.setPrefColumns(4);
        note.setId("aug-note");
        note.setWrapText(true);
        show(vm.augmentationProperty().get());
        for (Spinner<?> s : List.of(crop, rotation, jitter, erasing)) {
            s.setEditable(true);
            s.setPrefWidth(90);
            s.valueProperty().addListener((o, x, y) -> apply());
        }
        hflip.selectedProperty().addListener((o, x, y) -> apply());
        vflip.selectedProperty().addListener((o, x, y) -> apply());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        form.addRow(0, new Label("Crop padding"), crop, new Label("Rotation °"), rotation);
        form.addRow(1, new Label("Color jitter"), jitter, new Label("Erasing"), erasing);
        source.setId("aug-source");
        source.setWrapText(true);
        Button reroll = new Button("Re-roll");
        reroll.setId("aug-reroll");
        reroll.setOnAction(e -> vm.reroll());
        Label seed = new Label();
        seed.textProperty().bind(vm.seedProperty().asString("seed %d"));
        HBox buttons = new HBox(10, hflip, vflip, reroll, seed);
        getChildren().addAll(title, source, new FlowPane(buttons), form, draws, note);
        setPadding(new Insets(8, 0, 0, 0));
        vm.augmentationProperty().addListener((o, x, y) -> {
            show(y);
            redraw();
        });
        for (javafx.scene.Node n : List.of(hflip, vflip, crop, rotation, jitter, erasing)) {
            n.disableProperty().bind(vm.followingRunSettingsProperty());
        }
        source.visibleProperty().bind(vm.followingRunSettingsProperty());
        source.managedProperty().bind(source.visibleProperty());
        source.setText("The augmentation the next run will use (set on the Train tab).");
        vm.seedProperty().addListener((o, x, y) -> redraw());
        vm.selectedProperty().addListener((o, x, y) -> redraw());
        vm.sourceProperty().addListener((o, x, y) -> redraw());
        redraw();
    }

    /** Shows {@code a} in the controls without feeding it back. */
    private void show(Augmentation a) {
        showing = true;
        try {
            hflip.setSelected(a.horizontalFlip());
            vflip.setSelected(a.verticalFlip());
            crop.getValueFactory().setValue(a.cropPadding());
            rotation.getValueFactory().setValue(a.rotationDegrees());
            jitter.getValueFactory().setValue(a.colorJitter());
            erasing.getValueFactory().setValue(a.randomErasing());
        } finally {
            showing = false;
        }
    }

    private void apply() {
        if (showing) {
            return;
        }
        try {
            vm.augmentationProperty().set(new Augmentation(hflip.isSelected(), vflip.isSelected(), crop.getValue(),
                    rotation.getValue(), jitter.getValue(), erasing.getValue()));
        } catch (IllegalArgumentException e) {
            note.setText(e.getMessage());
        }
    }

    private void redraw() {
        draws.getChildren().clear();
        shown = List.of();
        LabeledDataset<?> ds = vm.dataset();
        int i = vm.selectedProperty().get();
        if (ds == null || i < 0 || i >= ds.size()) {
            note.setText("Select a sample to preview the augmentation on it.");
            return;
        }
        Augmentation aug = vm.augmentationProperty().get();
        try {
            shown = AugmentationDraws.draw(ds.get(i).input(), aug, vm.seedProperty().get(), DRAWS);
        } catch (RuntimeException e) {
            note.setText(e.getMessage());
            return;
        }
        for (Image im : shown) {
            ImageView v = new ImageView(SampleImages.fromImage(im));
            v.setFitWidth(SIDE);
            v.setFitHeight(SIDE);
            v.setPreserveRatio(true);
            v.setSmooth(false);
            draws.getChildren().add(v);
        }
        note.setText(aug.enabled() ? DRAWS + " random draws of the training augmentation (before normalisation)"
                : "Every augmentation is off: the draws equal the sample. Switch one on above.");
    }

    /** The images drawn last (tests). */
    List<Image> shownDraws() {
        return shown;
    }
}
