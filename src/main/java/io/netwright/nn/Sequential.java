package io.netwright.nn;

import io.netwright.tensor.Tensor;
import java.util.List;

/**
 * Runs its children in order, feeding each the previous output, like {@code torch.nn.Sequential}. Children are
 * named {@code 0, 1, 2, ...} unless added with a name.
 *
 * <pre>{@code var net = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 2));}</pre>
 */
public class Sequential extends Module {

    /** A sequence of the given modules named by position. */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** Appends a module named by its position; returns this. */
    public Sequential add(Module m) {
        registerModule(Integer.toString(children().size()), m);
        return this;
    }

    /** Appends a module under {@code name}; returns this. */
    public Sequential add(String name, Module m) {
        registerModule(name, m);
        return this;
    }

    /** The module at {@code index}. */
    public Module get(int index) {
        List<Module> c = children();
        if (index < 0) {
            index += c.size();
        }
        if (index < 0 || index >= c.size()) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for Sequential of length "
                    + c.size());
        }
        return c.get(index);
    }

    /** Number of children. */
    public int size() {
        return children().size();
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        List<Module> c = children();
        for (int i = 0; i < c.size(); i++) {
            Module m = c.get(i);
            if (i + 1 < c.size() && fusible(m, c.get(i + 1))) {
                // Conv2d then ReLU, neither hooked nor subclassed: one fused pass, the same values and gradients.
                x = ((Conv2d) m).forwardRelu(x);
                i++;
                continue;
            }
            x = m.call(x);
        }
        return x;
    }

    private static boolean fusible(Module a, Module b) {
        return a.getClass() == Conv2d.class && b.getClass() == ReLU.class && !a.hasForwardHooks()
                && !b.hasForwardHooks();
    }
}
