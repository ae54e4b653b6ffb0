package io.netwright.io;

import io.netwright.tensor.Tensor;
import java.util.Map;

/**
 * The content of a safetensors file: named tensors in file order and the free-form string metadata.
 *
 * @param tensors  tensors by key (PyTorch state-dict names such as {@code conv1.weight})
 * @param metadata the {@code __metadata__} map (empty if absent)
 */
public record SafetensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata) {
    /** Copies the maps, keeping order. */
    public SafetensorsFile {
        tensors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tensors));
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}
