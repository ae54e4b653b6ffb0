package io.netwright.ui.app;

import java.nio.file.Path;

/**
 * The studio's own folder (recent files, the autosave recovery file, the chosen theme): the system property
 * {@code netwright.home} if set, else {@code ~/.netwright}. Tests point it at a temporary folder.
 */
public record StudioHome(Path dir) {

    /** The system property naming the folder. */
    public static final String PROPERTY = "netwright.home";

    /** The folder from the property or the user's home. */
    public static StudioHome fromSystem() {
        String p = System.getProperty(PROPERTY);
        return new StudioHome(p != null && !p.isBlank() ? Path.of(p)
                : Path.of(System.getProperty("user.home"), ".netwright"));
    }

    /** A file in the folder. */
    public Path file(String name) {
        return dir.resolve(name);
    }
}
