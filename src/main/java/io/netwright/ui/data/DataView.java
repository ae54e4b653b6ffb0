package io.netwright.ui.data;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.GridView;

/**
 * The studio's Data tab: browses a dataset — by default the one bound to the design's input — as a virtualised
 * grid of labelled thumbnails (a screenful of cells, thumbnails decoded lazily into a bounded cache, so 60,000
 * images scroll freely), with a split selector, a class filter, the selected sample large with its value range, the
 * class distribution of every split, and a preview of the training augmentation on the selected sample.
 */
public final class DataView extends BorderPane {

    /** Thumbnails kept decoded at once. */
    static final int CACHE_SIZE = 2000;

    private final DataViewModel vm = new DataViewModel();
    private final ThumbnailCache cache = new ThumbnailCache(CACHE_SIZE);
    private final GridView<Integer> grid = new GridView<>(vm.indices());
    private final ChoiceBox<String> split = new ChoiceBox<>();
    private final ComboBox<String> classes = new ComboBox<>();
    private final Label name = new Label("No dataset");
    private final Label count = new Label();
    private final ClassDistributionChart distribution = new ClassDistributionChart();
    private final ObservableValue<String> designDataset;
    private boolean followDesign = true;

    /**
     * A Data tab following {@code designDataset} (the design's {@code input.dataset} SPEC): it opens that dataset
     * now and again whenever it changes, until the user opens another one.
     */
    public DataView(ObservableValue<String> designDataset) {
        this.designDataset = designDataset;
        getStyleClass().add("data-view");
        setId("data-view");
        grid.setId("data-grid");
        grid.setCellWidth(ThumbnailCell.PICTURE + 12);
        grid.setCellHeight(ThumbnailCell.PICTURE + 26);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new ThumbnailCell(vm, cache));

        VBox side = new VBox(10, new SampleDetailPane(vm), new AugmentationPane(vm));
        side.setPadding(new Insets(8));
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        SplitPane left = new SplitPane(grid, distribution.viewer());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.72);
        SplitPane center = new SplitPane(left, sideScroll);
        center.setDividerPositions(0.62);
        setTop(toolbar());
        setCenter(center);
        Label message = new Label();
        message.setId("data-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(4, 8, 4, 8));
        setBottom(message);

        vm.sourceProperty().addListener((o, a, b) -> sourceShown(b));
        vm.splitProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(split.getValue())) {
                split.setValue(b);
            }
            scrollGrid(0);
        });
        vm.indices().addListener((javafx.collections.ListChangeListener<Integer>) c -> updateCount());
        designDataset.addListener((o, a, b) -> {
            if (followDesign) {
                openDesignDataset();
            }
        });
        openDesignDataset();
    }

    /** Shows the design's dataset again, and follows it from now on (another design was opened). */
    public void followDesign() {
        followDesign = true;
        openDesignDataset();
    }

    private ToolBar toolbar() {
        name.setId("data-name");
        name.getStyleClass().add("section-title");
        Button design = new Button("Design's dataset");
        design.setId("data-design");
        design.setTooltip(new Tooltip("Browse the dataset bound to the design's input"));
        design.setOnAction(e -> followDesign());
        MenuItem folder = new MenuItem("Folder (IDX, CIFAR, image folders, CSV)…");
        folder.setOnAction(e -> chooseFolder());
        MenuItem csv = new MenuItem("CSV file…");
        csv.setOnAction(e -> chooseCsv());
        MenuItem shapes = new MenuItem("Synthetic shapes");
        shapes.setOnAction(e -> open(DataSource.SHAPES));
        MenuButton openMenu = new MenuButton("Open…", null, folder, csv, shapes);
        openMenu.setId("data-open");
        split.setId("data-split");
        split.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.splitProperty().set(b);
            }
        });
        classes.setId("data-class");
        classes.valueProperty().addListener((o, a, b) -> {
            int i = classes.getItems().indexOf(b);
            vm.classFilterProperty().set(i <= 0 ? DataViewModel.ALL_CLASSES : i - 1);
        });
        count.setId("data-count");
        return new ToolBar(name, design, openMenu, new Separator(Orientation.VERTICAL), new Label("Split"), split,
                new Label("Class"), classes, count);
    }

    private void sourceShown(DataSource s) {
        cache.clear();
        name.setText(s == null ? "No dataset" : s.name());
        split.getItems().setAll(s == null ? List.of() : s.splitNames());
        split.setValue(vm.splitProperty().get());
        List<String> names = new ArrayList<>();
        names.add("All classes");
        if (s != null) {
            names.addAll(s.classes());
        }
        classes.getItems().setAll(names);
        classes.setValue(names.get(0));
        distribution.show(s);
        updateCount();
    }

    private void updateCount() {
        var ds = vm.dataset();
        count.setText(ds == null ? "" : String.format(Locale.ROOT, "%,d of %,d shown", vm.indices().size(),
                ds.size()));
    }

    private void openDesignDataset() {
        String spec = designDataset.getValue();
        if (spec == null || spec.isBlank()) {
            name.setText("No dataset");
            return;
        }
        vm.open(spec);
    }

    /** Opens {@code spec} (see {@link DataSource#open(String)}) in the background; stops following the design. */
    public void open(String spec) {
        followDesign = false;
        vm.open(spec);
    }

    private void chooseFolder() {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle("Open a dataset folder");
        File f = c.showDialog(window());
        if (f != null) {
            open(f.getPath());
        }
    }

    private void chooseCsv() {
        FileChooser c = new FileChooser();
        c.setTitle("Open a CSV dataset");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (label in the last column)", "*.csv"));
        File f = c.showOpenDialog(window());
        if (f != null) {
            open(f.getPath());
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /**
     * Scrolls the grid to {@code position} (0 top, 1 bottom); false before the grid has a skin.
     */
    public boolean scrollGrid(double position) {
        if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.setPosition(Math.max(0, Math.min(1, position)));
            return true;
        }
        return false;
    }

    // ================================================================ access (tests, the studio)

    /** The tab's model. */
    public DataViewModel viewModel() {
        return vm;
    }

    /** The thumbnail grid. */
    public GridView<Integer> grid() {
        return grid;
    }

    /** The thumbnail cache. */
    public ThumbnailCache cache() {
        return cache;
    }

    ClassDistributionChart distribution() {
        return distribution;
    }
}
