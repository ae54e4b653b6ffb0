package io.netwright.optim;

import io.netwright.nn.Parameter;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Base class of the optimizers, like {@code torch.optim.Optimizer}: parameter groups with their own options,
 * per-parameter state, {@link #zeroGrad()}, {@link #step()} and a state dict that round-trips exactly.
 *
 * <pre>{@code
 * var opt = new SGD(model.parameters(), new SGD.Options().lr(0.05).momentum(0.9));
 * opt.zeroGrad();
 * loss.backward();
 * opt.step();
 * }</pre>
 *
 * <p>A subclass supplies its defaults, a validator (PyTorch's messages, e.g. {@code Invalid learning rate: -1.0}),
 * the names of its state tensors and {@link #update}, which applies one step to one parameter. {@code step()}
 * runs updates under {@link NoGrad} and inside a {@link TensorScope}, so temporaries are released at once and only
 * state stored through {@link ParamState#put} survives.
 */
public abstract class Optimizer {

    private final String name;
    private final Map<String, Object> defaults;
    private final Consumer<ParamGroup> validator;
    private final List<ParamGroup> groups = new ArrayList<>();
    private final Map<Parameter, ParamState> state = new IdentityHashMap<>();

    /**
     * @param name      the optimizer's name in messages ({@code "SGD"})
     * @param groups    the parameter groups (options they lack come from {@code defaults})
     * @param defaults  the default options
     * @param validator checks one group's options, throwing {@link IllegalArgumentException} with PyTorch's
     *                  message; it must not touch the subclass (it runs before the subclass constructor)
     */
    protected Optimizer(String name, List<ParamGroup> groups, OptimizerOptions<?> defaults,
                        Consumer<ParamGroup> validator) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults.asMap()));
        this.validator = Objects.requireNonNull(validator, "validator");
        Objects.requireNonNull(groups, "groups");
        if (groups.stream().allMatch(g -> g.params().isEmpty())) {
            throw new IllegalArgumentException("optimizer got an empty parameter list");
        }
        validator.accept(new ParamGroup(List.of(), this.defaults));
        for (ParamGroup g : groups) {
            addGroup(g);
        }
    }

    /** A single group holding {@code params}; convenience for subclass constructors. */
    protected static List<ParamGroup> singleGroup(Iterable<Parameter> params) {
        return List.of(new ParamGroup(params));
    }

    // ================================================================ groups

    /** The parameter groups, in order (live: schedulers change their options). */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** The default options (read-only). */
    public Map<String, Object> defaults() {
        return defaults;
    }

    /** Adds a group, e.g. to unfreeze layers during fine-tuning; options it lacks come from the defaults. */
    public void addParamGroup(ParamGroup group) {
        addGroup(group);
    }

    private void addGroup(ParamGroup group) {
        Objects.requireNonNull(group, "group");
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Parameter p : group.params()) {
            if (!seen.add(p)) {
                throw new IllegalArgumentException("optimizer contains a parameter group with duplicate parameters: "
                        + "pass each parameter once");
            }
        }
        for (ParamGroup g : groups) {
            for (Parameter p : g.params()) {
                if (seen.contains(p)) {
                    throw new IllegalArgumentException("some parameters appear in more than one parameter group");
                }
            }
        }
        defaults.forEach(group::setDefault);
        validator.accept(group);
        groups.add(group);
    }

    // ================================================================ stepping

    /** Clears every parameter's gradient (PyTorch's {@code set_to_none=True}). */
    public void zeroGrad() {
        zeroGrad(true);
    }

    /** Clears gradients ({@code setToNone}) or fills them with zeros. */
    public void zeroGrad(boolean setToNone) {
        try (NoGrad g = NoGrad.enter()) {
            for (ParamGroup group : groups) {
                for (Parameter p : group.params()) {
                    if (setToNone) {
                        p.zeroGrad();
                    } else if (p.grad() != null) {
                        p.grad().zero_();
                    }
                }
            }
        }
    }

    /** One optimisation step for every parameter that has a gradient (others are skipped, state untouched). */
    public void step() {
        try (NoGrad g = NoGrad.enter(); TensorScope scope = TensorScope.open()) {
            int index = 0;
            for (ParamGroup group : groups) {
                for (Parameter p : group.params()) {
                    if (p.grad() != null) {
                        update(group, p, state.computeIfAbsent(p, k -> new ParamState()), index);
                    }
                    index++;
                }
            }
        }
    }

    /** Evaluates {@code closure} (which recomputes the loss and calls backward), steps, and returns the loss. */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss = closure.get();
        step();
        return loss;
    }

    /**
     * Applies one step to {@code p} (whose gradient is non-null) with {@code group}'s options. Runs under
     * {@link NoGrad} in a {@link TensorScope}: store new state with {@link ParamState#put}.
     *
     * @param index the parameter's index across all groups (as in the state dict), for messages
     */
    protected abstract void update(ParamGroup group, Parameter p, ParamState s, int index);

    /** The names of the state tensors this optimizer keeps (besides {@code step}); checked on load. */
    protected abstract Set<String> stateKeys();

    /** The state of {@code p}, or null if it has none yet. */
    public ParamState state(Parameter p) {
        return state.get(p);
    }

    /** The state of {@code p}, created empty if absent (for optimizers that initialise state eagerly). */
    protected ParamState stateFor(Parameter p) {
        return state.computeIfAbsent(p, k -> new ParamState());
    }

    /** The state tensor {@code key} of parameter {@code index}; throws a clear error if a loaded state lacks it. */
    protected Tensor require(ParamState s, String key, int index, String why) {
        Tensor t = s.get(key);
        if (t == null) {
            throw new IllegalStateException(name + ": state of parameter " + index + " has no '" + key + "' but "
                    + why + "; was the state dict saved with other options?");
        }
        return t;
    }

    // ================================================================ state dict

    /** A snapshot of the groups and state in PyTorch's layout (see {@link OptimizerState}); tensors are copies. */
    public OptimizerState stateDict() {
        List<Map<String, Object>> packed = new ArrayList<>();
        Map<Integer, Map<String, Tensor>> packedState = new TreeMap<>();
        int index = 0;
        try (NoGrad g = NoGrad.enter()) {
            for (ParamGroup group : groups) {
                Map<String, Object> m = new LinkedHashMap<>(group.options());
                List<Integer> ids = new ArrayList<>();
                for (Parameter p : group.params()) {
                    ids.add(index);
                    ParamState s = state.get(p);
                    if (s != null && !s.isEmpty()) {
                        Map<String, Tensor> entry = new LinkedHashMap<>();
                        if (s.counted()) {
                            entry.put("step", Tensor.scalar(s.step()));
                        }
                        s.tensors().forEach((k, t) -> entry.put(k, t.clone()));
                        packedState.put(index, entry);
                    }
                    index++;
                }
                m.put("params", List.copyOf(ids));
                packed.add(m);
            }
        }
        return new OptimizerState(packed, packedState);
    }

    /**
     * Restores groups' options and per-parameter state from {@code sd}, matching parameters by position (group by
     * group, as PyTorch does). Everything is checked before anything changes; errors name the group, the
     * parameter index and the key. State tensors are copied to each parameter's device and dtype.
     */
    public void loadStateDict(OptimizerState sd) {
        Objects.requireNonNull(sd, "state dict");
        List<Map<String, Object>> saved = sd.paramGroups();
        if (saved.size() != groups.size()) {
            throw new IllegalArgumentException("loaded state dict has " + saved.size() + " parameter group(s) but "
                    + name + " has " + groups.size() + ": build the optimizer with the same groups as when saved");
        }
        Map<Integer, Parameter> byIndex = new LinkedHashMap<>();
        List<ParamGroup> newOptions = new ArrayList<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            ParamGroup group = groups.get(gi);
            Map<String, Object> sg = saved.get(gi);
            List<Integer> ids = indices(sg.get("params"), gi);
            if (ids.size() != group.params().size()) {
                throw new IllegalArgumentException("loaded state dict contains a parameter group that doesn't match "
                        + "the size of optimizer's group: group " + gi + " has " + ids.size() + " parameter(s) in "
                        + "the state dict but " + group.params().size() + " in " + name);
            }
            for (int k = 0; k < ids.size(); k++) {
                if (byIndex.put(ids.get(k), group.params().get(k)) != null) {
                    throw new IllegalArgumentException("loaded state dict lists parameter index " + ids.get(k)
                            + " more than once");
                }
            }
            ParamGroup opts = new ParamGroup(List.of());
            sg.forEach((k, v) -> {
                if (!"params".equals(k)) {
                    opts.set(k, v);
                }
            });
            defaults.forEach(opts::setDefault);
            try {
                validator.accept(opts);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException("loaded state dict, group " + gi + ": " + e.getMessage(), e);
            }
            newOptions.add(opts);
        }
        Set<String> allowed = stateKeys();
        for (var e : sd.state().entrySet()) {
            Parameter p = byIndex.get(e.getKey());
            if (p == null) {
                throw new IllegalArgumentException("loaded state dict has state for parameter index " + e.getKey()
                        + ", which is in no parameter group (indices are " + byIndex.keySet() + ")");
            }
            for (var t : e.getValue().entrySet()) {
                checkStateTensor(e.getKey(), p, t.getKey(), t.getValue(), allowed);
            }
        }
        // ---- all checked: apply
        for (int gi = 0; gi < groups.size(); gi++) {
            groups.get(gi).replaceOptions(newOptions.get(gi).options());
        }
        for (ParamState s : state.values()) {
            s.clear();
        }
        state.clear();
        try (NoGrad g = NoGrad.enter()) {
            for (var e : sd.state().entrySet()) {
                Parameter p = byIndex.get(e.getKey());
                ParamState s = new ParamState();
                for (var t : e.getValue().entrySet()) {
                    if ("step".equals(t.getKey())) {
                        s.setStep((long) t.getValue().item());
                    } else {
                        s.put(t.getKey(), Tensor.zerosLike(p.data()).copy_(t.getValue()));
                    }
                }
                state.put(p, s);
            }
        }
    }

    private void checkStateTensor(int index, Parameter p, String key, Tensor t, Set<String> allowed) {
        String where = "loaded state dict, parameter " + index + ": ";
        if (t == null) {
            throw new IllegalArgumentException(where + "'" + key + "' is null");
        }
        if ("step".equals(key)) {
            if (t.numel() != 1) {
                throw new IllegalArgumentException(where + "'step' has " + t.numel() + " elements, expected 1");
            }
            double v = t.item();
            if (v < 0 || v != Math.rint(v)) {
                throw new IllegalArgumentException(where + "'step' is " + v + ", expected a whole number >= 0");
            }
            return;
        }
        if (!allowed.contains(key)) {
            throw new IllegalArgumentException(where + "unexpected state '" + key + "' for " + name
                    + " (it keeps " + String.join(", ", allowed) + ")");
        }
        if (!Arrays.equals(t.sizes(), p.data().sizes())) {
            throw new IllegalArgumentException(where + "'" + key + "' has shape " + t.shape()
                    + " but the parameter has shape " + p.shape());
        }
    }

    private static List<Integer> indices(Object params, int group) {
        if (!(params instanceof List<?> list)) {
            throw new IllegalArgumentException("loaded state dict, group " + group + ": 'params' must be a list of "
                    + "parameter indices, got " + params);
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("loaded state dict, group " + group + ": parameter index " + o
                        + " is not a whole number");
            }
            out.add(n.intValue());
        }
        return out;
    }

    // ================================================================ printing

    /** PyTorch's form: the name, then each group's options sorted by name. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(" (");
        for (int i = 0; i < groups.size(); i++) {
            sb.append("\nParameter Group ").append(i).append('\n');
            new TreeMap<>(groups.get(i).options()).forEach((k, v) ->
                    sb.append("    ").append(k).append(": ").append(pyValue(v)).append('\n'));
        }
        return sb.append(')').toString();
    }

    private static String pyValue(Object v) {
        if (v instanceof Double d) {
            return PyFormat.repr(d);
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(pyValue(o));
            }
            return "(" + String.join(", ", parts) + ")";
        }
        return String.valueOf(v);
    }
}
