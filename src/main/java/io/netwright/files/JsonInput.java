package io.netwright.files;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Parses JSON a user's file holds: nesting deeper than {@link #MAX_DEPTH} is refused before Gson sees it (deep
 * nesting overflows the stack of a recursive reader), and syntax errors become one line naming the source.
 *
 * <pre>{@code JsonObject o = JsonInput.object(file, InputFiles.readUtf8(file, InputFiles.TEXT_LIMIT, "run status"));}</pre>
 */
public final class JsonInput {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 200;

    private JsonInput() {
    }

    /** Reads {@code file} whole and parses it as a JSON object. */
    public static JsonObject readObject(Path file, String what) throws IOException {
        return object(file, InputFiles.readUtf8(file, InputFiles.TEXT_LIMIT, what));
    }

    /** {@code text} parsed as a JSON object; {@code source} names it in errors. */
    public static JsonObject object(Object source, String text) throws IOException {
        JsonElement e = parse(source, text);
        if (!e.isJsonObject()) {
            throw new IOException(source + ": expected a JSON object {...}, got " + kind(e));
        }
        return e.getAsJsonObject();
    }

    /** {@code text} parsed as JSON; {@code source} names it in errors. */
    public static JsonElement parse(Object source, String text) throws IOException {
        int depth = depth(text);
        if (depth > MAX_DEPTH) {
            throw new IOException(source + ": JSON nested " + depth + " levels deep (at most " + MAX_DEPTH
                    + ") — the file is damaged or not ours");
        }
        try {
            JsonElement e = JsonParser.parseString(text);
            if (e.isJsonNull() && text.isBlank()) {
                throw new IOException(source + ": empty — expected JSON");
            }
            return e;
        } catch (JsonParseException e) {
            String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : String.valueOf(e.getMessage());
            int see = m.indexOf("\nSee ");
            m = see >= 0 ? m.substring(0, see) : m;
            see = m.indexOf(" See https://");
            m = see >= 0 ? m.substring(0, see) : m;
            throw new IOException(source + ": invalid JSON (" + m.strip() + ")", e);
        }
    }

    /** The deepest nesting of {@code [} and {@code {} outside strings. */
    static int depth(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return max;
    }

    /** A word for the kind of {@code e}: object, array, text, number, boolean, null. */
    public static String kind(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        var p = e.getAsJsonPrimitive();
        return p.isBoolean() ? "a boolean" : p.isNumber() ? "the number " + p.getAsString() : "the text \""
                + abbreviate(p.getAsString()) + "\"";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
