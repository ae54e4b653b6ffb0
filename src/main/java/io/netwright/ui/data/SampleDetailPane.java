package io.netwright.ui.data;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import io.netwright.data.LabeledDataset;
import io.netwright.data.Sample;
import io.netwright.data.formats.ImageFolder;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

/**
 * The selected sample, large (nearest-neighbour, so single pixels stay visible): its index, class, size, and the
 * range of its values per channel — min, max and mean — to check how the data is scaled.
 */
final class SampleDetailPane extends VBox {

    /** Side of the large picture in pixels. */
    static final double SIDE = 224;

    private final DataViewModel vm;
    private final ImageView view = new ImageView();
    private final Label title = new Label("Click a sample to see it large");
    private final Label size = new Label();
    private final Label stats = new Label();

    SampleDetailPane(DataViewModel vm) {
        super(6);
        this.vm = vm;
        getStyleClass().add("sample-detail");
        title.setId("sample-title");
        title.getStyleClass().add("section-title");
        size.setId("sample-size");
        stats.setId("pixel-stats");
        stats.setWrapText(true);
        view.setId("sample-large");
        view.setFitWidth(SIDE);
        view.setFitHeight(SIDE);
        view.setPreserveRatio(true);
        view.setSmooth(false);
        getChildren().addAll(title, view, size, stats);
        vm.selectedProperty().addListener((o, a, b) -> update());
        vm.sourceProperty().addListener((o, a, b) -> update());
        vm.splitProperty().addListener((o, a, b) -> update());
    }

    private void update() {
        LabeledDataset<?> ds = vm.dataset();
        int i = vm.selectedProperty().get();
        if (ds == null || i < 0 || i >= ds.size()) {
            view.setImage(null);
            title.setText("Click a sample to see it large");
            size.setText("");
            stats.setText("");
            return;
        }
        Sample<?> s;
        try {
            s = ds.get(i);
        } catch (RuntimeException e) {
            view.setImage(null);
            String file = ds instanceof ImageFolder f ? f.path(i).toString() : "sample " + i;
            title.setText("#" + i + " cannot be read");
            size.setText(file);
            stats.setText(e.getMessage() + " — replace or remove the file");
            return;
        }
        Object x = s.input();
        view.setImage(SampleImages.toFx(x));
        title.setText("#" + i + " — " + vm.className(s.label()) + " (" + vm.splitProperty().get() + ")");
        size.setText(describe(x) + (ds instanceof ImageFolder f ? "  " + f.path(i).getFileName() : ""));
        PixelStats p = PixelStats.of(x);
        stats.setText("Values (" + p.unit() + ")\n" + String.join("\n", p.lines()));
    }

    private static String describe(Object x) {
        if (x instanceof ByteImage b) {
            return b.width() + "×" + b.height() + ", " + b.channels() + (b.channels() == 1 ? " channel" : " channels")
                    + ", 8-bit";
        }
        if (x instanceof Image im) {
            return im.width() + "×" + im.height() + ", " + im.channels() + " channels, float";
        }
        if (x instanceof float[] f) {
            return f.length + " features";
        }
        return x.getClass().getSimpleName();
    }

    /** The statistics text (tests). */
    String statsText() {
        return stats.getText();
    }
}
