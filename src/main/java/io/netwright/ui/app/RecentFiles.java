package io.netwright.ui.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The most recently opened or saved design files, newest first, kept in {@code recent.txt} (one path a line). */
public final class RecentFiles {

    private static final int LIMIT = 10;

    private final Path store;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    /** Recent files kept in {@code home}. */
    public RecentFiles(StudioHome home) {
        this.store = home.file("recent.txt");
        try {
            if (Files.isRegularFile(store)) {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && files.size() < LIMIT) {
                        files.add(Path.of(line.trim()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            files.clear(); // an unreadable list is not worth failing the start for; it is rewritten on next save
        }
    }

    /** The files, newest first. */
    public ObservableList<Path> files() {
        return files;
    }

    /** Puts {@code file} first and stores the list. */
    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        files.remove(p);
        files.add(0, p);
        while (files.size() > LIMIT) {
            files.remove(files.size() - 1);
        }
        List<String> lines = new ArrayList<>();
        files.forEach(f -> lines.add(f.toString()));
        try {
            Files.createDirectories(store.getParent());
            Files.write(store, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the list stays in memory for this session; nothing the user must act on
        }
    }
}
