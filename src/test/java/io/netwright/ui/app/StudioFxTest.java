package io.netwright.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Design;
import io.netwright.graph.DesignFiles;
import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import io.netwright.graph.Problem;
import io.netwright.ui.canvas.GraphCanvas;
import io.netwright.ui.canvas.NodeView;
import io.netwright.ui.editor.Designs;
import io.netwright.ui.editor.EditorViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio driven like a person would, headless (Monocle): drag from the palette, wire ports, edit a parameter,
 * break the design and read the Problems list, undo/redo with the keyboard, save and reopen.
 */
@ExtendWith(ApplicationExtension.class)
class StudioFxTest {

    private StudioViewModel vm;
    private EditorViewModel editor;
    private StudioWindow window;
    private ScriptedDialogs dialogs;
    private Path tmp;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("studio-fx");
        vm = new StudioViewModel(new StudioHome(tmp.resolve("home")));
        editor = vm.editor();
        dialogs = new ScriptedDialogs();
        window = new StudioWindow(stage, vm, dialogs);
        vm.openStartDesign();
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    private GraphCanvas canvas() {
        return window.canvas();
    }

    private Point2D center(NodeView v) {
        Node n = editor.design().requireNode(v.nodeId());
        return screen(n.x() + 92, n.y() + 33);
    }

    /** The screen point of design point {@code (wx, wy)}. */
    private Point2D screen(double wx, double wy) {
        Point2D local = canvas().viewport().toScreen(wx, wy);
        return canvas().localToScreen(local.getX(), local.getY());
    }

