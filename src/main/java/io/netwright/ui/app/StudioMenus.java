package io.netwright.ui.app;

import io.netwright.ui.canvas.GraphCanvas;
import io.netwright.ui.editor.Align;
import io.netwright.ui.editor.EditorViewModel;
import io.netwright.ui.editor.Flow;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The menu bar: File, Edit, View, Run, Help, with the usual shortcuts. */
final class StudioMenus {

    private final StudioWindow w;
    private final StudioViewModel vm;
    private final EditorViewModel editor;
    private final GraphCanvas canvas;

    StudioMenus(StudioWindow w) {
        this.w = w;
        this.vm = w.viewModel();
        this.editor = vm.editor();
        this.canvas = w.canvas();
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(file(), edit(), view(), run(), help());
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setMnemonicParsing(false); // sample names have underscores (cifar10_tutorial); no '_' is a mnemonic
        if (keys != null) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private Menu file() {
        DocumentActions a = w.actions();
        Menu newMenu = new Menu("New");
        newMenu.getItems().add(item("Blank design", "Shortcut+N", a::newBlank));
        newMenu.getItems().add(new SeparatorMenuItem());
        for (Path t : StudioViewModel.templates()) {
            newMenu.getItems().add(item("From sample: " + t.getFileName().toString().replace(".json", ""), null,
                    () -> a.newFromTemplate(t)));
        }
        Menu recent = new Menu("Open Recent");
        Runnable fill = () -> {
            recent.getItems().clear();
            for (Path p : vm.recent().files()) {
                recent.getItems().add(item(p.getFileName() + "  —  " + p.getParent(), null, () -> a.openRecent(p)));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        vm.recent().files().addListener((ListChangeListener<Path>) c -> fill.run());
        fill.run();
        return new Menu("File", null, newMenu, item("Open…", "Shortcut+O", a::open), recent,
                item("Import ONNX…", null, a::importOnnx), new SeparatorMenuItem(),
                item("Save", "Shortcut+S", a::save), item("Save As…", "Shortcut+Shift+S", a::saveAs),
                item("Export Image…", "Shortcut+E", a::exportImage),
                item("Export Model…", "Shortcut+Shift+E", w::showExport), new SeparatorMenuItem(),
                item("Close", "Shortcut+W", a::close), item("Quit", "Shortcut+Q", w::requestQuit));
    }

    private Menu edit() {
        MenuItem undo = item("Undo", "Shortcut+Z", editor::undo);
        undo.textProperty().bind(Bindings.when(editor.canUndoProperty()).then(Bindings.concat("Undo ",
                editor.undoLabelProperty())).otherwise("Undo"));
        undo.disableProperty().bind(editor.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Y", editor::redo);
        redo.textProperty().bind(Bindings.when(editor.canRedoProperty()).then(Bindings.concat("Redo ",
                editor.redoLabelProperty())).otherwise("Redo"));
        redo.disableProperty().bind(editor.canRedoProperty().not());
        Menu align = new Menu("Align");
        for (Align a : Align.values()) {
            align.getItems().add(item(a.label(), null, () -> editor.align(a)));
        }
        MenuItem openBlock = item("Open Block", "Shortcut+Shift+B", () -> editor.selectedNode()
                .ifPresent(n -> editor.openBlock(n.type())));
        MenuItem closeBlock = item("Close Block", null, editor::closeBlock);
        closeBlock.disableProperty().bind(editor.openBlockProperty().isEmpty());
        return new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), item("Cut", "Shortcut+X", editor::cut),
                item("Copy", "Shortcut+C", editor::copy), item("Paste", "Shortcut+V", editor::paste),
                item("Duplicate", "Shortcut+D", editor::duplicate), item("Delete", null, editor::deleteSelection),
                item("Select All", "Shortcut+A", editor::selectAll), new SeparatorMenuItem(), align,
                item("Make Block…", "Shortcut+G", w::makeBlock), openBlock, closeBlock);
    }

    private Menu view() {
        CheckMenuItem snap = new CheckMenuItem("Snap to Grid");
        snap.selectedProperty().bindBidirectional(editor.snapToGridProperty());
        CheckMenuItem grid = new CheckMenuItem("Show Grid");
        grid.selectedProperty().bindBidirectional(canvas.showGridProperty());
        CheckMenuItem minimap = new CheckMenuItem("Show Minimap");
        minimap.selectedProperty().bindBidirectional(canvas.showMinimapProperty());
        CheckMenuItem dark = new CheckMenuItem("Dark Theme");
        dark.setSelected(vm.themeProperty().get() == Theme.DARK);
        dark.selectedProperty().addListener((o, a, b) -> vm.themeProperty().set(b ? Theme.DARK : Theme.LIGHT));
        vm.themeProperty().addListener((o, a, b) -> dark.setSelected(b == Theme.DARK));
        return new Menu("View", null, item("Zoom In", "Shortcut+EQUALS", () -> canvas.zoom(1.2)),
                item("Zoom Out", "Shortcut+MINUS", () -> canvas.zoom(1 / 1.2)),
                item("Fit to View", "Shortcut+0", canvas::fitToView),
                item("Actual Size", "Shortcut+1", canvas::resetZoom), new SeparatorMenuItem(),
                item("Auto-layout Top to Bottom", "Shortcut+L", () -> layout(Flow.TOP_DOWN)),
                item("Auto-layout Left to Right", "Shortcut+Shift+L", () -> layout(Flow.LEFT_RIGHT)),
                new SeparatorMenuItem(), snap, grid, minimap, new SeparatorMenuItem(), dark);
    }

    private void layout(Flow f) {
        editor.autoLayout(f);
        canvas.fitToView();
    }

    private Menu run() {
        return new Menu("Run", null, item("Train", "F5", () -> w.showTab("Train")),
                item("Evaluate", "F6", () -> w.showTab("Evaluate")),
                item("Check Design", "F7", w::checkDesign));
    }

    private Menu help() {
        return new Menu("Help", null, item("Keyboard Shortcuts", "F1", () -> w.dialogs().showText(w.stage(),
                "Keyboard shortcuts", Shortcuts.TEXT)),
                item("About Netwright Studio", null, () -> w.dialogs().showInfo(w.stage(), "Netwright Studio",
                        "Design, train and watch convolutional networks on Netwright's own tensor engine.\n"
                                + "Designs are open JSON files; weights are safetensors with PyTorch key names.")));
    }
}
