package io.netwright.export;

/** Readable node ids from ONNX node names: {@code /features/features.0/Conv} → {@code features_0}. */
final class OnnxNames {

    private OnnxNames() {
    }

    /**
     * An identifier made from the name of an ONNX node of operator {@code op}: its last path segment that is not
     * the operator ({@code conv1/Conv} → {@code conv1}), with other characters as {@code _}; null when nothing
     * readable is left (an empty name, or only the operator, such as PyTorch's older {@code Conv_0}), so that a
     * type prefix is used instead.
     */
    static String identifier(String name, String op) {
        if (name == null) {
            return null;
        }
        String[] parts = name.split("/");
        String pick = null;
        for (int i = parts.length - 1; i >= 0; i--) {
            String p = parts[i].trim();
            if (p.isEmpty() || p.matches(java.util.regex.Pattern.quote(op) + "(_?\\d+)?")) {
                continue;
            }
            pick = p;
            break;
        }
        if (pick == null) {
            return null;
        }
        String id = pick.replaceAll("[^A-Za-z0-9_]", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
        if (id.isEmpty()) {
            return null;
        }
        return Character.isDigit(id.charAt(0)) ? "n" + id : id;
    }
}
