package io.netwright.ui.train;

import io.netwright.graph.Design;
import io.netwright.io.AtomicFiles;
import io.netwright.train.TrainingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers the run settings per design: {@code <studio home>/train-configs/<name>-<hash>.json}, the config JSON
 * of the last run started (or form edited) for that design. A design is identified by its file when it has one,
 * else by its name, so two files named alike keep their own settings.
 */
public final class RunConfigMemory {

    /** The folder under the studio home. */
    public static final String FOLDER = "train-configs";

    private final Path dir;

    /** Settings kept under {@code homeDir}/{@value #FOLDER}. */
    public RunConfigMemory(Path homeDir) {
        this.dir = Objects.requireNonNull(homeDir, "homeDir").resolve(FOLDER);
    }

    /** The key of a design: its file's absolute path, else {@code name:} and its name. */
    public static String key(Path file, Design design) {
        return file != null ? file.toAbsolutePath().normalize().toString() : "name:" + design.metadata().name();
    }

    /** The file holding the settings for {@code key}. */
    public Path file(String key) {
        String base = key.startsWith("name:") ? key.substring(5) : Path.of(key).getFileName().toString();
        String slug = base.toLowerCase(Locale.ROOT).replaceAll("\\.json$", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        return dir.resolve((slug.isEmpty() ? "design" : slug) + "-" + hash(key) + ".json");
    }

    private static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Stores {@code config} for {@code key} (atomically: a crash leaves the old file). */
    public void save(String key, TrainingConfig config) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(file(key), config.toJson());
    }

    /**
     * The settings stored for {@code key}, applied to {@code design} (the stored design snapshot is replaced by the
     * current one), or empty if none were stored.
     *
     * @throws IOException if the file exists but cannot be read or parsed (the message names it and the fix)
     */
    public Optional<TrainingConfig> load(String key, Design design) throws IOException {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(TrainingConfig.fromJson(Files.readString(f, StandardCharsets.UTF_8))
                    .withDesign(design));
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": remembered run settings are unreadable (" + e.getMessage()
                    + ") — defaults are used; delete the file to silence this", e);
        }
    }
}
