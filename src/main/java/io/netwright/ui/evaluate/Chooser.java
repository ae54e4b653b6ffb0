package io.netwright.ui.evaluate;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks for a file or folder; the real ones are JavaFX's choosers, tests script their answers. */
@FunctionalInterface
interface Chooser {

    /** The chosen path, if any. */
    Optional<Path> choose(Window owner);

    /** A folder chooser for run folders. */
    static Chooser runFolder() {
        return owner -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Open a run folder");
            return Optional.ofNullable(c.showDialog(owner)).map(File::toPath);
        };
    }

    /** A file chooser for images. */
    static Chooser imageFile() {
        return owner -> {
            FileChooser c = new FileChooser();
            c.setTitle("Choose an image to predict");
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg",
                    "*.bmp", "*.gif"));
            return Optional.ofNullable(c.showOpenDialog(owner)).map(File::toPath);
        };
    }
}
