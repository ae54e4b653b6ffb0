package io.netwright.optim;

import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optimizer state of one parameter: named tensors (momentum buffer, moment estimates, ...) and, for optimizers
 * that count, the number of steps taken. The step count lives on the host so reading it never waits on a device;
 * {@link Optimizer#stateDict()} exports it as PyTorch's 0-d {@code step} tensor.
 */
public final class ParamState {

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private boolean counted;
    private long step;

    ParamState() {
    }

    /** Whether this state has a step counter (Adam, AdamW, RMSprop, Adagrad). */
    public boolean counted() {
        return counted;
    }

    /** Steps taken so far (0 before the first). */
    public long step() {
        return step;
    }

    /** Turns on the step counter and sets it; returns this. */
    public ParamState setStep(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + value);
        }
        counted = true;
        step = value;
        return this;
    }

    /** Adds one to the step counter and returns the new count. */
    public long incrementStep() {
        counted = true;
        return ++step;
    }

    /** The tensor named {@code key}, or null. */
    public Tensor get(String key) {
        return tensors.get(key);
    }

    /** Whether there is a tensor named {@code key}. */
    public boolean has(String key) {
        return tensors.containsKey(key);
    }

    /** Stores {@code t} under {@code key}, keeping it out of any open {@link TensorScope}; returns {@code t}. */
    public Tensor put(String key, Tensor t) {
        tensors.put(key, TensorScope.keep(t));
        return t;
    }

    /** The tensors by name, in insertion order (read-only). */
    public Map<String, Tensor> tensors() {
        return Collections.unmodifiableMap(tensors);
    }

    boolean isEmpty() {
        return !counted && tensors.isEmpty();
    }

    void clear() {
        for (Tensor t : tensors.values()) {
            t.close();
        }
        tensors.clear();
        counted = false;
        step = 0;
    }
}
