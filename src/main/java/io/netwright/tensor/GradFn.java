package io.netwright.tensor;

/**
 * The backward rule of one recorded op: given the gradient of the op's output, returns the gradient for each
 * input in order ({@code null} for inputs that need none). Rules run with recording disabled.
 */
@FunctionalInterface
public interface GradFn {
    /** Gradients of the inputs given the output's gradient. */
    Tensor[] apply(Tensor gradOutput);
}
