package io.netwright.ui.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Everything the studio asks the user in a dialog. The real implementation is {@link FxDialogs}; tests pass a
 * scripted one, so the headless robot never meets a native file chooser.
 */
public interface StudioDialogs {

    /** The answer to "save changes?". */
    enum SaveChoice { SAVE, DISCARD, CANCEL }

    /** A design file to open. */
    Optional<Path> chooseOpen(Window owner);

    /** An ONNX model to import; none by default (test doubles need not answer it). */
    default Optional<Path> chooseOnnx(Window owner) {
        return Optional.empty();
    }

    /** Where to save; {@code extension} is {@code json} or {@code png}. */
    Optional<Path> chooseSave(Window owner, String suggestedName, String extension);

    /** Whether to save the changes to {@code name} before they are lost. */
    SaveChoice askSaveChanges(Window owner, String name);

    /** Whether to restore the design recovered after a crash. */
    boolean askRestore(Window owner, String detail);

    /** A line of text (a block name). */
    Optional<String> askText(Window owner, String title, String prompt, String initial);

    /** Tells about a failure. */
    void showError(Window owner, String title, String message);

    /** Tells something (About). */
    void showInfo(Window owner, String title, String message);

    /** Shows column-aligned text (the keyboard shortcuts) in a fixed-width font. */
    default void showText(Window owner, String title, String text) {
        showInfo(owner, title, text);
    }
}
