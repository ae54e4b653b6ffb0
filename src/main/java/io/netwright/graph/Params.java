package io.netwright.graph;

import java.util.List;

/**
 * A node's parameters resolved against its layer's schema: every parameter of the schema has a value (set in the
 * node, else the default). The typed getters assume the values were checked with {@link ParamSpec#check} (the
 * analyzer does this before running a shape rule) and throw {@link IllegalStateException} otherwise.
 *
 * <pre>{@code Params p = Params.of(type, node); int[] k = p.pair("kernel_size"); boolean b = p.bool("bias");}</pre>
 */
public final class Params {

    private final List<ParamSpec> specs;
    private final ParamValue[] values;

    private Params(List<ParamSpec> specs, ParamValue[] values) {
        this.specs = specs;
        this.values = values;
    }

    /** The parameters of {@code node} under {@code type}'s schema; names the schema lacks are ignored. */
    public static Params of(LayerType type, Node node) {
        List<ParamSpec> specs = type.params();
        ParamValue[] values = new ParamValue[specs.size()];
        var set = node.params();
        for (int i = 0; i < values.length; i++) {
            ParamSpec s = specs.get(i);
            ParamValue v = set.isEmpty() ? null : set.get(s.name());
            values[i] = v != null ? v : s.defaultValue();
        }
        return new Params(specs, values);
    }

    /** The value of {@code name} (set or default). */
    public ParamValue get(String name) {
        for (int i = 0; i < values.length; i++) {
            if (specs.get(i).name().equals(name)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "' in this schema");
    }

    /** Whether {@code name} is {@code "auto"}. */
    public boolean isAuto(String name) {
        return get(name) instanceof ParamValue.AutoValue;
    }

    /** Whether {@code name} holds a text (e.g. {@code padding="same"}). */
    public boolean isText(String name) {
        return get(name) instanceof ParamValue.TextValue;
    }

    /** An integer parameter. */
    public int integer(String name) {
        if (get(name) instanceof ParamValue.IntValue i) {
            return i.value();
        }
        throw wrong(name, "an integer");
    }

    /** A number parameter (integers widen). */
    public double number(String name) {
        ParamValue v = get(name);
        if (v instanceof ParamValue.FloatValue f) {
            return f.value();
        }
        if (v instanceof ParamValue.IntValue i) {
            return i.value();
        }
        throw wrong(name, "a number");
    }

    /** A boolean parameter. */
    public boolean bool(String name) {
        if (get(name) instanceof ParamValue.BoolValue b) {
            return b.value();
        }
        throw wrong(name, "a boolean");
    }

    /** A text parameter (a choice, or the text form of a pair such as {@code "same"}). */
    public String text(String name) {
        if (get(name) instanceof ParamValue.TextValue t) {
            return t.value();
        }
        throw wrong(name, "a text");
    }

    /** An integer-or-pair parameter as {@code {first, second}} ({@code 5} gives {@code {5, 5}}). */
    public int[] pair(String name) {
        ParamValue v = get(name);
        if (v instanceof ParamValue.IntValue i) {
            return new int[] {i.value(), i.value()};
        }
        if (v instanceof ParamValue.IntsValue l && l.size() == 2) {
            return new int[] {l.get(0), l.get(1)};
        }
        throw wrong(name, "an integer or pair");
    }

    /** An integer-or-list parameter as an array ({@code 5} gives {@code {5}}). */
    public int[] ints(String name) {
        ParamValue v = get(name);
        if (v instanceof ParamValue.IntValue i) {
            return new int[] {i.value()};
        }
        if (v instanceof ParamValue.IntsValue l) {
            int[] a = new int[l.size()];
            for (int k = 0; k < a.length; k++) {
                a[k] = l.get(k);
            }
            return a;
        }
        throw wrong(name, "an integer list");
    }

    private IllegalStateException wrong(String name, String what) {
        return new IllegalStateException("parameter " + name + " is not " + what + ": " + get(name));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(specs.get(i).name()).append('=').append(values[i]);
        }
        return sb.toString();
    }
}
