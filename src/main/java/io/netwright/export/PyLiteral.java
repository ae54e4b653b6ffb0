package io.netwright.export;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python source literals for the values the exporters write into generated code: numbers, booleans, strings,
 * tuples and dicts. Output is stable (no locale, no trailing noise) so a regenerated file diffs cleanly.
 */
final class PyLiteral {

    private PyLiteral() {
    }

    /** A Python literal for {@code v}: null, Boolean, Number, String, int[], double[], a list (as a tuple), a map. */
    static String of(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return v.toString();
        }
        if (v instanceof Number n) {
            return number(n.doubleValue());
        }
        if (v instanceof String s) {
            return string(s);
        }
        if (v instanceof int[] a) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(a[i]);
            }
            return sb.append(a.length == 1 ? ",)" : ")").toString();
        }
        if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder("(");
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(number(a[i]));
            }
            return sb.append(a.length == 1 ? ",)" : ")").toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                sb.append(of(String.valueOf(e.getKey()))).append(": ").append(of(e.getValue()));
                sb.append(it.hasNext() ? ", " : "");
            }
            return sb.append('}').toString();
        }
        if (v instanceof Collection<?> c) {
            return tuple(List.copyOf(c));
        }
        throw new IllegalArgumentException("no Python literal for a " + v.getClass().getSimpleName());
    }

    /** A list literal {@code [a, b]} (a tuple for {@link #of}). */
    static String list(List<?> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(of(items.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String tuple(List<?> items) {
        String l = list(items);
        return "(" + l.substring(1, l.length() - 1) + (items.size() == 1 ? ",)" : ")");
    }

    /** A float literal: {@code 0.5}, {@code 2.0}, {@code 1e-05}; NaN and infinities as {@code float('nan')}. */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "float('nan')";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "float('inf')" : "float('-inf')";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return (long) d + ".0";
        }
        return Double.toString(d).replace("E", "e");
    }

    /** A single-quoted string literal with backslash escapes. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('\'').toString();
    }
}
