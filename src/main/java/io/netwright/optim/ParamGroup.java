package io.netwright.optim;

import io.netwright.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One parameter group of an {@link Optimizer}: its parameters and its own options, like an entry of PyTorch's
 * {@code optimizer.param_groups}. Options use PyTorch's names ({@code lr}, {@code momentum}, {@code betas},
 * {@code weight_decay}, ...); options a group does not set are filled from the optimizer's defaults when the group
 * is added. Schedulers change options (usually {@code lr}) between steps.
 *
 * <pre>{@code
 * var head = new ParamGroup(model.head().parameters()).set("lr", 1e-2);
 * var opt = new SGD(List.of(new ParamGroup(model.body().parameters()), head), new SGD.Options().lr(1e-3));
 * }</pre>
 *
 * <p>Option values are normalised: numbers become {@link Double}, number arrays and lists become an unmodifiable
 * {@code List<Double>} (e.g. {@code betas}); booleans and strings are kept. Not thread-safe: change options between
 * steps, on the thread that steps.
 */
public final class ParamGroup {

    private final List<Parameter> params;
    private final Map<String, Object> options = new LinkedHashMap<>();

    /** A group of {@code params} (in order) with no options of its own yet. */
    public ParamGroup(Iterable<Parameter> params) {
        Objects.requireNonNull(params, "params");
        List<Parameter> list = new ArrayList<>();
        for (Parameter p : params) {
            list.add(Objects.requireNonNull(p, "a parameter of the group is null"));
        }
        this.params = Collections.unmodifiableList(list);
    }

    /** A group of {@code params} with the given options (see {@link #set}). */
    public ParamGroup(Iterable<Parameter> params, Map<String, ?> options) {
        this(params);
        options.forEach(this::set);
    }

    /** The parameters, in order. */
    public List<Parameter> params() {
        return params;
    }

    /** The options, in insertion order (read-only view). */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    /** Whether the group has option {@code key}. */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    /** The raw (normalised) value of option {@code key}, or null. */
    public Object get(String key) {
        return options.get(key);
    }

    /** Sets option {@code key} (value normalised, see the class doc); returns this. */
    public ParamGroup set(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if ("params".equals(key)) {
            throw new IllegalArgumentException("'params' is not an option: pass the parameters to the constructor");
        }
        options.put(key, normalize(key, value));
        return this;
    }

    /** Sets {@code key} only if the group does not have it (Python's {@code setdefault}); returns this. */
    public ParamGroup setDefault(String key, Object value) {
        if (!options.containsKey(key)) {
            set(key, value);
        }
        return this;
    }

    /** Option {@code key} as a double; throws naming the key if it is missing or not a number. */
    public double getDouble(String key) {
        Object v = options.get(key);
        if (!(v instanceof Double d)) {
            throw new IllegalStateException("parameter group option '" + key + "' " + describe(v)
                    + ", expected a number");
        }
        return d;
    }

    /** Option {@code key} as a boolean; throws naming the key if it is missing or not a boolean. */
    public boolean getBoolean(String key) {
        Object v = options.get(key);
        if (!(v instanceof Boolean b)) {
            throw new IllegalStateException("parameter group option '" + key + "' " + describe(v)
                    + ", expected true or false");
        }
        return b;
    }

    /** Option {@code key} as a list of doubles (e.g. {@code betas}). */
    @SuppressWarnings("unchecked")
    public List<Double> getDoubles(String key) {
        Object v = options.get(key);
        if (!(v instanceof List<?>)) {
            throw new IllegalStateException("parameter group option '" + key + "' " + describe(v)
                    + ", expected a list of numbers");
        }
        return (List<Double>) v;
    }

    /** The learning rate ({@code lr}). */
    public double lr() {
        return getDouble("lr");
    }

    /** Sets the learning rate; returns this. */
    public ParamGroup setLr(double lr) {
        return set("lr", lr);
    }

    /** Replaces all options (used when loading a state dict). */
    void replaceOptions(Map<String, Object> newOptions) {
        options.clear();
        newOptions.forEach(this::set);
    }

    private static String describe(Object v) {
        return v == null ? "is missing" : "is " + v + " (" + v.getClass().getSimpleName() + ")";
    }

    /** Numbers to Double, number arrays/lists to List<Double>; booleans and strings as they are. */
    static Object normalize(String key, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof double[] a) {
            List<Double> out = new ArrayList<>(a.length);
            for (double d : a) {
                out.add(d);
            }
            return List.copyOf(out);
        }
        if (value instanceof List<?> list) {
            List<Double> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof Number n)) {
                    throw new IllegalArgumentException("option '" + key + "': list element " + o
                            + " is not a number");
                }
                out.add(n.doubleValue());
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException("option '" + key + "': unsupported value " + value
                + (value == null ? "" : " of type " + value.getClass().getSimpleName())
                + " (use a number, a boolean, a string or a list of numbers)");
    }

    @Override
    public String toString() {
        return "ParamGroup(" + params.size() + " params, " + options + ")";
    }
}
