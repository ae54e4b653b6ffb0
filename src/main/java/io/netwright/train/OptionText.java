package io.netwright.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one-line text form of a free option map, as the run form edits optimizer and schedule options:
 * {@code momentum=0.9, nesterov=true, betas=[0.9, 0.999], anneal_strategy=cos}. Numbers become doubles, {@code true}
 * / {@code false} booleans, {@code [..]} lists of numbers, anything else a string. Shared by the studio's run form
 * and the command line's {@code --schedule-options}, so both read the same text the same way.
 */
public final class OptionText {

    private OptionText() {
    }

    /**
     * Parses {@code text}; blank gives an empty map.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code name=value}
     */
    public static Map<String, Object> parse(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String entry : split(text == null ? "" : text)) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + entry.strip() + "' is not name=value — write e.g. "
                        + "momentum=0.9, betas=[0.9, 0.999]");
            }
            String key = entry.substring(0, eq).strip();
            String value = entry.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("'" + key + "' has no value — write " + key + "=VALUE");
            }
            out.put(key, value(key, value));
        }
        return out;
    }

    private static Object value(String key, String v) {
        if (v.startsWith("[")) {
            if (!v.endsWith("]")) {
                throw new IllegalArgumentException("'" + key + "': the list " + v + " is missing its closing ]");
            }
            List<Object> list = new ArrayList<>();
            for (String part : v.substring(1, v.length() - 1).split("[,\\s]+")) {
                if (!part.isBlank()) {
                    Object o = value(key, part.strip());
                    if (!(o instanceof Double)) {
                        throw new IllegalArgumentException("'" + key + "': list items must be numbers, got " + part);
                    }
                    list.add(o);
                }
            }
            return list;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.valueOf(lower);
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** Splits on commas outside brackets. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** The text form of {@code options} (a round trip through {@link #parse} gives an equal map). */
    public static String format(Map<String, ?> options) {
        StringBuilder sb = new StringBuilder();
        options.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(formatValue(v));
        });
        return sb.toString();
    }

    private static String formatValue(Object v) {
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(formatValue(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v);
    }

    /** {@code 0.9}, {@code 5}, {@code 1e-4}: as the CLI and run summaries print numbers ({@link NumberText}). */
    public static String number(double d) {
        return NumberText.compact(d);
    }
}
