package io.netwright.train;

/**
 * Gradient clipping before each optimizer step ({@code clip_grad_norm_} then {@code clip_grad_value_}).
 *
 * @param maxNorm  scale all gradients together so their 2-norm is at most this (0: off)
 * @param maxValue clamp every gradient element into [-maxValue, maxValue] (0: off)
 */
public record Clipping(double maxNorm, double maxValue) {

    /** Checks the values. */
    public Clipping {
        if (!(maxNorm >= 0) || !Double.isFinite(maxNorm) || !(maxValue >= 0) || !Double.isFinite(maxValue)) {
            throw new IllegalArgumentException("clipping: max_norm and max_value must be finite numbers >= 0 "
                    + "(0 = off), got " + maxNorm + " and " + maxValue);
        }
    }

    /** No clipping. */
    public static Clipping off() {
        return new Clipping(0, 0);
    }

    /** Clip the gradient norm to {@code maxNorm}. */
    public static Clipping norm(double maxNorm) {
        return new Clipping(maxNorm, 0);
    }
}
