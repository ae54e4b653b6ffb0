package io.netwright.graph;

/**
 * Optimizers as far as memory is concerned: how many tensors of state each keeps per parameter (momentum buffers,
 * moment estimates).
 */
public enum OptimizerKind {
    /** Plain SGD: no state. */
    SGD(0),
    /** SGD with momentum: one momentum buffer. */
    SGD_MOMENTUM(1),
    /** Adam: first and second moments. */
    ADAM(2),
    /** AdamW: first and second moments. */
    ADAMW(2),
    /** Adam/AdamW with amsgrad: two moments and the running maximum. */
    AMSGRAD(3),
    /** RMSprop: square average (plus one each for momentum or centering, not counted). */
    RMSPROP(1),
    /** Adagrad: sum of squares. */
    ADAGRAD(1);

    private final int stateTensors;

    OptimizerKind(int stateTensors) {
        this.stateTensors = stateTensors;
    }

    /** Tensors of optimizer state per parameter tensor. */
    public int stateTensors() {
        return stateTensors;
    }
}
