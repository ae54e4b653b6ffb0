package io.netwright.backend;

/**
 * Elementwise ops of one input. Some take scalar parameters {@code a} and {@code b} (see each constant).
 * Output dtype equals input dtype unless stated. Float ops on integer input are not allowed (the frontend casts).
 */
public enum UnaryOp {
    /** {@code -x}. */ NEG,
    /** {@code |x|}. */ ABS,
    /** {@code e^x}. */ EXP,
    /** natural log. */ LOG,
    /** square root. */ SQRT,
    /** sine. */ SIN,
    /** cosine. */ COS,
    /** hyperbolic tangent. */ TANH,
    /** {@code 1/(1+e^-x)}, computed stably for large |x|. */ SIGMOID,
    /** {@code max(x, 0)}. */ RELU,
    /** -1, 0 or 1. */ SIGN,
    /** {@code 1/x}. */ RECIPROCAL,
    /** floor. */ FLOOR,
    /** ceil. */ CEIL,
    /** round half to even (PyTorch {@code round}). */ ROUND,
    /** Gauss error function. */ ERF,
    /** {@code x + a}. */ ADD_SCALAR,
    /** {@code x * a}. */ MUL_SCALAR,
    /** {@code x ^ a}. */ POW_SCALAR,
    /** {@code a ^ x}. */ RPOW_SCALAR,
    /** {@code min(max(x, a), b)}; NaN for a or b means no bound on that side. NaN inputs stay NaN. */ CLAMP,
    /** {@code x > 0 ? x : a*x}. */ LEAKY_RELU,
    /** logical not; BOOL in, BOOL out. */ LOGICAL_NOT,
    /** true where x is NaN; BOOL out. */ ISNAN,
    /** true where x is finite; BOOL out. */ ISFINITE;

    /** True if the result is BOOL whatever the input type. */
    public boolean returnsBool() {
        return this == LOGICAL_NOT || this == ISNAN || this == ISFINITE;
    }
}