    private Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    @Test
    void dragFromThePaletteAddsTheLayerWhereItIsDropped(FxRobot robot) {
        robot.clickOn("#palette-search").write("drop");
        assertNotNull(robot.lookup("#palette-Dropout").query());
        assertTrue(robot.lookup("#palette-ReLU").tryQuery().isEmpty(), "search filters the palette");
        Bounds c = canvas().localToScreen(canvas().getBoundsInLocal());
        Point2D drop = new Point2D(c.getMinX() + 140, c.getMinY() + 200);
        robot.drag("#palette-Dropout").moveTo(drop).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, editor.selection().size());
        Node added = editor.design().requireNode(editor.selection().iterator().next());
        assertEquals("Dropout", added.type());
        Point2D w = canvas().viewport().toWorld(140, 200);
        assertEquals(w.getX(), added.x() + 92, 12);
        assertEquals(w.getY(), added.y() + 33, 12);
        assertNotNull(canvas().nodeView(added.id()));
        assertEquals("Add Dropout", editor.undoLabelProperty().get());
    }

    @Test
    void draggingFromAnOutputPortToAnInputPortConnectsThem(FxRobot robot) {
        robot.interact(() -> editor.disconnect(Edge.of("relu2", "pool2")));
        assertTrue(editor.analysis().status("pool2").hasError());
        // a wire that would close a cycle is refused with the reason
        robot.drag(canvas().outputPortOnScreen("relu2")).moveTo(canvas().inputPortOnScreen("conv2", 0)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.messageProperty().get().contains("cycle"), editor.messageProperty().get());
        assertTrue(editor.design().incoming("pool2").isEmpty());
        // the real one
        robot.drag(canvas().outputPortOnScreen("relu2")).moveTo(canvas().inputPortOnScreen("pool2", 0)).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Edge.of("relu2", "pool2"), editor.design().incoming("pool2").get(0));
        assertFalse(editor.analysis().analysis().hasErrors());
        assertEquals("16×10×10", canvas().wireLabel("pool2", 0));
        assertEquals(Set.copyOf(Designs.lenet().edges()), Set.copyOf(editor.design().edges()));
    }

    @Test
    void editingAParameterUpdatesShapeAndParameterCount(FxRobot robot) {
        robot.clickOn(center(canvas().nodeView("conv1")));
        assertEquals(Set.of("conv1"), editor.selection());
        TextField out = robot.lookup("#param-out_channels").queryAs(TextField.class);
        assertEquals("6", out.getText());
        robot.clickOn(out).push(KeyCode.END).eraseText(1).write("0");
        assertTrue(out.getStyleClass().contains("invalid"), "0 is refused as it is typed, got " + out.getText());
        robot.push(KeyCode.ENTER);
        assertEquals(61_706, editor.analysis().analysis().totalParams(), "an invalid value is not applied");
        robot.eraseText(1).write("8").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("→ 8×28×28", canvas().nodeView("conv1").shapeText());
        assertEquals("208 params", canvas().nodeView("conv1").countText());
        assertEquals("8×28×28", canvas().wireLabel("relu1", 0));
        assertEquals("62,558 trainable / 62,558", label(robot, "#summary-params").getText());
        assertEquals("8×28×28", label(robot, "#info-shape").getText());
        assertEquals("208", label(robot, "#info-params").getText());
        // the field keeps the focus after Enter, so Tab goes on to the next parameter
        assertTrue(out.isFocused());
        robot.push(KeyCode.TAB);
        TextField k = robot.lookup("#param-kernel_size").queryAs(TextField.class);
        assertTrue(k.isFocused());
        robot.push(KeyCode.END).eraseText(1).write("3").push(KeyCode.ENTER);
        assertEquals("→ 8×30×30", canvas().nodeView("conv1").shapeText());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals("", k.getText(), "Ctrl+Z in the field undoes the typing there");
        assertEquals("→ 8×30×30", canvas().nodeView("conv1").shapeText(), "and not the design edit");
        robot.interact(editor::undo);
        assertEquals("5", robot.lookup("#param-kernel_size").queryAs(TextField.class).getText(),
                "an undo from elsewhere refreshes the sheet");
    }

    @Test
    void anErrorShowsInTheProblemsListAndClickingItSelectsTheNode(FxRobot robot) {
        robot.interact(canvas()::fitToView);
        robot.clickOn(center(canvas().nodeView("flatten")));
        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.design().node("flatten").isEmpty());
        @SuppressWarnings("unchecked")
        ListView<Problem> list = robot.lookup("#problems-list").queryAs(ListView.class);
        Problem p = list.getItems().stream().filter(x -> "fc1".equals(x.nodeId()) && x.isError()).findFirst()
                .orElseThrow();
        assertTrue(p.message().contains("not connected"), p.message());
        assertTrue(canvas().nodeView("fc1").showsError());
        assertTrue(label(robot, "#summary-problems").getText().contains("error"));
        robot.interact(editor::clearSelection);
        robot.clickOn(robot.lookup(".problem-error").nth(0).queryLabeled());
        assertEquals(Set.of(list.getSelectionModel().getSelectedItem().nodeId()), editor.selection());
    }

    @Test
    void undoAndRedoFromTheKeyboard(FxRobot robot) {
        robot.interact(canvas()::fitToView);
        robot.clickOn(center(canvas().nodeView("relu3")));
        robot.push(KeyCode.DELETE);
        assertTrue(editor.design().node("relu3").isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Designs.lenet(), editor.design());
        assertNotNull(canvas().nodeView("relu3"));
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.design().node("relu3").isEmpty());
        assertTrue(window.stage().getTitle().startsWith("●"), window.stage().getTitle());
    }

    @Test
    void saveAndReopenGiveIdenticalContent(FxRobot robot) throws Exception {
        robot.interact(() -> {
            editor.select("conv2");
            editor.addAfterSelected("BatchNorm2d");
        });
        Design edited = editor.design();
        Path file = tmp.resolve("lenet-bn.json");
        dialogs.save = file;
        robot.clickOn(center(canvas().nodeView("conv1")));
        robot.push(KeyCode.CONTROL, KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.isRegularFile(file), dialogs.asked.toString());
        assertEquals("lenet-bn.json — LeNet-5 — Netwright Studio", window.stage().getTitle());
        robot.interact(() -> editor.deleteSelection());
        assertTrue(vm.isDirty());
        dialogs.open = file;
        robot.push(KeyCode.CONTROL, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogs.asked.contains("save changes to lenet-bn.json"), dialogs.asked.toString());
        assertEquals(edited, editor.design());
        assertEquals(Files.readString(file), DesignFiles.toJson(editor.design()));
        assertFalse(vm.isDirty());
    }

    @Test
    void exportImageWritesAPictureOfTheGraph(FxRobot robot) throws Exception {
        Path png = tmp.resolve("graph.png");
        robot.interact(() -> {
            try {
                window.actions().writePng(png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img.getHeight() > img.getWidth() && img.getHeight() > 1000, img.getWidth() + "x" + img.getHeight());
    }

    @Test
    void rubberBandAndShiftClickSelect(FxRobot robot) {
        // conv1 is at (80, 130), relu1 at (80, 220), both 184×66; the band runs from beside conv1 into relu1
        robot.drag(screen(20, 118)).moveTo(screen(300, 240)).drop();
        assertEquals(Set.of("conv1", "relu1"), editor.selection());
        robot.press(KeyCode.SHIFT).clickOn(center(canvas().nodeView("pool1"))).release(KeyCode.SHIFT);
        assertEquals(Set.of("conv1", "relu1", "pool1"), editor.selection());
    }

    @Test
    void darkThemeSwitchesTheStylesheets(FxRobot robot) {
        robot.clickOn("#tool-theme");
        assertEquals(Theme.DARK, vm.themeProperty().get());
        assertTrue(window.stage().getScene().getRoot().getStyleClass().contains("theme-dark"));
        assertTrue(window.stage().getScene().getStylesheets().get(1).endsWith("dark.css"));
    }

    @Test
    void doubleClickingAPaletteEntryInsertsItAfterTheSelectedNode(FxRobot robot) {
        robot.clickOn(center(canvas().nodeView("conv1")));
        robot.clickOn("#palette-search").write("batch");
        robot.doubleClickOn("#palette-BatchNorm2d");
        WaitForAsyncUtils.waitForFxEvents();
        String bn = editor.selection().iterator().next();
        assertEquals("BatchNorm2d", editor.design().requireNode(bn).type());
        assertEquals(Edge.of("conv1", bn), editor.design().incoming(bn).get(0));
        assertEquals(bn, editor.design().incoming("relu1").get(0).from());
        assertFalse(editor.analysis().analysis().hasErrors());
    }

    @Test
    void rightClickingANodeOffersItsActions(FxRobot robot) {
        robot.rightClickOn(center(canvas().nodeView("pool1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of("pool1"), editor.selection());
        robot.clickOn("Duplicate");
        assertEquals(Designs.lenet().nodes().size() + 1, editor.design().nodes().size());
    }

    @Test
    void aRecoveredDesignIsOfferedAndRestored(FxRobot robot) throws Exception {
        Design changed = editor.design().withParam("fc1", "out_features", io.netwright.graph.ParamValue.of(64));
        vm.recovery().save(changed, null);
        dialogs.restore = true;
        robot.interact(window::offerRecovery);
        assertTrue(dialogs.asked.get(dialogs.asked.size() - 1).startsWith("restore: Unsaved changes to an untitled"));
        assertEquals(changed, editor.design());
        assertTrue(vm.isDirty());
    }

    @Test
    void doubleClickingABlockOpensItAndCloseBlockReturns(FxRobot robot) {
        robot.interact(() -> {
            editor.select(java.util.List.of("conv2", "relu2"));
            editor.makeBlock("ConvRelu");
        });
        String inst = editor.selection().iterator().next();
        assertEquals("→ 16×10×10", canvas().nodeView(inst).shapeText());
        robot.doubleClickOn(center(canvas().nodeView(inst)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ConvRelu", editor.openBlockProperty().get());
        assertNotNull(canvas().nodeView("conv2"));
        assertTrue(robot.lookup("#close-block").queryButton().isVisible());
        robot.clickOn("#close-block");
        assertEquals("", editor.openBlockProperty().get());
        assertNotNull(canvas().nodeView(inst));
        assertFalse(editor.analysis().analysis().hasErrors());
    }

    @Test
    void clickingAWireSelectsItAndDeleteRemovesIt(FxRobot robot) {
        Point2D a = canvas().outputPortOnScreen("pool1");
        Point2D b = canvas().inputPortOnScreen("conv2", 0);
        robot.clickOn(new Point2D((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2));
        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.design().incoming("conv2").isEmpty());
        assertTrue(editor.analysis().status("conv2").hasError());
        assertEquals(Designs.lenet().nodes().size(), editor.design().nodes().size());
    }

    @Test
    void zoomKeysAndFit(FxRobot robot) {
        robot.clickOn(center(canvas().nodeView("conv1")));
        double z = canvas().viewport().zoom();
        robot.type(KeyCode.MINUS);
        assertEquals(z / 1.2, canvas().viewport().zoom(), 1e-9);
        robot.type(KeyCode.F);
        assertTrue(canvas().viewport().zoom() < z / 1.2 + 1e-9);
    }

    @Test
    void editShortcutsInATextFieldEditTheTextNotTheDesign(FxRobot robot) {
        robot.clickOn(center(canvas().nodeView("conv1")));
        robot.interact(() -> editor.setLabel("conv1", "first"));
        TextField search = robot.lookup("#palette-search").queryAs(TextField.class);
        robot.clickOn(search).write("conv");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("relu");
        assertEquals("relu", search.getText());
        assertEquals(Set.of("conv1"), editor.selection(), "Ctrl+A selected the text, not every node");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        assertEquals("first", editor.design().requireNode("conv1").label(), "Ctrl+Z in a text field undoes typing");
    }

    @Test
    void withNothingSelectedTheSheetEditsTheDesignsInput(FxRobot robot) {
        TextField shape = robot.lookup("#design-input-shape").queryAs(TextField.class);
        assertEquals("1, 28, 28", shape.getText());
        assertEquals("fashion-mnist-small", robot.lookup("#design-dataset").queryAs(TextField.class).getText());
        robot.clickOn(shape).push(KeyCode.END).eraseText(9).write("0, 5");
        assertTrue(shape.getStyleClass().contains("invalid"));
        robot.eraseText(4).write("3, 32, 32").push(KeyCode.ENTER);
        assertEquals(java.util.List.of(3, 32, 32), editor.design().input().shape());
        assertEquals("→ 6×32×32", canvas().nodeView("conv1").shapeText());
        assertEquals("Set input shape", editor.undoLabelProperty().get());
        robot.clickOn(center(canvas().nodeView("input")));
        assertEquals("3, 32, 32", robot.lookup("#design-input-shape").queryAs(TextField.class).getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMemoryEstimateUsesTheOptimizerAndBatchTheTrainTabWillRunWith(FxRobot robot) {
        var summary = vm.summary();
        var defaults = io.netwright.train.TrainingConfig.of(editor.documentDesign());
        assertEquals(defaults.optimizer().memoryKind(), summary.optimizerProperty().get(), "the shared defaults");
        assertEquals(defaults.batchSize(), summary.batchSizeProperty().get());
        robot.interact(() -> {
            robot.lookup("#cfg-optimizer").queryAs(javafx.scene.control.ChoiceBox.class).setValue("Adam");
            robot.lookup("#cfg-optimizer-options").queryAs(TextField.class).setText(""); // SGD's momentum
            robot.lookup("#cfg-batch").queryAs(TextField.class).setText("32");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(io.netwright.graph.OptimizerKind.ADAM, summary.optimizerProperty().get());
        assertEquals(32, summary.batchSizeProperty().get());
        assertEquals(32, robot.lookup("#summary-batch").queryAs(javafx.scene.control.Spinner.class).getValue());
    }

    @Test
    void openingACleanFileReplacesTheMessageAboutTheLastOne(FxRobot robot) throws Exception {
        String lenet = Files.readString(Path.of("samples/designs/lenet5.json"));
        Path odd = Files.writeString(tmp.resolve("odd.json"), lenet.replaceFirst("\"kernel_size\": 5, \"padding\": 2",
                "\"kernel_size\": 5, \"padding\": 2, \"not_a_param\": 1"));
        Path clean = Files.writeString(tmp.resolve("clean.json"), lenet);
        dialogs.open = odd;
        robot.interact(() -> window.actions().open());
        String first = editor.messageProperty().get();
        dialogs.open = clean;
        robot.interact(() -> window.actions().open());
        assertEquals("Opened clean.json", editor.messageProperty().get(), "after: " + first);
    }
}
