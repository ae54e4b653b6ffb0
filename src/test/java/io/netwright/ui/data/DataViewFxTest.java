package io.netwright.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.formats.Mnist;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Data tab on the bundled Fashion-MNIST subset, headless: grid, filter, large view, chart, augmentation. */
@ExtendWith(ApplicationExtension.class)
class DataViewFxTest {

    private DataView view;
    private DataViewModel vm;
    private final SimpleStringProperty designDataset = new SimpleStringProperty("fashion-mnist-small");

    @Start
    void start(Stage stage) {
        view = new DataView(designDataset);
        vm = view.viewModel();
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.sourceProperty().get() != null
                && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<ThumbnailCell> visibleCells(FxRobot robot) {
        return robot.lookup(".thumbnail-cell").queryAllAs(ThumbnailCell.class).stream()
                .filter(c -> c.getItem() != null && !c.isEmpty() && shown(c)).toList();
    }

    /** Whether the node and all its ancestors are visible (the flow hides spare rows, keeping their cells). */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void gridShowsTheDesignsDatasetWithLabelsAndAFewCells(FxRobot robot) throws Exception {
        awaitLoaded();
        assertEquals("Fashion-MNIST (small)", robot.lookup("#data-name").queryAs(Label.class).getText());
        assertEquals(3000, vm.indices().size());
        assertEquals("3,000 of 3,000 shown", robot.lookup("#data-count").queryAs(Label.class).getText());
        List<ThumbnailCell> cells = visibleCells(robot);
        assertFalse(cells.isEmpty(), "the grid shows thumbnails");
        assertTrue(cells.size() < 400, "virtualised: only a screenful of cells, got " + cells.size());
        ThumbnailCell first = cells.stream().filter(c -> c.getItem() == 0).findFirst().orElseThrow();
        int label = vm.dataset().label(0);
        assertEquals(Mnist.FASHION_CLASSES.get(label), first.labelText());
        assertTrue(view.cache().size() <= view.cache().capacity());
        assertTrue(vm.messageProperty().get().contains("4,000 images"), vm.messageProperty().get());
        // scroll to the end: the last sample's cell is made, and the cache stays bounded
        robot.interact(() -> view.scrollGrid(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visibleCells(robot).stream().anyMatch(c -> c.getItem() == 2999), "the last sample is shown");
        assertTrue(view.cache().decodedCount() < 1000, "only visible thumbnails are decoded: "
                + view.cache().decodedCount());
    }

    @Test
    void classFilterAndSplitNarrowTheGrid(FxRobot robot) throws Exception {
        awaitLoaded();
        @SuppressWarnings("unchecked")
        ComboBox<String> classes = robot.lookup("#data-class").queryAs(ComboBox.class);
        robot.interact(() -> classes.setValue("Sneaker"));
        int sneaker = Mnist.FASHION_CLASSES.indexOf("Sneaker");
        assertEquals(300, vm.indices().size(), "the subset holds 300 of each class");
        assertTrue(vm.indices().stream().allMatch(i -> vm.dataset().label(i) == sneaker));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(visibleCells(robot).stream().allMatch(c -> c.labelText().equals("Sneaker")));
        @SuppressWarnings("unchecked")
        ChoiceBox<String> split = robot.lookup("#data-split").queryAs(ChoiceBox.class);
        assertEquals(List.of("train", "test"), split.getItems());
        robot.interact(() -> split.setValue("test"));
        assertEquals(100, vm.indices().size(), "the filter stays on for the other split");
        robot.interact(() -> classes.setValue("All classes"));
        assertEquals(1000, vm.indices().size());
        assertEquals("1,000 of 1,000 shown", robot.lookup("#data-count").queryAs(Label.class).getText());
    }

    @Test
    void clickingASampleShowsItLargeWithItsRangeAndAugmentationDraws(FxRobot robot) throws Exception {
        awaitLoaded();
        ThumbnailCell cell = visibleCells(robot).stream().filter(c -> c.getItem() == 3).findFirst().orElseThrow();
        robot.clickOn(cell);
        assertEquals(3, vm.selectedProperty().get());
        String cls = vm.className(vm.dataset().label(3));
        assertEquals("#3 — " + cls + " (train)", robot.lookup("#sample-title").queryAs(Label.class).getText());
        assertNotNull(robot.lookup("#sample-large").queryAs(javafx.scene.image.ImageView.class).getImage());
        PixelStats p = PixelStats.of(vm.dataset().get(3).input());
        String stats = robot.lookup("#pixel-stats").queryAs(Label.class).getText();
        assertTrue(stats.contains(p.lines().get(0)), stats);
        assertTrue(stats.startsWith("Values (0–255)"), stats);
        assertEquals("28×28, 1 channel, 8-bit", robot.lookup("#sample-size").queryAs(Label.class).getText());

        AugmentationPane aug = robot.lookup(".augmentation-preview").queryAs(AugmentationPane.class);
        assertEquals(AugmentationPane.DRAWS, aug.shownDraws().size());
        assertEquals(AugmentationPane.DRAWS, robot.lookup("#aug-draws").queryAs(javafx.scene.layout.TilePane.class)
                .getChildren().size());
        Set<Object> distinct = new HashSet<>(aug.shownDraws());
        assertTrue(distinct.size() > 1, "draws differ from one another");
        var before = aug.shownDraws();
        robot.clickOn("#aug-reroll");
        assertFalse(before.equals(aug.shownDraws()), "re-roll draws new pictures");
        assertEquals(AugmentationPane.DRAWS, aug.shownDraws().size());
    }

    @Test
    void distributionChartCountsEachSplit(FxRobot robot) throws Exception {
        awaitLoaded();
        var data = view.distribution().data();
        assertEquals(List.of("train", "test"), data.getRowKeys());
        assertEquals(Mnist.FASHION_CLASSES, data.getColumnKeys());
        int[] train = vm.sourceProperty().get().split("train").classCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(train[c], data.getValue("train", Mnist.FASHION_CLASSES.get(c)).intValue());
            assertEquals(100, data.getValue("test", Mnist.FASHION_CLASSES.get(c)).intValue());
        }
    }

    @Test
    void aMissingFolderIsReportedAndTheOldDatasetStays(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.interact(() -> view.open("/no/such/folder"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String msg = robot.lookup("#data-message").queryAs(Label.class).getText();
        assertTrue(msg.startsWith("Cannot open /no/such/folder: "), msg);
        assertEquals("Fashion-MNIST (small)", vm.sourceProperty().get().name());
        // the design's dataset changing does not pull the view back once another was opened...
        robot.interact(() -> designDataset.set("shapes"));
        assertEquals("Fashion-MNIST (small)", vm.sourceProperty().get().name());
        // ...until "Design's dataset" is pressed
        robot.clickOn("#data-design");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.sourceProperty().get().name().equals(
                "Synthetic shapes"));
    }

    @Test
    void imageFolderThumbnailsArriveFromTheBackgroundAndABadFileIsNamed(FxRobot robot) throws Exception {
        awaitLoaded();
        java.nio.file.Path root = java.nio.file.Files.createTempDirectory("folder-data");
        for (String cls : List.of("cat", "dog")) {
            java.nio.file.Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < 3; i++) {
                var img = new java.awt.image.BufferedImage(16, 12, java.awt.image.BufferedImage.TYPE_INT_RGB);
                img.setRGB(i, i, cls.equals("cat") ? 0xFF0000 : 0x00FF00);
                javax.imageio.ImageIO.write(img, "png", root.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        java.nio.file.Files.writeString(root.resolve("dog").resolve("9-broken.png"), "not a png");
        robot.interact(() -> view.open(root.toString()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.sourceProperty().get() != null
                && vm.sourceProperty().get().classes().equals(List.of("cat", "dog")));
        assertEquals(7, vm.indices().size());
        // thumbnails of files are decoded on the background thread and then shown by the cells still holding them
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> visibleCells(robot).size() == 7 && visibleCells(robot)
                .stream().filter(c -> c.getItem() < 6).allMatch(ThumbnailCell::hasPicture));
        ThumbnailCell broken = visibleCells(robot).stream().filter(c -> c.getItem() == 6).findFirst().orElseThrow();
        assertFalse(broken.hasPicture(), "an unreadable file has no thumbnail");
        robot.clickOn(broken);
        assertEquals("#6 cannot be read", robot.lookup("#sample-title").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#sample-size").queryAs(Label.class).getText().endsWith("9-broken.png"));
        assertTrue(robot.lookup("#pixel-stats").queryAs(Label.class).getText().endsWith("replace or remove the file"));
        assertEquals(1, vm.sourceProperty().get().splits().size());
        assertEquals("16×12, 3 channels, 8-bit", describeFirst(robot));
    }

    private String describeFirst(FxRobot robot) {
        robot.interact(() -> vm.selectedProperty().set(0));
        return robot.lookup("#sample-size").queryAs(Label.class).getText().split("  ")[0];
    }

    @Test
    void anotherDesignBringsBackItsDatasetAfterTheUserBrowsedAnother(FxRobot robot) throws Exception {
        awaitLoaded();
        robot.interact(() -> view.open("shapes10"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.sourceProperty().get() != null
                && vm.sourceProperty().get().name().startsWith("Synthetic") && !vm.loadingProperty().get());
        robot.interact(() -> designDataset.set("fashion-mnist-small "));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.sourceProperty().get().name().startsWith("Synthetic"), "a browsed dataset stays while editing");
        robot.interact(view::followDesign); // what opening another design file does
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.sourceProperty().get() != null
                && vm.sourceProperty().get().name().startsWith("Fashion") && !vm.loadingProperty().get());
    }
}
