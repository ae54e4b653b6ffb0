package io.netwright.graph;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Free-form description of a design: its name, description, author, and when it was created and last modified
 * (null when unknown).
 *
 * @param extras unknown fields (name → raw JSON text), preserved on save
 */
public record Metadata(String name, String description, String author, Instant created, Instant modified,
        Map<String, String> extras) {

    /** Requires a name; null texts become empty; {@code modified} may not precede {@code created}. */
    public Metadata {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("design name must not be blank");
        }
        description = Checks.text(description);
        author = Checks.text(author);
        if (created != null && modified != null && modified.isBefore(created)) {
            throw new IllegalArgumentException("design '" + name + "': modified (" + modified
                    + ") is before created (" + created + ")");
        }
        extras = Checks.orderedCopy(extras, "metadata field");
    }

    /** Metadata with only a name. */
    public static Metadata named(String name) {
        return new Metadata(name, "", "", null, null, Map.of());
    }

    /** This metadata renamed. */
    public Metadata withName(String newName) {
        return new Metadata(newName, description, author, created, modified, extras);
    }

    /** This metadata with another description. */
    public Metadata withDescription(String text) {
        return new Metadata(name, text, author, created, modified, extras);
    }

    /** This metadata with another author. */
    public Metadata withAuthor(String newAuthor) {
        return new Metadata(name, description, newAuthor, created, modified, extras);
    }

    /** This metadata with creation and modification times. */
    public Metadata withTimes(Instant newCreated, Instant newModified) {
        return new Metadata(name, description, author, newCreated, newModified, extras);
    }
}
