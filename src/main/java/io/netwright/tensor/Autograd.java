package io.netwright.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reverse-mode engine: records ops into a graph of {@link Node}s and runs backward passes (one topological
 * sort, one reversed sweep, gradients always accumulate). Every differentiable op calls {@link #record}.
 */
public final class Autograd {

    private Autograd() {
    }

    /**
     * Attaches a backward rule to {@code out} if recording is on and any input requires grad; returns {@code out}.
     * This is the one way ops join the graph.
     */
    public static Tensor record(String op, Tensor out, GradFn fn, Tensor... inputs) {
        if (!NoGrad.isGradEnabled()) {
            return out;
        }
        boolean any = false;
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                any = true;
                break;
            }
        }
        if (any) {
            if (!out.dtype().isFloating()) {
                return out;
            }
            out.setGradFn(new Node(op, inputs, fn));
        }
        return out;
    }

    /** Runs backward from {@code root} with initial gradient {@code seed}. */
    static void backward(Tensor root, Tensor seed, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("element 0 of tensors does not require grad and does not have a grad_fn:"
                    + " call requiresGrad_() on the inputs before computing " + root.shape());
        }
        if (!Arrays.equals(seed.shape().dims(), root.shape().dims())) {
            throw new IllegalArgumentException("backward: gradient has shape " + seed.shape() + " but the tensor has"
                    + " shape " + root.shape() + " — pass a gradient of the same shape");
        }
        if (root.gradFn() == null) {
            root.accumulateGrad(seed);
            return;
        }
        List<Node> order = topoOrder(root.gradFn());
        Map<Node, Tensor> grads = new IdentityHashMap<>();
        grads.put(root.gradFn(), seed);
        try (var g = NoGrad.enter()) {
            for (Node node : order) {
                Tensor grad = grads.remove(node);
                if (grad == null) {
                    continue;
                }
                Tensor[] inGrads = node.backward(grad, retainGraph);
                Tensor[] inputs = node.inputs();
                for (int i = 0; i < inputs.length; i++) {
                    Tensor in = inputs[i];
                    Tensor gi = inGrads[i];
                    if (in == null || gi == null || !in.requiresGrad()) {
                        continue;
                    }
                    if (!Arrays.equals(gi.shape().dims(), in.shape().dims())) {
                        throw new IllegalStateException(node.label() + " produced a gradient of shape " + gi.shape()
                                + " for input " + i + " of shape " + in.shape());
                    }
                    for (var hook : in.hooks()) {
                        gi = hook.apply(gi);
                    }
                    Node prev = in.gradFn();
                    if (prev == null || in.retainsGrad()) {
                        in.accumulateGrad(gi);
                    }
                    if (prev != null) {
                        Tensor acc = grads.get(prev);
                        grads.put(prev, acc == null ? gi : acc.add(gi));
                    }
                }
            }
        }
    }

    /** Nodes reachable from {@code root}, each after every node that feeds gradient into it. */
    private static List<Node> topoOrder(Node root) {
        List<Node> post = new ArrayList<>();
        Set<Node> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{root, 0});
        seen.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Node n = (Node) frame[0];
            int i = (Integer) frame[1];
            Tensor[] ins = n.inputs();
            if (i < ins.length) {
                frame[1] = i + 1;
                Tensor in = ins[i];
                if (in != null && in.gradFn() != null && seen.add(in.gradFn())) {
                    stack.push(new Object[]{in.gradFn(), 0});
                }
            } else {
                stack.pop();
                post.add(n);
            }
        }
        java.util.Collections.reverse(post);
        return post;
    }

}
