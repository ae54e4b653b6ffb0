package io.netwright.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helpers for the free-form option maps of configs ({@code {"lr": 0.1, "momentum": 0.9}}): numbers are stored as
 * {@link Double} so a map equals itself after a JSON round trip, and typed getters name the option in errors.
 */
final class Options {

    private Options() {
    }

    /** An unmodifiable, ordered copy with numbers as Double; only JSON-friendly values are allowed. */
    static Map<String, Object> normalize(Map<String, ?> options, String owner) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (options != null) {
            options.forEach((k, v) -> {
                if (k == null || k.isBlank()) {
                    throw new IllegalArgumentException(owner + ": option names must not be blank");
                }
                out.put(k, value(v, owner + " option '" + k + "'"));
            });
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object value(Object v, String what) {
        if (v == null || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(value(o, what));
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double d : a) {
                out.add(d);
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof int[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (int d : a) {
                out.add((double) d);
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException(what + ": a " + v.getClass().getSimpleName() + " cannot be stored in a "
                + "config — use numbers, booleans, strings or lists of them");
    }

    /**
     * The entries of {@code options} in a fixed order — {@code first} (if given and present), then by name — so
     * configs print and serialise the same whatever map they were built from.
     */
    static Map<String, ?> ordered(Map<String, ?> options, String first) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (options == null) {
            return out;
        }
        if (first != null && options.containsKey(first)) {
            out.put(first, options.get(first));
        }
        new java.util.TreeMap<String, Object>(options).forEach(out::putIfAbsent);
        return out;
    }

    /** A number option, or {@code dflt} when absent. */
    static double number(Map<String, Object> m, String key, double dflt, String owner) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(owner + ": option '" + key + "' must be a number, got " + v);
    }

    /** A whole-number option, or {@code dflt} when absent. */
    static int integer(Map<String, Object> m, String key, int dflt, String owner) {
        double d = number(m, key, dflt, owner);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(owner + ": option '" + key + "' must be a whole number, got " + d);
        }
        return (int) d;
    }

    /** A string option, or {@code dflt} when absent. */
    static String string(Map<String, Object> m, String key, String dflt, String owner) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(owner + ": option '" + key + "' must be a string, got " + v);
    }

    /** A list-of-whole-numbers option, or {@code dflt} when absent. */
    static int[] integers(Map<String, Object> m, String key, int[] dflt, String owner) {
        Object v = m.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(owner + ": option '" + key + "' must be a list of whole numbers, got "
                    + v);
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException(owner + ": option '" + key + "' must be a list of whole numbers, "
                        + "got " + v);
            }
            out[i] = n.intValue();
        }
        return out;
    }

    /** Throws naming the first key of {@code m} not in {@code known}. */
    static void requireKnown(Map<String, Object> m, List<String> known, String owner) {
        for (String k : m.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(owner + " has no option '" + k + "'; its options are "
                        + (known.isEmpty() ? "(none)" : String.join(", ", known)));
            }
        }
    }
}
