package io.netwright.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.netwright.files.JsonFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a user wrote about a run: free notes and tags, kept in the run folder's {@code notes.json}.
 *
 * @param notes free text ("" for none)
 * @param tags  short labels, trimmed, without blanks or duplicates, in the order given
 */
public record RunNotes(String notes, List<String> tags) {

    /** No notes, no tags. */
    public static final RunNotes EMPTY = new RunNotes("", List.of());

    /** Trims the tags and drops blank and repeated ones. */
    public RunNotes {
        notes = Objects.requireNonNullElse(notes, "");
        LinkedHashSet<String> t = new LinkedHashSet<>();
        for (String s : Objects.requireNonNullElse(tags, List.<String>of())) {
            if (s != null && !s.isBlank()) {
                t.add(s.strip());
            }
        }
        tags = List.copyOf(t);
    }

    /** Tags from a comma-separated list, as typed in a field: {@code "baseline, adam"}. */
    public static List<String> parseTags(String text) {
        return text == null ? List.of() : List.of(text.split(","));
    }

    /** The tags as a comma-separated list. */
    public String tagsText() {
        return String.join(", ", tags);
    }

    String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("notes", notes);
        JsonArray a = new JsonArray();
        tags.forEach(a::add);
        o.add("tags", a);
        return io.netwright.io.Json.GSON.toJson(o) + "\n";
    }

    static RunNotes fromJson(JsonFields f) throws IOException {
        List<String> tags = new ArrayList<>();
        if (f.has("tags")) {
            JsonArray a = f.array("tags");
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).isJsonPrimitive() || !a.get(i).getAsJsonPrimitive().isString()) {
                    throw new IOException("notes.json: /tags/" + i + ": expected text, got "
                            + io.netwright.files.JsonInput.kind(a.get(i)));
                }
                tags.add(a.get(i).getAsString());
            }
        }
        return new RunNotes(f.has("notes") ? f.string("notes") : "", tags);
    }
}
