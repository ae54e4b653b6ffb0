package io.netwright.nn;

import java.util.List;

/**
 * What a non-strict {@link Module#loadStateDict} skipped, like PyTorch's {@code _IncompatibleKeys}.
 *
 * @param missingKeys    keys of the module not found in the state dict (left unchanged)
 * @param unexpectedKeys keys of the state dict the module does not have (ignored)
 */
public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {
    /** Copies the lists. */
    public LoadResult {
        missingKeys = List.copyOf(missingKeys);
        unexpectedKeys = List.copyOf(unexpectedKeys);
    }
}
