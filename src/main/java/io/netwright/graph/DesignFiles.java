package io.netwright.graph;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Design files: JSON with a {@code format} version, fixed key order and diff-friendly pretty printing. Older
 * formats are migrated on read ({@link DesignMigrations}); fields this version does not know are kept and written
 * back. Errors name the file, the line and the field:
 * {@code lenet5.json: line 14: node 'conv2': parameter kernel_size must be a positive integer or pair, got -1}.
 *
 * <pre>{@code
 * Design d = DesignFiles.read(Path.of("samples/designs/lenet5.json"));
 * DesignFiles.write(Path.of("mine.json"), d.withParam("conv1", "out_channels", ParamValue.of(8)));
 * }</pre>
 *
 * <p>A file looks like this (format 1):
 * <pre>{@code
 * {
 *   "format": 1,
 *   "metadata": {"name": ..., "description": ..., "author": ..., "created": ..., "modified": ...},
 *   "input": {"shape": [1, 28, 28], "dataset": "fashion-mnist-small", "mean": [0.286], "std": [0.353]},
 *   "head": {"loss": "cross_entropy", "metrics": ["accuracy"]},
 *   "nodes": [
 *     {"id": "input", "type": "Input", "x": 0, "y": 0},
 *     {
 *       "id": "conv1",
 *       "type": "Conv2d",
 *       "params": {"out_channels": 6, "kernel_size": 5, "padding": 2},
 *       "x": 0,
 *       "y": 80
 *     }
 *   ],
 *   "edges": [{"from": "input", "to": "conv1"}, {"from": "a", "to": "add1", "to_port": 1}]
 * }
 * }</pre>
 * Parameters left out take the catalogue default; {@code "auto"} asks for inference from the input.
 */
public final class DesignFiles {

    private DesignFiles() {
    }

    /** A design read leniently, with the catalogue problems that a strict read would have refused. */
    public record Loaded(Design design, List<String> problems) {
        /** Copies the problems. */
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    // ================================================================ reading

    /**
     * Reads a design, refusing it when anything is wrong, including unknown layer types or parameters and
     * parameter values out of range.
     *
     * @throws DesignFileException listing every problem with its line
     * @throws IOException         when the file cannot be read
     */
    public static Design read(Path file) throws IOException {
        return io.netwright.files.ReadGuard.read(file.getFileName(), "design", "fix the file or open another "
                + "design", () -> parse(readText(file), file.getFileName().toString()));
    }

    /**
     * Reads a design for editing: catalogue problems (unknown types or parameters, values out of range) are
     * returned rather than thrown, so the editor can show the design and let the user fix them.
     *
     * @throws DesignFileException when the file itself is broken (syntax, field types, wires to missing nodes)
     */
    public static Loaded load(Path file) throws IOException {
        return io.netwright.files.ReadGuard.read(file.getFileName(), "design", "fix the file or open another "
                + "design", () -> parse(readText(file), file.getFileName().toString(), Catalogue.standard(), false));
    }

    /** Like {@link #read} on text; {@code source} names it in errors (a file name). */
    public static Design parse(String json, String source) throws DesignFileException {
        return parse(json, source, Catalogue.standard(), true).design();
    }

    /** Parses {@code json} against {@code catalogue}; strict refuses catalogue problems too. */
    public static Loaded parse(String json, String source, Catalogue catalogue, boolean strict)
            throws DesignFileException {
        JsonText.Parsed doc;
        try {
            doc = JsonText.parse(json);
        } catch (JsonText.SyntaxError e) {
            throw new DesignFileException(List.of(source + ": line " + e.line + ": " + e.getMessage()));
        }
        if (!doc.root().isJsonObject()) {
            throw new DesignFileException(List.of(source + ": line " + doc.line(doc.root())
                    + ": a design file must hold an object {...}"));
        }
        JsonObject root = doc.root().getAsJsonObject();
        int format = format(root, source, doc);
        List<String> migrationErrors = new ArrayList<>();
        if (format < Design.FORMAT) {
            root = DesignMigrations.migrate(root, format, doc.lines(), (at, message) -> migrationErrors.add(
                    source + ": " + (doc.line(at) > 0 ? "line " + doc.line(at) + ": " : "") + message));
        }
        DesignReader reader = new DesignReader(source, doc, catalogue);
        Design design = reader.read(root);
        List<String> errors = new ArrayList<>(migrationErrors);
        errors.addAll(reader.errors);
        if (strict) {
            errors.addAll(reader.catalogueProblems);
        }
        if (!errors.isEmpty() || design == null) {
            throw new DesignFileException(errors.isEmpty() ? List.of(source + ": cannot be read") : errors);
        }
        return new Loaded(design, reader.catalogueProblems);
    }

