package io.netwright.backend;

/**
 * Elementwise ops of two inputs of the same dtype (the frontend promotes and broadcasts first, so both views have
 * the output's shape, possibly with 0 strides). Comparisons and logical ops write BOOL; the rest write the input
 * dtype.
 */
public enum BinaryOp {
    /** {@code a + b}. */ ADD,
    /** {@code a - b}. */ SUB,
    /** {@code a * b}. */ MUL,
    /** {@code a / b} (true division; integer inputs are cast to float by the frontend). */ DIV,
    /** {@code a ^ b}. */ POW,
    /** elementwise max, NaN-propagating. */ MAXIMUM,
    /** elementwise min, NaN-propagating. */ MINIMUM,
    /** Python-style remainder (sign of divisor). */ REMAINDER,
    /**
     * {@code y > 0 ? x : 0}: the ReLU gradient with {@code x} the incoming gradient and {@code y} the ReLU's output
     * (PyTorch's {@code threshold_backward}); FLOAT32 only.
     */ THRESHOLD_BACKWARD,
    /** {@code a == b}. */ EQ,
    /** {@code a != b}. */ NE,
    /** {@code a > b}. */ GT,
    /** {@code a >= b}. */ GE,
    /** {@code a < b}. */ LT,
    /** {@code a <= b}. */ LE,
    /** logical and (nonzero is true). */ LOGICAL_AND,
    /** logical or (nonzero is true). */ LOGICAL_OR;

    /** True if the result is BOOL whatever the input type. */
    public boolean returnsBool() {
        return ordinal() >= EQ.ordinal();
    }
}
