package io.netwright.nn;

import io.netwright.backend.Backend;
import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Base class of every layer and model, like {@code torch.nn.Module}: named parameters, buffers and children kept
 * in registration order; recursive {@link #stateDict()} with dotted keys ({@code features.0.weight});
 * {@link #train()}/{@link #eval()}; forward hooks; PyTorch-style printing.
 *
 * <p>Subclasses register what they own in their constructor and implement {@link #forward(Tensor)}. Callers use
 * {@link #call(Tensor...)} so that hooks run (containers do this for their children).
 */
public abstract class Module {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private final List<ForwardHook> hooks = new CopyOnWriteArrayList<>();
    private boolean training = true;

    // ================================================================ forward

    /** The computation of a single-input module. */
    public abstract Tensor forward(Tensor input);

    /**
     * The computation for several inputs; single-input modules accept exactly one. Multi-input modules (merge
     * layers) override this.
     */
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 1) {
            throw new IllegalArgumentException(name() + ".forward takes 1 input but " + inputs.length
                    + " were given");
        }
        return forward(inputs[0]);
    }

    /** Runs {@link #forward} and then the forward hooks; use this rather than {@code forward} from outside. */
    public final Tensor call(Tensor... inputs) {
        Tensor out = inputs.length == 1 ? forward(inputs[0]) : forward(inputs);
        for (ForwardHook h : hooks) {
            h.onForward(this, inputs, out);
        }
        return out;
    }

    /** True if a forward hook is registered (containers then must not fuse this module with its neighbours). */
    boolean hasForwardHooks() {
        return !hooks.isEmpty();
    }

    /** Adds a hook that sees every forward call of this module; remove it with the returned handle. */
    public HookHandle registerForwardHook(ForwardHook hook) {
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    // ================================================================ registration

    /** Registers a child under {@code name}; returns it. */
    protected <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    /** Registers a parameter (null registers "no parameter", e.g. {@code bias=False}); returns it. */
    protected Parameter registerParameter(String name, Parameter p) {
        checkName(name);
        parameters.put(name, p);
        return p;
    }

    /** Registers a persistent buffer (saved in the state dict, not trained); returns it. */
    protected Tensor registerBuffer(String name, Tensor t) {
        checkName(name);
        buffers.put(name, t);
        return t;
    }

    /** Replaces a registered buffer's tensor (e.g. BatchNorm's running statistics). */
    protected void setBuffer(String name, Tensor t) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException(name() + ": no buffer named '" + name + "'");
        }
        buffers.put(name, t);
    }

    /** The buffer registered as {@code name}. */
    protected Tensor buffer(String name) {
        return buffers.get(name);
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(name() + ": invalid attribute name '" + name
                    + "' (must be non-empty and contain no '.')");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(name() + ": attribute '" + name + "' already exists");
        }
    }

    // ================================================================ traversal

    /** Direct children in order. */
    public List<Module> children() {
        return List.copyOf(children.values());
    }

    /** Direct children by name, in order. */
    public Map<String, Module> namedChildren() {
        return java.util.Collections.unmodifiableMap(children);
    }

    /** This module and all descendants, depth first. */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** This module ("") and all descendants by dotted name, depth first. */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", out);
        return out;
    }

    private void collectModules(String prefix, Map<String, Module> out) {
        out.put(prefix, this);
        for (var e : children.entrySet()) {
            e.getValue().collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
        }
    }

    /** All parameters (recursively), in registration order. */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** All parameters by dotted name. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (var m : namedModules().entrySet()) {
            for (var p : m.getValue().parameters.entrySet()) {
                if (p.getValue() != null) {
                    out.put(join(m.getKey(), p.getKey()), p.getValue());
                }
            }
        }
        return out;
    }

    /** All buffers by dotted name. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var m : namedModules().entrySet()) {
            for (var b : m.getValue().buffers.entrySet()) {
                if (b.getValue() != null) {
                    out.put(join(m.getKey(), b.getKey()), b.getValue());
                }
            }
        }
        return out;
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    /** Calls {@code fn} on every descendant and then this module (PyTorch's order); returns this. */
    public Module apply(Consumer<Module> fn) {
        for (Module c : children.values()) {
            c.apply(fn);
        }
        fn.accept(this);
        return this;
    }

    // ================================================================ devices

    /**
     * Moves every parameter (with its gradient) and every buffer of this module and its descendants to
     * {@code device} in place, like PyTorch's {@code model.to(device)}: the {@link Parameter} objects and their
     * tensors stay the same objects, so an optimizer built before or after sees the moved data, and state-dict keys
     * are unchanged. Returns this.
     *
     * <pre>{@code Module net = new Sequential(...).to(Device.cuda(0));}</pre>
     *
     * @throws IllegalStateException if the device is not available (see {@code Devices.available()})
     */
    public Module to(Device device) {
        return to(Devices.backendFor(device));
    }

    /**
     * As {@link #to(Device)}, to the device of a backend the caller holds (e.g. from its own {@code Devices}
     * registry, or a test backend). Returns this.
     */
    public Module to(Backend target) {
        for (Module m : modules()) {
            for (Parameter p : m.parameters.values()) {
                if (p != null) {
                    p.data().moveTo_(target);
                }
            }
            for (Tensor b : m.buffers.values()) {
                if (b != null) {
                    b.moveTo_(target);
                }
            }
        }
        return this;
    }

    // ================================================================ modes and grads

    /** Training mode (dropout active, batch-norm uses batch statistics); returns this. */
    public Module train() {
        return train(true);
    }

    /** Sets training mode recursively; returns this. */
    public Module train(boolean mode) {
        training = mode;
        for (Module c : children.values()) {
            c.train(mode);
        }
        return this;
    }

    /** Evaluation mode; returns this. */
    public Module eval() {
        return train(false);
    }

    /** Whether this module is in training mode. */
    public boolean isTraining() {
        return training;
    }

    /** Clears every parameter's gradient. */
    public void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }

    /** Freezes ({@code false}) or unfreezes every parameter; returns this. */
    public Module requiresGrad(boolean value) {
        for (Parameter p : parameters()) {
            p.requiresGrad_(value);
        }
        return this;
    }

    /** Number of parameter elements, all or only those that require grad. */
    public long numParameters(boolean trainableOnly) {
        long n = 0;
        for (Parameter p : parameters()) {
            if (!trainableOnly || p.requiresGrad()) {
                n += p.numel();
            }
        }
        return n;
    }

    // ================================================================ state dict

    /** Parameters and buffers by dotted key, in PyTorch's order (per module: parameters, then buffers). */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (var m : namedModules().entrySet()) {
            for (var p : m.getValue().parameters.entrySet()) {
                if (p.getValue() != null) {
                    out.put(join(m.getKey(), p.getKey()), p.getValue().data());
                }
            }
            for (var b : m.getValue().buffers.entrySet()) {
                if (b.getValue() != null) {
                    out.put(join(m.getKey(), b.getKey()), b.getValue());
                }
            }
        }
        return out;
    }

    /**
     * Copies values from {@code state} into this module's parameters and buffers. Strict loading fails on any
     * missing or unexpected key; shape mismatches always fail. Nothing is changed when it fails.
     *
     * @throws StateDictException listing every problem
     */
    public LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (var e : own.entrySet()) {
            Tensor src = state.get(e.getKey());
            if (src == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(src.sizes(), e.getValue().sizes())) {
                mismatched.add("size mismatch for " + e.getKey() + ": copying a param with shape " + src.shape()
                        + " from checkpoint, the shape in current model is " + e.getValue().shape() + ".");
            }
        }
        for (String k : state.keySet()) {
            if (!own.containsKey(k)) {
                unexpected.add(k);
            }
        }
        if (!mismatched.isEmpty() || strict && (!missing.isEmpty() || !unexpected.isEmpty())) {
            throw new StateDictException(name(), missing, strict ? unexpected : List.of(), mismatched);
        }
        try (var g = NoGrad.enter()) {
            for (var e : own.entrySet()) {
                Tensor src = state.get(e.getKey());
                if (src != null) {
                    e.getValue().copy_(src);
                }
            }
        }
        return new LoadResult(missing, unexpected);
    }

    // ================================================================ printing

    /** The class name used in messages and printing (e.g. {@code Conv2d}). */
    public String name() {
        return getClass().getSimpleName();
    }

    /** The part between the parentheses when printed, e.g. {@code in_features=4, out_features=2, bias=True}. */
    public String extraRepr() {
        return "";
    }

    /** The module tree like PyTorch prints it. */
    @Override
    public String toString() {
        String extra = extraRepr();
        if (children.isEmpty()) {
            return name() + "(" + extra + ")";
        }
        StringBuilder sb = new StringBuilder(name()).append("(");
        if (!extra.isEmpty()) {
            sb.append("\n  ").append(extra);
        }
        for (var e : children.entrySet()) {
            String child = e.getValue().toString().replace("\n", "\n  ");
            sb.append("\n  (").append(e.getKey()).append("): ").append(child);
        }
        return sb.append("\n)").toString();
    }

    /** A torchsummary-style table for an input of {@code inputShape} (without the batch dim). */
    public String summary(int... inputShape) {
        return ModelSummary.of(this, inputShape).toString();
    }
}