    private static int format(JsonObject root, String source, JsonText.Parsed doc) throws DesignFileException {
        JsonElement f = root.get("format");
        if (f == null) {
            return 0; // the first files had no format field
        }
        if (!f.isJsonPrimitive() || !JsonText.isInteger(f.getAsJsonPrimitive()) || f.getAsInt() < 0) {
            throw new DesignFileException(List.of(source + ": line " + doc.line(f)
                    + ": \"format\" must be a non-negative integer, got " + JsonText.compact(f)));
        }
        if (f.getAsInt() > Design.FORMAT) {
            throw new DesignFileException(List.of(source + ": line " + doc.line(f) + ": format " + f.getAsInt()
                    + " is newer than this version of Netwright reads (" + Design.FORMAT + ") — update Netwright"));
        }
        return f.getAsInt();
    }

    private static String readText(Path file) throws IOException {
        byte[] bytes = io.netwright.files.InputFiles.readBytes(file, io.netwright.files.InputFiles.TEXT_LIMIT,
                "design (.json)");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DesignFileException(List.of(file.getFileName() + ": is not UTF-8 text"));
        }
    }

    // ================================================================ writing

    /** Writes {@code design} to {@code file} atomically: a reader sees the old file or the new one, never half. */
    public static void write(Path file, Design design) throws IOException {
        writeAtomically(file, toJson(design).getBytes(StandardCharsets.UTF_8));
    }

    /** The file text of {@code design}: keys in a fixed order, pretty printed, ending in a newline. */
    public static String toJson(Design design) {
        return JsonText.pretty(tree(design, Catalogue.standard()));
    }

    static JsonObject tree(Design d, Catalogue catalogue) {
        JsonObject root = new JsonObject();
        root.addProperty("format", Design.FORMAT);
        Metadata m = d.metadata();
        JsonObject meta = new JsonObject();
        meta.addProperty("name", m.name());
        putIfNotEmpty(meta, "description", m.description());
        putIfNotEmpty(meta, "author", m.author());
        if (m.created() != null) {
            meta.addProperty("created", m.created().toString());
        }
        if (m.modified() != null) {
            meta.addProperty("modified", m.modified().toString());
        }
        addExtras(meta, m.extras(), "metadata");
        root.add("metadata", meta);
        InputSpec in = d.input();
        JsonObject input = new JsonObject();
        input.add("shape", ints(in.shape()));
        putIfNotEmpty(input, "dataset", in.dataset());
        if (!in.mean().isEmpty()) {
            input.add("mean", numbers(in.mean()));
            input.add("std", numbers(in.std()));
        }
        addExtras(input, in.extras(), "input");
        root.add("input", input);
        JsonObject head = new JsonObject();
        head.addProperty("loss", d.head().loss().key());
        JsonArray metrics = new JsonArray();
        d.head().metrics().forEach(metrics::add);
        head.add("metrics", metrics);
        addExtras(head, d.head().extras(), "head");
        root.add("head", head);
        root.add("nodes", nodes(d.nodes(), catalogue));
        root.add("edges", edges(d.edges()));
        if (!d.blocks().isEmpty()) {
            JsonObject blocks = new JsonObject();
            for (Block b : d.blocks().values()) {
                JsonObject o = new JsonObject();
                putIfNotEmpty(o, "description", b.description());
                o.add("nodes", nodes(b.nodes(), catalogue));
                o.add("edges", edges(b.edges()));
                blocks.add(b.name(), o);
            }
            root.add("blocks", blocks);
        }
        addExtras(root, d.extras(), "design");
        return root;
    }

