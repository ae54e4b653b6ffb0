package io.netwright.graph;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a layer's parameter schema: the PyTorch name ({@code out_channels}), the {@link ParamType}, the
 * default, the accepted {@link Range} (per integer for pairs and lists), the accepted texts ({@code choices}; for
 * {@link ParamType#CHOICE} the only values, for {@link ParamType#INT_PAIR} extra spellings such as
 * {@code "same"}), whether {@code "auto"} (infer from the input) is accepted, and a one-line doc for the property
 * sheet.
 *
 * <p>A {@code required} parameter mirrors a positional argument in PyTorch ({@code out_channels}): a node must set
 * it, and {@link LayerType#newNode} fills it in with the default when a layer is dropped from the palette.
 */
public record ParamSpec(String name, ParamType type, ParamValue defaultValue, boolean required, Range range,
        List<String> choices, boolean autoAllowed, String doc) {

    /** Validates the spec and that its default is one of its own accepted values. */
    public ParamSpec {
        Checks.requireId(name, "parameter name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        range = range == null ? Range.ANY : range;
        choices = List.copyOf(choices == null ? List.of() : choices);
        Objects.requireNonNull(doc, "doc");
        if (type == ParamType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter " + name + " needs choices");
        }
        String bad = problem(name, type, range, choices, autoAllowed, defaultValue);
        if (bad != null) {
            throw new IllegalArgumentException("default of " + bad);
        }
    }

    // ---------------------------------------------------------------- builders

    /** An integer parameter. */
    public static ParamSpec ofInt(String name, int dflt, Range range, String doc) {
        return new ParamSpec(name, ParamType.INT, ParamValue.of(dflt), false, range, List.of(), false, doc);
    }

    /** A number parameter. */
    public static ParamSpec ofFloat(String name, double dflt, Range range, String doc) {
        return new ParamSpec(name, ParamType.FLOAT, ParamValue.of(dflt), false, range, List.of(), false, doc);
    }

    /** A boolean parameter. */
    public static ParamSpec ofBool(String name, boolean dflt, String doc) {
        return new ParamSpec(name, ParamType.BOOL, ParamValue.of(dflt), false, Range.ANY, List.of(), false, doc);
    }

    /** A choice among {@code choices}; the first is the default. */
    public static ParamSpec ofChoice(String name, List<String> choices, String doc) {
        return new ParamSpec(name, ParamType.CHOICE, ParamValue.of(choices.get(0)), false, Range.ANY, choices,
                false, doc);
    }

    /** An integer-or-pair parameter defaulting to {@code (dflt, dflt)}. */
    public static ParamSpec ofPair(String name, int dflt, Range range, String doc) {
        return new ParamSpec(name, ParamType.INT_PAIR, ParamValue.of(dflt), false, range, List.of(), false, doc);
    }

    /** An integer-or-list parameter. */
    public static ParamSpec ofInts(String name, ParamValue dflt, Range range, String doc) {
        return new ParamSpec(name, ParamType.INT_LIST, dflt, false, range, List.of(), false, doc);
    }

    /** This spec marked required (a node must set it). */
    public ParamSpec asRequired() {
        return new ParamSpec(name, type, defaultValue, true, range, choices, autoAllowed, doc);
    }

    /** This spec accepting {@code "auto"} and defaulting to it. */
    public ParamSpec autoByDefault() {
        return new ParamSpec(name, type, ParamValue.AUTO, required, range, choices, true, doc);
    }

    /** This spec also accepting the given texts (for pairs such as {@code padding="same"}). */
    public ParamSpec alsoAccepting(String... texts) {
        return new ParamSpec(name, type, defaultValue, required, range, List.of(texts), autoAllowed, doc);
    }

    // ---------------------------------------------------------------- checking

    /**
     * Null when {@code v} suits this parameter, otherwise what is wrong in the words of the design-file errors:
     * {@code parameter kernel_size must be a positive integer or pair, got -1}.
     */
    public String check(ParamValue v) {
        return problem(name, type, range, choices, autoAllowed, v);
    }

    /** What this parameter accepts, e.g. {@code a positive integer or pair}. */
    public String expected() {
        return expected(type, range, choices, autoAllowed);
    }

    private static String problem(String name, ParamType type, Range range, List<String> choices, boolean auto,
            ParamValue v) {
        return accepts(type, range, choices, auto, v) ? null
                : "parameter " + name + " must be " + expected(type, range, choices, auto) + ", got " + v;
    }

    private static boolean accepts(ParamType type, Range range, List<String> choices, boolean auto, ParamValue v) {
        if (v instanceof ParamValue.AutoValue) {
            return auto;
        }
        if (v instanceof ParamValue.TextValue t && type != ParamType.CHOICE) {
            return choices.contains(t.value());
        }
        return switch (type) {
            case INT -> v instanceof ParamValue.IntValue i && range.contains(i.value());
            case FLOAT -> v instanceof ParamValue.IntValue i && range.contains(i.value())
                    || v instanceof ParamValue.FloatValue f && range.contains(f.value());
            case BOOL -> v instanceof ParamValue.BoolValue;
            case CHOICE -> v instanceof ParamValue.TextValue t && choices.contains(t.value());
            case INT_PAIR -> v instanceof ParamValue.IntValue i && range.contains(i.value())
                    || v instanceof ParamValue.IntsValue l && l.size() == 2 && allIn(l, range);
            case INT_LIST -> v instanceof ParamValue.IntValue i && range.contains(i.value())
                    || v instanceof ParamValue.IntsValue l && allIn(l, range);
        };
    }

    private static boolean allIn(ParamValue.IntsValue l, Range range) {
        for (int x : l.values()) {
            if (!range.contains(x)) {
                return false;
            }
        }
        return true;
    }

    private static String expected(ParamType type, Range range, List<String> choices, boolean auto) {
        boolean integer = type != ParamType.FLOAT;
        String adj = range.adjective(integer);
        String suf = range.suffix(integer);
        String base = switch (type) {
            case INT -> article(adj, "integer") + suf;
            case FLOAT -> article(adj, "number") + suf;
            case BOOL -> "true or false";
            case CHOICE -> "one of " + quoted(choices);
            case INT_PAIR -> article(adj, "integer") + " or pair" + (suf.isEmpty() ? "" : " (each" + suf + ")");
            case INT_LIST -> article(adj, "integer") + " or list of integers" + (suf.isEmpty() ? ""
                    : " (each" + suf + ")");
        };
        if (type != ParamType.CHOICE && !choices.isEmpty()) {
            base += ", or " + quoted(choices);
        }
        return auto ? base + ", or \"auto\"" : base;
    }

    private static String article(String adj, String noun) {
        String words = adj + noun;
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    private static String quoted(List<String> choices) {
        return String.join(", ", choices.stream().map(c -> '"' + c + '"').toList());
    }
}
