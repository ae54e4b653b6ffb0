package io.netwright.nn;

import io.netwright.tensor.Tensor;
import java.util.Iterator;
import java.util.List;

/**
 * Holds modules in a list so their parameters are registered, like {@code torch.nn.ModuleList}. It has no forward
 * of its own: the owning module decides how to call them.
 */
public class ModuleList extends Module implements Iterable<Module> {

    /** A list of the given modules. */
    public ModuleList(Module... modules) {
        for (Module m : modules) {
            add(m);
        }
    }

    /** Appends a module; returns this. */
    public ModuleList add(Module m) {
        registerModule(Integer.toString(children().size()), m);
        return this;
    }

    /** The module at {@code index}. */
    public Module get(int index) {
        return children().get(index);
    }

    /** Number of modules. */
    public int size() {
        return children().size();
    }

    @Override
    public Iterator<Module> iterator() {
        return children().iterator();
    }

    /** @throws IllegalStateException always: a ModuleList is a container, not a layer. */
    @Override
    public Tensor forward(Tensor input) {
        throw new IllegalStateException("ModuleList has no forward(): iterate over it and call each module");
    }

    /** The modules as a list. */
    public List<Module> asList() {
        return children();
    }
}
