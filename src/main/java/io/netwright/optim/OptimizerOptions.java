package io.netwright.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The default options of an optimizer under their PyTorch names, with PyTorch's default values. Each optimizer has
 * a subclass with typed setters ({@code new SGD.Options().lr(0.1).momentum(0.9)}); {@link #set} takes any known
 * option by name, which is how configs and golden tests build optimizers.
 *
 * @param <S> the concrete options type, returned by the setters for chaining
 */
public abstract class OptimizerOptions<S extends OptimizerOptions<S>> {

    private final String optimizer;
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Starts from {@code defaults} (in PyTorch's order); {@code optimizer} names the owner in errors. */
    protected OptimizerOptions(String optimizer, Map<String, Object> defaults) {
        this.optimizer = optimizer;
        defaults.forEach((k, v) -> values.put(k, ParamGroup.normalize(k, v)));
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** Sets a known option by its PyTorch name; throws naming the known ones otherwise. */
    public S set(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException(optimizer + " has no option '" + key + "'; its options are "
                    + String.join(", ", values.keySet()));
        }
        values.put(key, ParamGroup.normalize(key, value));
        return self();
    }

    /** Sets every entry of {@code options} (see {@link #set}). */
    public S setAll(Map<String, ?> options) {
        options.forEach(this::set);
        return self();
    }

    /** Learning rate. */
    public S lr(double lr) {
        return set("lr", lr);
    }

    /** Weight decay (L2 penalty; decoupled for AdamW). */
    public S weightDecay(double weightDecay) {
        return set("weight_decay", weightDecay);
    }

    /** Maximise the objective instead of minimising it. */
    public S maximize(boolean maximize) {
        return set("maximize", maximize);
    }

    /** The options by name, in PyTorch's order (read-only). */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return optimizer + values;
    }
}
