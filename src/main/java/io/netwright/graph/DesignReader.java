package io.netwright.graph;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a parsed design file to the model, collecting every problem with its line. Two kinds: errors of the file
 * itself (wrong JSON types, invalid ids, wires to missing nodes, unknown loss, ...), which always stop reading,
 * and catalogue problems (unknown layer types or parameters, values out of range, missing required parameters),
 * which the editor may accept so the user can fix them in place.
 */
final class DesignReader {

    private final String source;
    private final JsonText.Parsed doc;
    private final Catalogue catalogue;
    final List<String> errors = new ArrayList<>();
    final List<String> catalogueProblems = new ArrayList<>();
    private final Set<String> blockNames = new HashSet<>();

    DesignReader(String source, JsonText.Parsed doc, Catalogue catalogue) {
        this.source = source;
        this.doc = doc;
        this.catalogue = catalogue;
    }

    // ---------------------------------------------------------------- messages

    private String where(JsonElement at, String context) {
        int line = doc.line(at);
        return source + ": " + (line > 0 ? "line " + line + ": " : "") + (context == null ? "" : context + ": ");
    }

    private void error(JsonElement at, String context, String message) {
        errors.add(where(at, context) + message);
    }

    private void catalogueProblem(JsonElement at, String context, String message) {
        catalogueProblems.add(where(at, context) + message);
    }

    // ---------------------------------------------------------------- typed fields