    private static JsonArray nodes(List<Node> list, Catalogue catalogue) {
        JsonArray nodes = new JsonArray();
        for (Node n : list) {
            nodes.add(node(n, catalogue));
        }
        return nodes;
    }

    private static JsonArray edges(List<Edge> list) {
        JsonArray edges = new JsonArray();
        for (Edge e : list) {
            JsonObject o = new JsonObject();
            o.addProperty("from", e.from());
            if (e.fromPort() != 0) {
                o.addProperty("from_port", e.fromPort());
            }
            o.addProperty("to", e.to());
            if (e.toPort() != 0) {
                o.addProperty("to_port", e.toPort());
            }
            addExtras(o, e.extras(), "edge " + e);
            edges.add(o);
        }
        return edges;
    }

    private static JsonObject node(Node n, Catalogue catalogue) {
        JsonObject o = new JsonObject();
        o.addProperty("id", n.id());
        o.addProperty("type", n.type());
        putIfNotEmpty(o, "label", n.label());
        if (!n.params().isEmpty()) {
            // schema order first, so the file does not depend on the order edits happened in
            JsonObject params = new JsonObject();
            Set<String> done = new HashSet<>();
            LayerType t = catalogue.find(n.type());
            if (t != null) {
                for (ParamSpec s : t.params()) {
                    ParamValue v = n.param(s.name());
                    if (v != null) {
                        params.add(s.name(), value(v));
                        done.add(s.name());
                    }
                }
            }
            for (var e : n.params().entrySet()) {
                if (!done.contains(e.getKey())) {
                    params.add(e.getKey(), value(e.getValue()));
                }
            }
            o.add("params", params);
        }
        o.add("x", coordinate(n.x()));
        o.add("y", coordinate(n.y()));
        if (n.frozen()) {
            o.addProperty("frozen", true);
        }
        putIfNotEmpty(o, "notes", n.notes());
        addExtras(o, n.extras(), "node '" + n.id() + "'");
        return o;
    }

    private static JsonElement value(ParamValue v) {
        if (v instanceof ParamValue.IntValue i) {
            return new JsonPrimitive(i.value());
        } else if (v instanceof ParamValue.FloatValue f) {
            return new JsonPrimitive(f.value());
        } else if (v instanceof ParamValue.BoolValue b) {
            return new JsonPrimitive(b.value());
        } else if (v instanceof ParamValue.TextValue t) {
            return new JsonPrimitive(t.value());
        } else if (v instanceof ParamValue.IntsValue l) {
            return ints(l.values());
        }
        return new JsonPrimitive("auto");
    }

    private static JsonElement coordinate(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? new JsonPrimitive((long) v) : new JsonPrimitive(v);
    }

    private static JsonArray ints(List<Integer> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static JsonArray numbers(List<Double> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    private static void putIfNotEmpty(JsonObject o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.addProperty(key, value);
        }
    }

    private static void addExtras(JsonObject o, Map<String, String> extras, String where) {
        for (var e : extras.entrySet()) {
            if (o.has(e.getKey())) {
                throw new IllegalArgumentException(where + ": unknown field '" + e.getKey()
                        + "' clashes with a known one");
            }
            try {
                o.add(e.getKey(), JsonText.parse(e.getValue()).root());
            } catch (JsonText.SyntaxError ex) {
                throw new IllegalArgumentException(where + ": field '" + e.getKey() + "' does not hold JSON: "
                        + ex.getMessage(), ex);
            }
        }
    }

    // ================================================================ atomic write

    /** Writes to a temporary file in the same folder, syncs it, then renames it over {@code target}. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: that makes the file owner-only (0600); a design file gets the usual
        // permissions (umask applies), or keeps those of the file it replaces.
        Path tmp = dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            var view = Files.getFileAttributeView(target, java.nio.file.attribute.PosixFileAttributeView.class);
            if (view != null && Files.isRegularFile(target)) {
                Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
