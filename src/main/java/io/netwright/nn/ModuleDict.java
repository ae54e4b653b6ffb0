package io.netwright.nn;

import io.netwright.tensor.Tensor;
import java.util.Map;
import java.util.Set;

/** Holds named modules so their parameters are registered, like {@code torch.nn.ModuleDict}. */
public class ModuleDict extends Module {

    /** An empty dict. */
    public ModuleDict() {
    }

    /** A dict with the given entries in iteration order. */
    public ModuleDict(Map<String, Module> modules) {
        modules.forEach(this::put);
    }

    /** Adds a module under {@code key}; returns this. */
    public ModuleDict put(String key, Module m) {
        registerModule(key, m);
        return this;
    }

    /** The module under {@code key}, or null. */
    public Module get(String key) {
        return namedChildren().get(key);
    }

    /** The keys in order. */
    public Set<String> keys() {
        return namedChildren().keySet();
    }

    /** @throws IllegalStateException always: a ModuleDict is a container, not a layer. */
    @Override
    public Tensor forward(Tensor input) {
        throw new IllegalStateException("ModuleDict has no forward(): look modules up by key and call them");
    }
}
