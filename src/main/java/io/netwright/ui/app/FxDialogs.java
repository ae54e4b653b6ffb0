package io.netwright.ui.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The studio's dialogs as JavaFX alerts and native file choosers. */
public final class FxDialogs implements StudioDialogs {

    private File lastDir;

    @Override
    public Optional<Path> chooseOpen(Window owner) {
        FileChooser fc = chooser("Open design", "json");
        File f = fc.showOpenDialog(owner);
        return remember(f);
    }

    @Override
    public Optional<Path> chooseOnnx(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import ONNX model");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model", "*.onnx"));
        if (lastDir != null && lastDir.isDirectory()) {
            fc.setInitialDirectory(lastDir);
        }
        return remember(fc.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseSave(Window owner, String suggestedName, String extension) {
        FileChooser fc = chooser(extension.equals("png") ? "Export image" : "Save design", extension);
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner);
        if (f != null && !f.getName().contains(".")) {
            f = new File(f.getParentFile(), f.getName() + (extension.equals("json") ? ".nwd.json" : "." + extension));
        }
        return remember(f);
    }

    private FileChooser chooser(String title, String extension) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(extension.equals("png")
                ? new FileChooser.ExtensionFilter("PNG image", "*.png")
                : new FileChooser.ExtensionFilter("Netwright design", "*.nwd.json", "*.json"));
        if (lastDir != null && lastDir.isDirectory()) {
            fc.setInitialDirectory(lastDir);
        }
        return fc;
    }

    private Optional<Path> remember(File f) {
        if (f == null) {
            return Optional.empty();
        }
        lastDir = f.getParentFile();
        return Optional.of(f.toPath());
    }

    @Override
    public SaveChoice askSaveChanges(Window owner, String name) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.WARNING, "Your changes will be lost if you don't save them.", save,
                discard, cancel);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + name + "?");
        ButtonType r = a.showAndWait().orElse(cancel);
        return r == save ? SaveChoice.SAVE : r == discard ? SaveChoice.DISCARD : SaveChoice.CANCEL;
    }

    @Override
    public boolean askRestore(Window owner, String detail) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, detail, restore, discard);
        a.initOwner(owner);
        a.setTitle("Restore unsaved design");
        a.setHeaderText("Netwright Studio did not close cleanly last time.");
        return a.showAndWait().orElse(discard) == restore;
    }

    @Override
    public Optional<String> askText(Window owner, String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText(prompt);
        return d.showAndWait().map(String::trim).filter(s -> !s.isEmpty());
    }

    @Override
    public void showError(Window owner, String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.showAndWait();
    }

    @Override
    public void showInfo(Window owner, String title, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, message);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.showAndWait();
    }

    @Override
    public void showText(Window owner, String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        javafx.scene.control.TextArea area = new javafx.scene.control.TextArea(text);
        area.setEditable(false);
        area.setFocusTraversable(false);
        area.setStyle("-fx-font-family: 'monospace';");
        area.setPrefColumnCount(84);
        area.setPrefRowCount((int) text.lines().count() + 1);
        a.getDialogPane().setContent(area);
        a.setResizable(true);
        a.showAndWait();
    }
}
