package io.netwright.optim;

import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A snapshot of an optimizer, laid out like PyTorch's {@code optimizer.state_dict()} so a checkpoint writer can
 * store it (tensors as safetensors, the rest as JSON) and PyTorch users recognise it.
 *
 * <ul>
 *   <li>{@code paramGroups}: one map per group, in order: every option under its PyTorch name ({@code lr},
 *       {@code momentum}, {@code betas}, {@code initial_lr}, ...) as a {@link Double}, {@link Boolean},
 *       {@link String} or {@code List<Double>}; plus {@code "params"}: the group's parameter indices as a
 *       {@code List<Integer>}. Indices number the parameters of all groups consecutively from 0.</li>
 *   <li>{@code state}: parameter index → that parameter's state tensors by name, e.g. {@code momentum_buffer}
 *       (SGD); {@code step}, {@code exp_avg}, {@code exp_avg_sq}, {@code max_exp_avg_sq} (Adam, AdamW);
 *       {@code step}, {@code square_avg}, {@code momentum_buffer}, {@code grad_avg} (RMSprop); {@code step},
 *       {@code sum} (Adagrad). {@code step} is a 0-d float32 tensor on the CPU (as in PyTorch); the others have
 *       the parameter's shape, dtype and device. Parameters without state (never stepped) have no entry.</li>
 * </ul>
 *
 * <p>The tensors are copies made by {@link Optimizer#stateDict()}: training on does not change a snapshot. A
 * suggested flat naming for safetensors is {@code state.<index>.<name>}. After a JSON round trip numbers may come
 * back as any {@link Number}; {@link Optimizer#loadStateDict} accepts that.
 */
public record OptimizerState(List<Map<String, Object>> paramGroups, Map<Integer, Map<String, Tensor>> state) {

    /** Copies both parts into unmodifiable, order-keeping collections (state sorted by parameter index). */
    public OptimizerState {
        Objects.requireNonNull(paramGroups, "paramGroups");
        Objects.requireNonNull(state, "state");
        List<Map<String, Object>> groups = new ArrayList<>(paramGroups.size());
        for (Map<String, Object> g : paramGroups) {
            groups.add(Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(g, "param group"))));
        }
        paramGroups = Collections.unmodifiableList(groups);
        Map<Integer, Map<String, Tensor>> s = new TreeMap<>();
        state.forEach((k, v) -> s.put(Objects.requireNonNull(k, "state index"),
                Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(v, "state of " + k)))));
        state = Collections.unmodifiableMap(s);
    }
}
