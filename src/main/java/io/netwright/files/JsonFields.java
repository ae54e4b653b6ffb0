package io.netwright.files;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Typed, validating access to a JSON object read from a file: each getter names the file, the field's path and what
 * was expected when the value is missing or of the wrong type or range, e.g.
 * {@code checkpoint.json: /meta/step: expected a whole number >= 0, got the text "🙂"}.
 *
 * <pre>{@code JsonFields meta = JsonFields.of(index, root).object("meta"); long step = meta.wholeNumber("step", 0, Long.MAX_VALUE);}</pre>
 */
public final class JsonFields {

    private final String source;
    private final String path;
    private final JsonObject object;

    private JsonFields(String source, String path, JsonObject object) {
        this.source = source;
        this.path = path;
        this.object = object;
    }

    /** The fields of {@code object}, the root of {@code source}. */
    public static JsonFields of(Object source, JsonObject object) {
        return new JsonFields(String.valueOf(source), "", object);
    }

    /** The fields of {@code object}, found at {@code path} (e.g. {@code /meta}) in {@code source}. */
    public static JsonFields at(Object source, String path, JsonObject object) {
        return new JsonFields(String.valueOf(source), path, object);
    }

    /** The whole number at {@code key}, or {@code fallback} when absent. */
    public long wholeNumber(String key, long min, long max, long fallback) throws IOException {
        return has(key) ? wholeNumber(key, min, max) : fallback;
    }

    /** {@link #wholeNumber} for an int field. */
    public int intNumber(String key, int min, int max) throws IOException {
        return (int) wholeNumber(key, min, max);
    }

    /** The number at {@code key}, or NaN when absent or not a number (for optional metrics). */
    public double optionalNumber(String key) {
        try {
            return has(key) ? number(key) : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The underlying object. */
    public JsonObject json() {
        return object;
    }

    /** The path of this object in its file ({@code ""} for the root, else {@code /meta}). */
    public String path() {
        return path;
    }

    /** Whether the field is present and not null. */
    public boolean has(String key) {
        return object.has(key) && !object.get(key).isJsonNull();
    }

    /** The object at {@code key}. */
    public JsonFields object(String key) throws IOException {
        JsonElement e = required(key, "an object");
        if (!e.isJsonObject()) {
            throw wrong(key, "an object", e);
        }
        return new JsonFields(source, path + "/" + key, e.getAsJsonObject());
    }

    /** The array at {@code key}. */
    public JsonArray array(String key) throws IOException {
        JsonElement e = required(key, "an array");
        if (!e.isJsonArray()) {
            throw wrong(key, "an array", e);
        }
        return e.getAsJsonArray();
    }

    /** The text at {@code key}. */
    public String string(String key) throws IOException {
        JsonElement e = required(key, "text");
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrong(key, "text", e);
        }
        return e.getAsString();
    }

    /** The whole number at {@code key}, in {@code [min, max]}. */
    public long wholeNumber(String key, long min, long max) throws IOException {
        String expected = "a whole number " + range(min, max);
        JsonElement e = required(key, expected);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrong(key, expected, e);
        }
        long v;
        try {
            BigDecimal d = new BigDecimal(e.getAsString());
            v = d.longValueExact();
        } catch (NumberFormatException | ArithmeticException ex) {
            throw wrong(key, expected, e);
        }
        if (v < min || v > max) {
            throw wrong(key, expected, e);
        }
        return v;
    }

    /** The number at {@code key} (non-finite values written as "NaN"/"Infinity" text are allowed). */
    public double number(String key) throws IOException {
        JsonElement e = required(key, "a number");
        return number(key, e);
    }

    /** The number at {@code key}, or {@code fallback} when absent. */
    public double number(String key, double fallback) throws IOException {
        return has(key) ? number(key) : fallback;
    }

    private double number(String key, JsonElement e) throws IOException {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                double d = Double.parseDouble(p.getAsString());
                return d;
            }
            if (p.isString()) {
                switch (p.getAsString()) {
                    case "NaN": return Double.NaN;
                    case "Infinity": return Double.POSITIVE_INFINITY;
                    case "-Infinity": return Double.NEGATIVE_INFINITY;
                    default: break;
                }
            }
        }
        throw wrong(key, "a number", e);
    }

    /** The boolean at {@code key}. */
    public boolean bool(String key) throws IOException {
        JsonElement e = required(key, "true or false");
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw wrong(key, "true or false", e);
        }
        return e.getAsBoolean();
    }

    private JsonElement required(String key, String expected) throws IOException {
        JsonElement e = object.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IOException(source + ": " + path + "/" + key + ": missing — expected " + expected
                    + "; the file is damaged or was not written by Netwright");
        }
        return e;
    }

    private IOException wrong(String key, String expected, JsonElement got) {
        return new IOException(source + ": " + path + "/" + key + ": expected " + expected + ", got "
                + JsonInput.kind(got) + " — the file is damaged or was not written by Netwright");
    }

    private static String range(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return "";
        }
        if (max == Long.MAX_VALUE) {
            return ">= " + min;
        }
        return "from " + min + " to " + max;
    }
}
