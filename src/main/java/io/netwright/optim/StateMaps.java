package io.netwright.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed reads from scheduler state dicts, with errors that name the scheduler and the key. */
final class StateMaps {

    private StateMaps() {
    }

    static Object get(Map<String, Object> m, String key, String owner) {
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException(owner + " state dict has no '" + key + "'; keys are " + m.keySet());
        }
        return m.get(key);
    }

    static double getDouble(Map<String, Object> m, String key, String owner) {
        Object v = get(m, key, owner);
        if (!(v instanceof Number n)) {
            throw bad(owner, key, v, "a number");
        }
        return n.doubleValue();
    }

    static int getInt(Map<String, Object> m, String key, String owner) {
        double d = getDouble(m, key, owner);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw bad(owner, key, d, "a whole number");
        }
        return (int) d;
    }

    static boolean getBoolean(Map<String, Object> m, String key, String owner) {
        Object v = get(m, key, owner);
        if (!(v instanceof Boolean b)) {
            throw bad(owner, key, v, "true or false");
        }
        return b;
    }

    static String getString(Map<String, Object> m, String key, String owner) {
        Object v = get(m, key, owner);
        if (!(v instanceof String s)) {
            throw bad(owner, key, v, "a string");
        }
        return s;
    }

    static double[] getDoubles(Map<String, Object> m, String key, String owner, int expectedSize) {
        Object v = get(m, key, owner);
        if (!(v instanceof List<?> list)) {
            throw bad(owner, key, v, "a list of numbers");
        }
        if (expectedSize >= 0 && list.size() != expectedSize) {
            throw new IllegalArgumentException(owner + " state dict: '" + key + "' has " + list.size()
                    + " values but the optimizer has " + expectedSize + " parameter group(s)");
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw bad(owner, key, v, "a list of numbers");
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    static int[] getInts(Map<String, Object> m, String key, String owner) {
        double[] d = getDoubles(m, key, owner, -1);
        int[] out = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i])) {
                throw bad(owner, key, m.get(key), "a list of whole numbers");
            }
            out[i] = (int) d[i];
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> getMaps(Map<String, Object> m, String key, String owner) {
        Object v = get(m, key, owner);
        if (!(v instanceof List<?> list) || !list.stream().allMatch(o -> o instanceof Map)) {
            throw bad(owner, key, v, "a list of maps");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            out.add((Map<String, Object>) o);
        }
        return out;
    }

    static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double d : values) {
            out.add(d);
        }
        return List.copyOf(out);
    }

    static List<Integer> list(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int d : values) {
            out.add(d);
        }
        return List.copyOf(out);
    }

    private static IllegalArgumentException bad(String owner, String key, Object v, String expected) {
        return new IllegalArgumentException(owner + " state dict: '" + key + "' is " + v + ", expected " + expected);
    }
}
