package io.netwright.ui.editor;

import io.netwright.graph.ParamSpec;
import io.netwright.graph.ParamValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Text ↔ parameter value for the property sheet's text editors: {@code 5}, {@code 3, 5}, {@code [3, 5]},
 * {@code 3x5}, {@code 0.5}, {@code auto}, {@code same}. Parsing checks the value against the schema at once, so the
 * editor can show what is wrong while the user types.
 */
public final class ParamText {

    private ParamText() {
    }

    /** A parsed value, or the reason the text is not acceptable. */
    public record Parsed(ParamValue value, String problem) {
        /** Whether the text gives an acceptable value. */
        public boolean ok() {
            return problem == null;
        }
    }

    /** The text shown for {@code v}: {@code 5}, {@code 3, 5}, {@code auto}, {@code same}, {@code 0.5}. */
    public static String format(ParamValue v) {
        if (v instanceof ParamValue.IntsValue l) {
            return String.join(", ", l.values().stream().map(String::valueOf).toList());
        }
        if (v instanceof ParamValue.TextValue t) {
            return t.value();
        }
        if (v instanceof ParamValue.AutoValue) {
            return "auto";
        }
        return String.valueOf(v);
    }

    /** Parses {@code text} for {@code spec}; the problem says what the parameter accepts. */
    public static Parsed parse(ParamSpec spec, String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty()) {
            return new Parsed(null, spec.name() + " needs a value: " + spec.expected());
        }
        ParamValue v = toValue(spec, s);
        if (v == null) {
            return new Parsed(null, spec.name() + " must be " + spec.expected() + ", got \"" + s + "\"");
        }
        String bad = spec.check(v);
        return bad == null ? new Parsed(v, null) : new Parsed(null, bad);
    }

    private static ParamValue toValue(ParamSpec spec, String s) {
        if (s.equalsIgnoreCase("auto")) {
            return ParamValue.AUTO;
        }
        switch (spec.type()) {
            case BOOL -> {
                return s.equalsIgnoreCase("true") ? ParamValue.of(true) : s.equalsIgnoreCase("false")
                        ? ParamValue.of(false) : null;
            }
            case CHOICE -> {
                return ParamValue.of(s);
            }
            case FLOAT -> {
                try {
                    double d = Double.parseDouble(s);
                    return Double.isFinite(d) ? ParamValue.of(d) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            default -> {
                List<Integer> ints = ints(s);
                if (ints == null) {
                    return s.matches("[A-Za-z_]+") ? ParamValue.of(s) : null;
                }
                if (spec.type() == io.netwright.graph.ParamType.INT) {
                    return ints.size() == 1 ? ParamValue.of(ints.get(0)) : null;
                }
                return ints.size() == 1 ? ParamValue.of(ints.get(0))
                        : ParamValue.ofInts(ints.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }

    /** {@code "3, 5"}, {@code "[3,5]"}, {@code "3x5"}, {@code "(3 5)"} → [3, 5]; null when not integers. */
    private static List<Integer> ints(String s) {
        String body = s.replaceAll("^[\\[(]|[\\])]$", "").trim();
        if (body.isEmpty()) {
            return null;
        }
        List<Integer> out = new ArrayList<>();
        for (String part : body.split("\\s*[,x×\\s]\\s*")) {
            try {
                out.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }
}