    private JsonElement field(JsonObject o, String key, String ctx, boolean required) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            if (required) {
                error(o, ctx, "missing field \"" + key + "\"");
            }
            return null;
        }
        return e;
    }

    private String text(JsonObject o, String key, String ctx, boolean required) {
        JsonElement e = field(o, key, ctx, required);
        if (e == null) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        error(e, ctx, "\"" + key + "\" must be text, got " + JsonText.compact(e));
        return null;
    }

    private Integer integer(JsonObject o, String key, String ctx, int min) {
        JsonElement e = field(o, key, ctx, false);
        if (e == null) {
            return null;
        }
        if (e.isJsonPrimitive() && JsonText.isInteger(e.getAsJsonPrimitive()) && e.getAsInt() >= min) {
            return e.getAsInt();
        }
        error(e, ctx, "\"" + key + "\" must be an integer >= " + min + ", got " + JsonText.compact(e));
        return null;
    }

    private double number(JsonObject o, String key, String ctx) {
        JsonElement e = field(o, key, ctx, false);
        if (e == null) {
            return 0;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            return e.getAsDouble();
        }
        error(e, ctx, "\"" + key + "\" must be a number, got " + JsonText.compact(e));
        return 0;
    }

    private boolean bool(JsonObject o, String key, String ctx) {
        JsonElement e = field(o, key, ctx, false);
        if (e == null) {
            return false;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        error(e, ctx, "\"" + key + "\" must be true or false, got " + JsonText.compact(e));
        return false;
    }

    private JsonObject object(JsonObject o, String key, String ctx, boolean required) {
        JsonElement e = field(o, key, ctx, required);
        if (e == null) {
            return null;
        }
        if (e.isJsonObject()) {
            return e.getAsJsonObject();
        }
        error(e, ctx, "\"" + key + "\" must be an object {...}, got " + JsonText.compact(e));
        return null;
    }

    private JsonArray array(JsonObject o, String key, String ctx) {
        JsonElement e = field(o, key, ctx, false);
        if (e == null) {
            return new JsonArray();
        }
        if (e.isJsonArray()) {
            return e.getAsJsonArray();
        }
        error(e, ctx, "\"" + key + "\" must be a list [...], got " + JsonText.compact(e));
        return new JsonArray();
    }

    private <T> List<T> list(JsonObject o, String key, String ctx, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (JsonElement e : array(o, key, ctx)) {
            JsonPrimitive p = e.isJsonPrimitive() ? e.getAsJsonPrimitive() : null;
            if (type == Integer.class && p != null && JsonText.isInteger(p)) {
                out.add(type.cast(p.getAsInt()));
            } else if (type == Double.class && p != null && p.isNumber()) {
                out.add(type.cast(p.getAsDouble()));
            } else if (type == String.class && p != null && p.isString()) {
                out.add(type.cast(p.getAsString()));
            } else {
                error(e, ctx, "\"" + key + "\" must hold " + (type == Integer.class ? "integers"
                        : type == Double.class ? "numbers" : "texts") + ", got " + JsonText.compact(e));
            }
        }
        return out;
    }

    private Instant instant(JsonObject o, String key, String ctx) {
        String t = text(o, key, ctx, false);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            error(o.get(key), ctx, "\"" + key + "\" must be a UTC time like 2024-05-01T10:00:00Z, got \"" + t + "\"");
            return null;
        }
    }

    private static Map<String, String> extras(JsonObject o, Set<String> known) {
        Map<String, String> extras = new LinkedHashMap<>();
        for (var e : o.entrySet()) {
            if (!known.contains(e.getKey())) {
                extras.put(e.getKey(), JsonText.compact(e.getValue()));
            }
        }
        return extras;
    }

    /** Runs a record constructor, turning its complaint into an error at {@code at}. */
    private <T> T build(JsonElement at, String ctx, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            error(at, ctx, e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- the design

    /** The design, or null when there were errors. */
    Design read(JsonObject root) {
        Metadata metadata = metadata(object(root, "metadata", null, true));
        InputSpec input = input(object(root, "input", null, true));
        Head head = head(object(root, "head", null, true));
        JsonObject blockObjects = object(root, "blocks", null, false);
        Map<String, Block> blocks = new LinkedHashMap<>();
        if (blockObjects != null) {
            blockNames.addAll(blockObjects.keySet());
            for (var e : blockObjects.entrySet()) {
                Block b = block(e.getKey(), e.getValue());
                if (b != null) {
                    blocks.put(b.name(), b);
                }
            }
        }
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        graph(root, "", nodes, edges);
        Map<String, String> extras = extras(root, Set.of("format", "metadata", "input", "head", "nodes", "edges",
                "blocks"));
        if (!errors.isEmpty() || metadata == null || input == null || head == null) {
            return null;
        }
        return build(root, null, () -> new Design(Design.FORMAT, metadata, input, head, nodes, edges, blocks,
                extras));
    }

    /** Reads the "nodes" and "edges" of {@code o} into the lists; {@code scope} prefixes contexts. */
    private void graph(JsonObject o, String scope, List<Node> nodes, List<Edge> edges) {
        Map<String, JsonElement> nodeElements = new HashMap<>();
        for (JsonElement e : array(o, "nodes", scope.isEmpty() ? null : scope.trim())) {
            Node n = node(e, nodeElements, scope);
            if (n != null) {
                nodes.add(n);
            }
        }
        Set<String> wiredPorts = new HashSet<>();
        int k = 0;
        for (JsonElement e : array(o, "edges", scope.isEmpty() ? null : scope.trim())) {
            Edge edge = edge(e, k++, nodeElements, wiredPorts, scope);
            if (edge != null) {
                edges.add(edge);
            }
        }
    }

    private Block block(String name, JsonElement e) {
        String ctx = "block '" + name + "'";
        if (!e.isJsonObject()) {
            error(e, ctx, "a block must be an object {\"nodes\": [...], \"edges\": [...]}, got " + JsonText.compact(e));
            return null;
        }
        JsonObject o = e.getAsJsonObject();
        String description = text(o, "description", ctx, false);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        graph(o, ctx + " ", nodes, edges);
        for (String key : o.keySet()) {
            if (!Set.of("description", "nodes", "edges").contains(key)) {
                error(o.get(key), ctx, "unknown field \"" + key + "\" (a block has description, nodes, edges)");
            }
        }
        return build(o, ctx, () -> new Block(name, description, nodes, edges));
    }

    private Metadata metadata(JsonObject o) {
        if (o == null) {
            return null;
        }
        String ctx = "metadata";
        String name = text(o, "name", ctx, true);
        String description = text(o, "description", ctx, false);
        String author = text(o, "author", ctx, false);
        Instant created = instant(o, "created", ctx);
        Instant modified = instant(o, "modified", ctx);
        Map<String, String> extras = extras(o, Set.of("name", "description", "author", "created", "modified"));
        return name == null ? null : build(o, ctx, () -> new Metadata(name, description, author, created, modified,
                extras));
    }

    private InputSpec input(JsonObject o) {
        if (o == null) {
            return null;
        }
        String ctx = "input";
        if (field(o, "shape", ctx, true) == null) {
            return null;
        }
        List<Integer> shape = list(o, "shape", ctx, Integer.class);
        String dataset = text(o, "dataset", ctx, false);
        List<Double> mean = list(o, "mean", ctx, Double.class);
        List<Double> std = list(o, "std", ctx, Double.class);
        Map<String, String> extras = extras(o, Set.of("shape", "dataset", "mean", "std"));
        return build(o, ctx, () -> new InputSpec(shape, dataset, mean, std, extras));
    }

    private Head head(JsonObject o) {
        if (o == null) {
            return null;
        }
        String ctx = "head";
        String key = text(o, "loss", ctx, true);
        List<String> metrics = list(o, "metrics", ctx, String.class);
        Map<String, String> extras = extras(o, Set.of("loss", "metrics"));
        if (key == null) {
            return null;
        }
        Loss loss = Loss.byKey(key).orElse(null);
        if (loss == null) {
            error(o.get("loss"), ctx, "unknown loss \"" + key + "\" (known: " + Loss.keys() + ")");
            return null;
        }
        return build(o, ctx, () -> new Head(loss, metrics, extras));
    }

    private Node node(JsonElement e, Map<String, JsonElement> seen, String scope) {
        if (!e.isJsonObject()) {
            error(e, scope + "nodes", "each node must be an object {...}, got " + JsonText.compact(e));
            return null;
        }
        JsonObject o = e.getAsJsonObject();
        String id = text(o, "id", scope + "node", true);
        String ctx = scope + (id == null ? "node" : "node '" + id + "'");
        if (id != null && seen.containsKey(id)) {
            error(o, ctx, "the id '" + id + "' is already used by the node at line " + doc.line(seen.get(id)));
            return null;
        }
        String type = text(o, "type", ctx, true);
        String label = text(o, "label", ctx, false);
        String notes = text(o, "notes", ctx, false);
        double x = number(o, "x", ctx);
        double y = number(o, "y", ctx);
        boolean frozen = bool(o, "frozen", ctx);
        JsonObject p = object(o, "params", ctx, false);
        Map<String, ParamValue> params = new LinkedHashMap<>();
        LayerType t = type == null ? null : catalogue.find(type);
        if (type != null && t == null && !blockNames.contains(type)) {
            catalogueProblem(o.get("type"), ctx, "unknown layer type '" + type + "'" + catalogue.suggestion(type));
        }
        if (p != null) {
            for (var entry : p.entrySet()) {
                ParamValue v = paramValue(entry.getKey(), entry.getValue(), ctx);
                if (v != null) {
                    params.put(entry.getKey(), v);
                    checkParam(t, entry.getKey(), v, entry.getValue(), ctx);
                }
            }
        }
        if (t != null) {
            for (ParamSpec s : t.params()) {
                if (s.required() && !params.containsKey(s.name())) {
                    catalogueProblem(o, ctx, "parameter " + s.name() + " is required (e.g. " + s.defaultValue()
                            + ")");
                }
            }
        }
        Map<String, String> extras = extras(o, Set.of("id", "type", "label", "params", "x", "y", "frozen", "notes"));
        if (id == null || type == null) {
            return null;
        }
        Node node = build(o, ctx, () -> new Node(id, type, params, x, y, label, notes, frozen, extras));
        if (node != null) {
            seen.put(id, o);
        }
        return node;
    }

    private ParamValue paramValue(String name, JsonElement e, String ctx) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                return ParamValue.of(p.getAsBoolean());
            }
            if (p.isString()) {
                return ParamValue.of(p.getAsString());
            }
            if (JsonText.isInteger(p)) {
                return ParamValue.of(p.getAsInt());
            }
            double d = p.getAsDouble();
            if (Double.isFinite(d)) {
                return ParamValue.of(d);
            }
        } else if (e.isJsonArray() && !e.getAsJsonArray().isEmpty()) {
            JsonArray a = e.getAsJsonArray();
            int[] ints = new int[a.size()];
            boolean ok = true;
            for (int i = 0; i < ints.length && ok; i++) {
                JsonElement x = a.get(i);
                ok = x.isJsonPrimitive() && JsonText.isInteger(x.getAsJsonPrimitive());
                ints[i] = ok ? x.getAsInt() : 0;
            }
            if (ok) {
                return ParamValue.ofInts(ints);
            }
        }
        error(e, ctx, "parameter " + name + " must be a number, true/false, text or a list of integers, got "
                + JsonText.compact(e));
        return null;
    }

    private void checkParam(LayerType t, String name, ParamValue v, JsonElement at, String ctx) {
        if (t == null) {
            return;
        }
        ParamSpec spec = t.param(name).orElse(null);
        if (spec == null) {
            catalogueProblem(at, ctx, "unknown parameter '" + name + "' for " + t.name() + (t.params().isEmpty()
                    ? " (it has none)" : " (known: " + String.join(", ", t.params().stream().map(ParamSpec::name)
                            .toList()) + ")"));
            return;
        }
        String bad = spec.check(v);
        if (bad != null) {
            catalogueProblem(at, ctx, bad);
        }
    }

    private Edge edge(JsonElement e, int k, Map<String, JsonElement> nodes, Set<String> wiredPorts, String scope) {
        String ctx = scope + "edge " + (k + 1);
        if (!e.isJsonObject()) {
            error(e, ctx, "each edge must be an object {\"from\": ..., \"to\": ...}, got " + JsonText.compact(e));
            return null;
        }
        JsonObject o = e.getAsJsonObject();
        String from = text(o, "from", ctx, true);
        String to = text(o, "to", ctx, true);
        Integer fromPort = integer(o, "from_port", ctx, 0);
        Integer toPort = integer(o, "to_port", ctx, 0);
        Map<String, String> extras = extras(o, Set.of("from", "from_port", "to", "to_port"));
        if (from == null || to == null) {
            return null;
        }
        ctx = scope + "edge " + (k + 1) + " (" + from + " -> " + to + ")";
        for (String end : new String[] {from, to}) {
            if (!nodes.containsKey(end)) {
                error(o, ctx, "no node '" + end + "'");
                return null;
            }
        }
        int tp = toPort == null ? 0 : toPort;
        if (!wiredPorts.add(to + ":" + tp)) {
            error(o, ctx, "input port " + tp + " of '" + to + "' already has a wire (an input takes one wire)");
            return null;
        }
        int fp = fromPort == null ? 0 : fromPort;
        return build(o, ctx, () -> new Edge(from, fp, to, tp, extras));
    }
}
