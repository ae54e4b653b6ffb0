package io.netwright.ui.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;

/** Dialog answers set by a test; every question asked is recorded. */
final class ScriptedDialogs implements StudioDialogs {

    Path open;
    Path save;
    SaveChoice saveChoice = SaveChoice.DISCARD;
    boolean restore;
    String text;
    final List<String> asked = new ArrayList<>();

    @Override
    public Optional<Path> chooseOpen(Window owner) {
        asked.add("open");
        return Optional.ofNullable(open);
    }

    @Override
    public Optional<Path> chooseSave(Window owner, String suggestedName, String extension) {
        asked.add("save " + suggestedName);
        return Optional.ofNullable(save);
    }

    @Override
    public SaveChoice askSaveChanges(Window owner, String name) {
        asked.add("save changes to " + name);
        return saveChoice;
    }

    @Override
    public boolean askRestore(Window owner, String detail) {
        asked.add("restore: " + detail);
        return restore;
    }

    @Override
    public Optional<String> askText(Window owner, String title, String prompt, String initial) {
        asked.add(title);
        return Optional.ofNullable(text);
    }

    @Override
    public void showError(Window owner, String title, String message) {
        asked.add("error: " + title + ": " + message);
    }

    @Override
    public void showInfo(Window owner, String title, String message) {
        asked.add("info: " + title);
    }
}
