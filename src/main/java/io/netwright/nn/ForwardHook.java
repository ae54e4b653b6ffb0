package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * Called after a module's forward pass with its inputs and output, like PyTorch's
 * {@code register_forward_hook}; the studio captures feature maps with it.
 */
@FunctionalInterface
public interface ForwardHook {
    /** Sees one forward call. */
    void onForward(Module module, Tensor[] inputs, Tensor output);
}
