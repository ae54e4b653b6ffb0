package io.netwright.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One layer placed in a design: its id (unique in the design, a valid identifier because it becomes the attribute
 * name of the compiled and exported module: {@code conv1} gives state-dict keys {@code conv1.weight}), its layer
 * type (a name from the {@link Catalogue}, e.g. {@code Conv2d}), the parameters set explicitly (in order; a
 * parameter left out takes the catalogue default), its editor position, an optional label and notes, whether its
 * parameters are frozen, and fields of a newer file format kept as raw JSON so they survive a round trip.
 *
 * <p>Immutable: edits return a new node ({@link #withParam}, {@link #withPosition}, ...).
 *
 * <pre>{@code Node conv = Node.of("conv1", "Conv2d").withParam("out_channels", 6).withParam("kernel_size", 5);}</pre>
 *
 * @param label  text shown instead of the id in the editor; empty for none
 * @param notes  free text; empty for none
 * @param frozen whether the layer's parameters are excluded from training ({@code requires_grad=False})
 * @param extras unknown fields (name → raw JSON text), preserved on save
 */
public record Node(String id, String type, Map<String, ParamValue> params, double x, double y, String label,
        String notes, boolean frozen, Map<String, String> extras) {

    /** Validates the id, the type and the position; copies the maps keeping their order. */
    public Node {
        Checks.requireId(id, "node id");
        Objects.requireNonNull(type, "type");
        if (!Checks.ID.matcher(type).matches()) {
            throw new IllegalArgumentException("node '" + id + "': layer type '" + type + "' is not a valid name");
        }
        params = Checks.orderedCopy(params, "node '" + id + "' parameter");
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("node '" + id + "': position must be finite, got (" + x + ", " + y
                    + ")");
        }
        label = Checks.text(label);
        notes = Checks.text(notes);
        extras = Checks.orderedCopy(extras, "node '" + id + "' field");
    }

    /** A node at {@code (x, y)} with the given parameters, no label or notes. */
    public Node(String id, String type, Map<String, ParamValue> params, double x, double y) {
        this(id, type, params, x, y, "", "", false, Map.of());
    }

    /** A node at the origin with no parameters set (every parameter takes its default). */
    public static Node of(String id, String type) {
        return new Node(id, type, Map.of(), 0, 0);
    }

    /** The explicitly set value of {@code name}, or null when it takes the default. */
    public ParamValue param(String name) {
        return params.get(name);
    }

    // ---------------------------------------------------------------- withers

    /** This node with {@code name} set to {@code value} (kept in place if already set, appended otherwise). */
    public Node withParam(String name, ParamValue value) {
        Objects.requireNonNull(value, "value");
        Map<String, ParamValue> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return new Node(id, type, p, x, y, label, notes, frozen, extras);
    }

    /** This node with integer parameter {@code name} set. */
    public Node withParam(String name, int value) {
        return withParam(name, ParamValue.of(value));
    }

    /** This node with float parameter {@code name} set. */
    public Node withParam(String name, double value) {
        return withParam(name, ParamValue.of(value));
    }

    /** This node with boolean parameter {@code name} set. */
    public Node withParam(String name, boolean value) {
        return withParam(name, ParamValue.of(value));
    }

    /** This node with text/choice parameter {@code name} set ({@code "auto"} means infer it). */
    public Node withParam(String name, String value) {
        return withParam(name, ParamValue.of(value));
    }

    /** This node with {@code name} back to its default. */
    public Node withoutParam(String name) {
        if (!params.containsKey(name)) {
            return this;
        }
        Map<String, ParamValue> p = new LinkedHashMap<>(params);
        p.remove(name);
        return new Node(id, type, p, x, y, label, notes, frozen, extras);
    }

    /** This node with exactly the given parameters. */
    public Node withParams(Map<String, ParamValue> newParams) {
        return new Node(id, type, newParams, x, y, label, notes, frozen, extras);
    }

    /** This node under another id (use {@link Design#renameNode} inside a design so edges follow). */
    public Node withId(String newId) {
        return new Node(newId, type, params, x, y, label, notes, frozen, extras);
    }

    /** This node moved to {@code (newX, newY)}. */
    public Node withPosition(double newX, double newY) {
        return new Node(id, type, params, newX, newY, label, notes, frozen, extras);
    }

    /** This node with another label (empty for none). */
    public Node withLabel(String newLabel) {
        return new Node(id, type, params, x, y, newLabel, notes, frozen, extras);
    }

    /** This node with other notes (empty for none). */
    public Node withNotes(String newNotes) {
        return new Node(id, type, params, x, y, label, newNotes, frozen, extras);
    }

    /** This node frozen (parameters not trained) or not. */
    public Node withFrozen(boolean newFrozen) {
        return new Node(id, type, params, x, y, label, notes, newFrozen, extras);
    }

    /** This node with other unknown fields. */
    public Node withExtras(Map<String, String> newExtras) {
        return new Node(id, type, params, x, y, label, notes, frozen, newExtras);
    }

    /** The label if set, else the id: what the editor shows. */
    public String displayName() {
        return label.isEmpty() ? id : label;
    }
}
