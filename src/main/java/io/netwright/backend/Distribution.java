package io.netwright.backend;

/**
 * Distributions for {@link Backend#randomFill}. Parameters {@code a}, {@code b} as stated per constant.
 */
public enum Distribution {
    /** Uniform on {@code [a, b)}. */ UNIFORM,
    /** Normal with mean {@code a} and standard deviation {@code b}. */ NORMAL,
    /** 1 with probability {@code a}, else 0 (written in the view's dtype). */ BERNOULLI
}
