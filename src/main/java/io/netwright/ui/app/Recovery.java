package io.netwright.ui.app;

import io.netwright.graph.Design;
import io.netwright.graph.DesignFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The autosave recovery file: while a design has unsaved changes the studio writes it to
 * {@code recovery/autosave.json} (and the file it came from to {@code autosave.source}) every few seconds; a clean
 * save or close deletes it. Finding it at start means the last session ended without saving: the studio offers it.
 */
public final class Recovery {

    /** A recovered design and the file it had been opened from (null when it was untitled). */
    public record Recovered(Design design, Path source) {
    }

    private final Path json;
    private final Path source;

    /** Recovery files in {@code home}. */
    public Recovery(StudioHome home) {
        Path dir = home.file("recovery");
        this.json = dir.resolve("autosave.json");
        this.source = dir.resolve("autosave.source");
    }

    /** Writes {@code design} (atomically) with the file it belongs to. */
    public void save(Design design, Path file) throws IOException {
        Files.createDirectories(json.getParent());
        DesignFiles.write(json, design);
        Files.writeString(source, file == null ? "" : file.toAbsolutePath().toString(), StandardCharsets.UTF_8);
    }

    /** Whether a recovery file is waiting. */
    public boolean exists() {
        return Files.isRegularFile(json);
    }

    /** The waiting design, if it can be read. */
    public Optional<Recovered> load() {
        if (!exists()) {
            return Optional.empty();
        }
        try {
            Design d = DesignFiles.load(json).design();
            String src = Files.isRegularFile(source) ? Files.readString(source, StandardCharsets.UTF_8).trim() : "";
            return Optional.of(new Recovered(d, src.isEmpty() ? null : Path.of(src)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Deletes the recovery file (after a save, a clean close, or when the user declines it). */
    public void discard() {
        try {
            Files.deleteIfExists(json);
            Files.deleteIfExists(source);
        } catch (IOException e) {
            // a stale file is offered once more at the next start; harmless
        }
    }

    /** Where the design is written. */
    public Path file() {
        return json;
    }
}
