package io.netwright.nn;

import io.netwright.tensor.Tensor;
import java.util.Objects;

/**
 * Base of the loss modules ({@code torch.nn.modules.loss._Loss}): {@code forward(input, target)} with a
 * {@link Reduction}. Losses are modules, so they print ({@code CrossEntropyLoss()}), move and hook like layers.
 *
 * <pre>{@code Tensor loss = new CrossEntropyLoss().forward(logits, labels); loss.backward();}</pre>
 */
public abstract class Loss extends Module {

    private final Reduction reduction;

    /** A loss with the given reduction. */
    protected Loss(Reduction reduction) {
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    /** How per-element losses are combined. */
    public Reduction reduction() {
        return reduction;
    }

    /** The loss of {@code input} against {@code target}. */
    public abstract Tensor forward(Tensor input, Tensor target);

    /** @throws IllegalArgumentException always: a loss needs a target as well. */
    @Override
    public Tensor forward(Tensor input) {
        throw new IllegalArgumentException(name() + " takes (input, target) but only an input was given — call "
                + "forward(input, target) or call(input, target)");
    }

    /** Dispatches {@code (input, target)} to {@link #forward(Tensor, Tensor)}. */
    @Override
    public Tensor forward(Tensor... inputs) {
        if (inputs.length != 2) {
            throw new IllegalArgumentException(name() + " takes (input, target) but " + inputs.length
                    + " tensors were given");
        }
        return forward(inputs[0], inputs[1]);
    }
}
