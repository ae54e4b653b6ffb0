package io.netwright.tensor;

/**
 * One recorded operation of the autograd graph: its name (shown in {@code grad_fn=<MulBackward>}), its inputs and
 * its backward rule. The rule is dropped after a backward pass unless the graph is retained.
 */
public final class Node {

    private final String name;
    private final Tensor[] inputs;
    private GradFn fn;

    Node(String name, Tensor[] inputs, GradFn fn) {
        this.name = name;
        this.inputs = inputs;
        this.fn = fn;
    }

    /** The op name, e.g. {@code "mul"}. */
    public String name() {
        return name;
    }

    /** PyTorch-style label, e.g. {@code MulBackward0}. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                up = true;
                continue;
            }
            sb.append(up ? Character.toUpperCase(c) : c);
            up = false;
        }
        return sb.append("Backward0").toString();
    }

    Tensor[] inputs() {
        return inputs;
    }

    Tensor[] backward(Tensor grad, boolean retain) {
        GradFn f = fn;
        if (f == null) {
            throw new IllegalStateException("Trying to backward through the graph a second time (" + label()
                    + "): its saved values were freed; pass retainGraph=true to the first backward()");
        }
        if (!retain) {
            fn = null;
        }
        Tensor[] grads = f.apply(grad);
        if (grads.length != inputs.length) {
            throw new IllegalStateException(label() + " returned " + grads.length + " gradients for "
                    + inputs.length + " inputs");
        }
        return grads;
    }

    @Override
    public String toString() {
        return "<" + label() + ">";
    }
}
