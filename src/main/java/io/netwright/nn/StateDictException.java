package io.netwright.nn;

import java.util.List;

/**
 * Thrown by {@link Module#loadStateDict} listing every missing key, unexpected key and shape mismatch, in
 * PyTorch's wording ({@code Error(s) in loading state_dict for Sequential: Missing key(s) in state_dict: ...}).
 */
public final class StateDictException extends IllegalArgumentException {

    private final List<String> missing;
    private final List<String> unexpected;
    private final List<String> mismatched;

    StateDictException(String module, List<String> missing, List<String> unexpected, List<String> mismatched) {
        super(message(module, missing, unexpected, mismatched));
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
        this.mismatched = List.copyOf(mismatched);
    }

    /** Keys the module has that the state dict lacks. */
    public List<String> missing() {
        return missing;
    }

    /** Keys in the state dict the module does not have. */
    public List<String> unexpected() {
        return unexpected;
    }

    /** One line per shape mismatch. */
    public List<String> mismatched() {
        return mismatched;
    }

    private static String message(String module, List<String> missing, List<String> unexpected,
                                  List<String> mismatched) {
        StringBuilder sb = new StringBuilder("Error(s) in loading state_dict for " + module + ":");
        if (!missing.isEmpty()) {
            sb.append("\n\tMissing key(s) in state_dict: ").append(quoted(missing)).append('.');
        }
        if (!unexpected.isEmpty()) {
            sb.append("\n\tUnexpected key(s) in state_dict: ").append(quoted(unexpected)).append('.');
        }
        for (String m : mismatched) {
            sb.append("\n\t").append(m);
        }
        sb.append("\n\tLoad with strict=false to skip missing/unexpected keys (shape mismatches always fail).");
        return sb.toString();
    }

    private static String quoted(List<String> keys) {
        return String.join(", ", keys.stream().map(k -> "\"" + k + "\"").toList());
    }
}
