package io.netwright.train;

import io.netwright.nn.HookHandle;
import io.netwright.nn.Module;
import io.netwright.nn.Parameter;
import io.netwright.nn.ReLU;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches the layers of a model: health figures on the steps that ask for them, and the checks behind the
 * non-finite pause. Forward hooks stay registered for the whole run but do nothing unless a health step or a
 * diagnosis has switched them on, so ordinary steps pay one field read per layer.
 */
final class LayerMonitor implements AutoCloseable {

    private enum Mode { OFF, HEALTH, FIND_NON_FINITE }

    private final Map<String, Module> layers;
    private final Map<String, List<Parameter>> params = new LinkedHashMap<>();
    private final List<Parameter> trainable = new ArrayList<>();
    private final List<HookHandle> hooks = new ArrayList<>();
    private final Map<String, double[]> activations = new HashMap<>();
    private Mode mode = Mode.OFF;
    private String firstNonFiniteOutput;
    private Map<Parameter, Tensor> before;

    /** Monitors {@code layers} (name → module, in forward order). */
    LayerMonitor(Map<String, Module> layers) {
        this.layers = new LinkedHashMap<>(layers);
        for (var e : this.layers.entrySet()) {
            List<Parameter> ps = e.getValue().parameters().stream().filter(Parameter::requiresGrad).toList();
            params.put(e.getKey(), ps);
            trainable.addAll(ps);
            String name = e.getKey();
            boolean relu = e.getValue() instanceof ReLU;
            hooks.add(e.getValue().registerForwardHook((m, in, out) -> onForward(name, relu, out)));
        }
    }

    private void onForward(String name, boolean relu, Tensor out) {
        if (mode == Mode.OFF) {
            return;
        }
        try (var g = NoGrad.enter()) {
            if (mode == Mode.FIND_NON_FINITE) {
                if (firstNonFiniteOutput == null && out.dtype().isFloating() && !out.isfinite().all()) {
                    firstNonFiniteOutput = name;
                }
                return;
            }
            Tensor f = out.toFloat();
            double mean = f.mean().item();
            double std = f.numel() > 1 ? f.std().item() : Double.NaN;
            double zeros = relu ? f.eq(0.0).toFloat().mean().item() : Double.NaN;
            activations.put(name, new double[]{mean, std, zeros});
        }
    }

    /** The trainable parameters of the monitored layers. */
    List<Parameter> trainable() {
        return trainable;
    }

    // ================================================================ health

    /** Switches activation statistics on for the coming forward pass. */
    void beginHealthStep() {
        activations.clear();
        mode = Mode.HEALTH;
    }

    /** Stops capturing without using the figures (a step that is not applied). */
    void cancelHealthStep() {
        mode = Mode.OFF;
        activations.clear();
    }

    /** After backward, before the optimizer step: stops capturing and remembers the weights. */
    void beforeUpdate() {
        mode = Mode.OFF;
        before = new HashMap<>();
        try (var g = NoGrad.enter()) {
            for (Parameter p : trainable) {
                before.put(p, p.data().clone());
            }
        }
    }

    /** After the optimizer step: the health of every layer, in forward order. */
    List<TrainingEvent.LayerHealth> afterUpdate() {
        List<TrainingEvent.LayerHealth> out = new ArrayList<>(layers.size());
        try (var g = NoGrad.enter()) {
            for (var e : layers.entrySet()) {
                List<Parameter> ps = params.get(e.getKey());
                double w = Double.NaN;
                double gr = Double.NaN;
                double ratio = Double.NaN;
                if (!ps.isEmpty()) {
                    double ww = 0;
                    double gg = 0;
                    double uu = 0;
                    double wb = 0;
                    for (Parameter p : ps) {
                        ww += squares(p.data());
                        if (p.grad() != null) {
                            gg += squares(p.grad());
                        }
                        Tensor old = before.get(p);
                        wb += squares(old);
                        uu += squares(p.data().sub(old));
                    }
                    w = Math.sqrt(ww);
                    gr = Math.sqrt(gg);
                    ratio = wb == 0 ? Double.NaN : Math.sqrt(uu) / Math.sqrt(wb);
                }
                double[] a = activations.getOrDefault(e.getKey(), new double[]{Double.NaN, Double.NaN, Double.NaN});
                out.add(new TrainingEvent.LayerHealth(e.getKey(), e.getValue().name(), w, gr, ratio, a[0], a[1],
                        a[2]));
            }
        }
        for (Tensor t : before.values()) {
            t.close();
        }
        before = null;
        return out;
    }

    private static double squares(Tensor t) {
        return t.mul(t).sum().item();
    }

    // ================================================================ non-finite checks

    /**
     * Whether every gradient is finite: one reduction per parameter and one read-back, cheap enough for every step.
     * (An overflow of the sum itself also counts as non-finite: gradients that large have exploded anyway.)
     */
    boolean gradientsFinite() {
        try (var g = NoGrad.enter()) {
            Tensor total = null;
            for (Parameter p : trainable) {
                if (p.grad() != null) {
                    Tensor s = p.grad().sum();
                    total = total == null ? s : total.add(s);
                }
            }
            return total == null || Float.isFinite(total.item());
        }
    }

    /** The first layer, in backward (reverse forward) order, with a non-finite gradient; null if none. */
    String firstNonFiniteGradient() {
        List<String> names = new ArrayList<>(params.keySet());
        try (var g = NoGrad.enter()) {
            for (int i = names.size() - 1; i >= 0; i--) {
                for (Parameter p : params.get(names.get(i))) {
                    if (p.grad() != null && !p.grad().isfinite().all()) {
                        return names.get(i);
                    }
                }
            }
        }
        return null;
    }

    /** Runs {@code forward} with the hooks looking for the first layer whose output is not finite. */
    String firstNonFiniteOutput(Runnable forward) {
        firstNonFiniteOutput = null;
        mode = Mode.FIND_NON_FINITE;
        try {
            forward.run();
        } finally {
            mode = Mode.OFF;
        }
        return firstNonFiniteOutput;
    }

    @Override
    public void close() {
        hooks.forEach(HookHandle::remove);
    }
}
