package io.netwright.io;

import com.google.gson.JsonObject;
import io.netwright.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything needed to resume training: the model's state dict, the optimizer's tensors (flattened to
 * safetensors keys such as {@code state.0.momentum_buffer}), and JSON metadata (epoch, step, best metric, RNG state,
 * optimizer param groups, scheduler state, config). Stored by {@link CheckpointIO}.
 *
 * @param model            model state dict (PyTorch key names)
 * @param optimizerTensors optimizer state tensors
 * @param meta             everything else, as JSON
 */
public record Checkpoint(Map<String, Tensor> model, Map<String, Tensor> optimizerTensors, JsonObject meta) {

    /** Copies the maps (keeping order) and the JSON. */
    public Checkpoint {
        model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
        optimizerTensors = Collections.unmodifiableMap(new LinkedHashMap<>(optimizerTensors));
        meta = meta == null ? new JsonObject() : meta.deepCopy();
    }
}
