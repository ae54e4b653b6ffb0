package io.netwright.graph;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings older design files up to the current format ({@link Design#FORMAT}), one step per version, on the JSON
 * tree before it is read. Elements are moved, not copied, so errors still name their original lines.
 *
 * <h2>Format 0 (the first files, before the {@code format} field existed)</h2>
 * Everything at the top level, parameters as a flat list, positions as pairs, wires as text:
 * <pre>{@code
 * {
 *   "name": "LeNet-5", "description": "...", "author": "...",
 *   "input_shape": [1, 28, 28], "dataset": "fashion-mnist-small",
 *   "loss": "cross_entropy", "metrics": ["accuracy"],
 *   "layers": [
 *     {"id": "conv1", "type": "Conv2d", "params": [{"name": "out_channels", "value": 6}], "pos": [100, 80]}
 *   ],
 *   "connections": ["input -> conv1", "conv1 -> add1:1"]
 * }
 * }</pre>
 * Format 0 → 1: {@code name/description/author} move into {@code metadata}; {@code input_shape/dataset} into
 * {@code input} (as {@code shape}, {@code dataset}); {@code loss/metrics} into {@code head} ({@code loss} defaults to
 * {@code cross_entropy}); {@code layers} become {@code nodes} with {@code params} an object and {@code pos} split
 * into {@code x}, {@code y}; each connection {@code "a -> b:1"} becomes {@code {"from": "a", "to": "b", "to_port":
 * 1}}. Unknown fields stay where they were (top-level ones become top-level extras).
 */
final class DesignMigrations {

    private static final Pattern CONNECTION = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*->\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?::\\s*(\\d{1,9}))?\\s*");

    private DesignMigrations() {
    }

    /**
     * The tree of format {@code from} migrated to the current format. {@code lines} receives the lines of new
     * elements (taken from the elements they replace); {@code error} receives what cannot be migrated.
     */
    static JsonObject migrate(JsonObject root, int from, Map<JsonElement, Integer> lines,
            BiConsumer<JsonElement, String> error) {
        JsonObject tree = root;
        for (int version = from; version < Design.FORMAT; version++) {
            if (version == 0) {
                tree = from0(tree, lines, error);
            } else {
                throw new IllegalStateException("no migration from format " + version);
            }
        }
        return tree;
    }

    // ---------------------------------------------------------------- 0 → 1

    private static JsonObject from0(JsonObject old, Map<JsonElement, Integer> lines,
            BiConsumer<JsonElement, String> error) {
        JsonObject out = new JsonObject();
        lines.put(out, lines.getOrDefault(old, 1));
        out.addProperty("format", 1);
        JsonObject metadata = group(old, lines, Map.of("name", "name", "description", "description", "author",
                "author", "created", "created", "modified", "modified"));
        out.add("metadata", metadata);
        out.add("input", group(old, lines, Map.of("input_shape", "shape", "dataset", "dataset")));
        JsonObject head = group(old, lines, Map.of("loss", "loss", "metrics", "metrics"));
        if (!head.has("loss")) {
            head.addProperty("loss", Loss.CROSS_ENTROPY.key());
        }
        out.add("head", head);
        JsonArray nodes = new JsonArray();
        JsonElement layers = old.get("layers");
        if (layers != null && layers.isJsonArray()) {
            lines.put(nodes, lines.getOrDefault(layers, 0));
            for (JsonElement layer : layers.getAsJsonArray()) {
                nodes.add(layer.isJsonObject() ? node0(layer.getAsJsonObject(), lines, error) : layer);
            }
        } else if (layers != null) {
            error.accept(layers, "\"layers\" must be a list (format 0)");
        }
        out.add("nodes", nodes);
        JsonArray edges = new JsonArray();
        JsonElement connections = old.get("connections");
        if (connections != null && connections.isJsonArray()) {
            lines.put(edges, lines.getOrDefault(connections, 0));
            for (JsonElement c : connections.getAsJsonArray()) {
                JsonObject edge = edge0(c, error);
                if (edge != null) {
                    lines.put(edge, lines.getOrDefault(c, 0));
                    edges.add(edge);
                }
            }
        } else if (connections != null) {
            error.accept(connections, "\"connections\" must be a list (format 0)");
        }
        out.add("edges", edges);
        Set<String> known = Set.of("format", "name", "description", "author", "created", "modified", "input_shape",
                "dataset", "loss", "metrics", "layers", "connections");
        for (var e : old.entrySet()) {
            if (!known.contains(e.getKey())) {
                out.add(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** A new object holding the fields of {@code old} named in {@code rename} (old name → new name). */
    private static JsonObject group(JsonObject old, Map<JsonElement, Integer> lines, Map<String, String> rename) {
        JsonObject g = new JsonObject();
        for (var e : old.entrySet()) {
            String to = rename.get(e.getKey());
            if (to != null) {
                g.add(to, e.getValue());
                lines.putIfAbsent(g, lines.getOrDefault(e.getValue(), 0));
            }
        }
        return g;
    }

    private static JsonObject node0(JsonObject layer, Map<JsonElement, Integer> lines,
            BiConsumer<JsonElement, String> error) {
        JsonObject node = new JsonObject();
        lines.put(node, lines.getOrDefault(layer, 0));
        for (var e : layer.entrySet()) {
            switch (e.getKey()) {
                case "params" -> node.add("params", params0(e.getValue(), lines, error));
                case "pos" -> {
                    JsonElement pos = e.getValue();
                    if (pos.isJsonArray() && pos.getAsJsonArray().size() == 2) {
                        node.add("x", pos.getAsJsonArray().get(0));
                        node.add("y", pos.getAsJsonArray().get(1));
                    } else {
                        error.accept(pos, "\"pos\" must be [x, y] (format 0)");
                    }
                }
                default -> node.add(e.getKey(), e.getValue());
            }
        }
        return node;
    }

    private static JsonElement params0(JsonElement list, Map<JsonElement, Integer> lines,
            BiConsumer<JsonElement, String> error) {
        if (!list.isJsonArray()) {
            error.accept(list, "\"params\" must be a list of {\"name\": ..., \"value\": ...} (format 0)");
            return new JsonObject();
        }
        JsonObject params = new JsonObject();
        lines.put(params, lines.getOrDefault(list, 0));
        for (JsonElement p : list.getAsJsonArray()) {
            JsonObject o = p.isJsonObject() ? p.getAsJsonObject() : null;
            JsonElement name = o == null ? null : o.get("name");
            if (o == null || name == null || !name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()
                    || !o.has("value")) {
                error.accept(p, "each parameter must be {\"name\": ..., \"value\": ...} (format 0), got "
                        + JsonText.compact(p));
                continue;
            }
            if (params.has(name.getAsString())) {
                error.accept(p, "parameter " + name.getAsString() + " is given twice");
                continue;
            }
            params.add(name.getAsString(), o.get("value"));
        }
        return params;
    }

    private static JsonObject edge0(JsonElement c, BiConsumer<JsonElement, String> error) {
        Matcher m = c.isJsonPrimitive() && c.getAsJsonPrimitive().isString()
                ? CONNECTION.matcher(c.getAsString()) : null;
        if (m == null || !m.matches()) {
            error.accept(c, "a connection must be \"from -> to\" or \"from -> to:port\" (format 0), got "
                    + JsonText.compact(c));
            return null;
        }
        JsonObject edge = new JsonObject();
        edge.addProperty("from", m.group(1));
        edge.addProperty("to", m.group(2));
        if (m.group(3) != null && Integer.parseInt(m.group(3)) != 0) {
            edge.add("to_port", new JsonPrimitive(Integer.parseInt(m.group(3))));
        }
        return edge;
    }
}
