package io.netwright.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Small validation and copying helpers shared by the design records. */
final class Checks {

    /** A node id: a Python identifier, so it can name an attribute of the exported PyTorch module. */
    static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Checks() {
    }

    /** Rejects ids that cannot name a module attribute ({@code conv1} is fine, {@code conv.1} is not). */
    static String requireId(String id, String what) {
        Objects.requireNonNull(id, what);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " '" + id + "' is not a valid identifier: use letters, "
                    + "digits and '_', not starting with a digit (e.g. conv1)");
        }
        return id;
    }

    /** An unmodifiable copy keeping iteration order; rejects null keys and values. */
    static <V> Map<String, V> orderedCopy(Map<String, V> map, String what) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, V> copy = new LinkedHashMap<>(map.size() * 2);
        for (var e : map.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException(what + ": keys must be non-blank");
            }
            copy.put(e.getKey(), Objects.requireNonNull(e.getValue(), () -> what + " '" + e.getKey() + "' is null"));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** {@code null} becomes the empty string. */
    static String text(String s) {
        return s == null ? "" : s;
    }
}
