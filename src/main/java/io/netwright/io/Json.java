package io.netwright.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts plain Java values (numbers, booleans, strings, null, lists and string-keyed maps) to and from JSON, as
 * optimizer and scheduler state dicts need. Non-finite doubles are allowed ({@code Infinity}, {@code NaN}).
 */
public final class Json {

    /** Pretty, non-finite-tolerant Gson used for every JSON file Netwright writes. */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
            .disableHtmlEscaping().create();

    private Json() {
    }

    /** A JSON tree for {@code value}; throws naming the unsupported type. */
    public static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof List<?> list) {
            JsonArray a = new JsonArray();
            for (Object o : list) {
                a.add(toJson(o));
            }
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject o = new JsonObject();
            for (var e : map.entrySet()) {
                o.add(String.valueOf(e.getKey()), toJson(e.getValue()));
            }
            return o;
        }
        throw new IllegalArgumentException("cannot store a " + value.getClass().getName() + " as JSON: only numbers,"
                + " booleans, strings, null, lists and maps are allowed in state dicts");
    }

    /** Plain Java values for a JSON tree: Double, Boolean, String, null, List, LinkedHashMap. */
    public static Object fromJson(JsonElement el) {
        if (el == null || el.isJsonNull()) {
            return null;
        }
        if (el.isJsonPrimitive()) {
            JsonPrimitive p = el.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isNumber()) {
                return p.getAsDouble();
            }
            String s = p.getAsString();
            return switch (s) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> s;
            };
        }
        if (el.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonElement e : el.getAsJsonArray()) {
                out.add(fromJson(e));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : el.getAsJsonObject().entrySet()) {
            out.put(e.getKey(), fromJson(e.getValue()));
        }
        return out;
    }

    /** {@link #fromJson} for an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonObject o) {
        return (Map<String, Object>) fromJson(o);
    }
}
