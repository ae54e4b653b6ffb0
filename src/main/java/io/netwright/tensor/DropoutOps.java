package io.netwright.tensor;

import io.netwright.backend.Distribution;

/**
 * Inverted dropout: keep each element (or each channel) with probability {@code 1-p} and scale kept values by
 * {@code 1/(1-p)}, so evaluation needs no rescaling. The mask comes from the backend's counter-based BERNOULLI
 * fill, so a seeded {@link Generator} gives the same mask on every backend.
 */
final class DropoutOps {

    private DropoutOps() {
    }

    static Tensor dropout(Tensor x, double p, boolean training, Generator g) {
        check("dropout", p);
        return apply(x, p, training, g, x.shapeRef());
    }

    /** One mask value per (sample, channel) of {@code [N, C, H, W]}, or per channel of unbatched {@code [C, H, W]}. */
    static Tensor dropout2d(Tensor x, double p, boolean training, Generator g) {
        check("dropout2d", p);
        if (x.dim() != 3 && x.dim() != 4) {
            throw new IllegalArgumentException("dropout2d: expected a 3D [C, H, W] or 4D [N, C, H, W] input, but got"
                    + " input of size " + x.shape() + " — use dropout for other shapes");
        }
        int[] maskShape = x.sizes();
        maskShape[maskShape.length - 1] = 1;
        maskShape[maskShape.length - 2] = 1;
        return apply(x, p, training, g, maskShape);
    }

    private static void check(String op, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(op + ": dropout probability has to be between 0 and 1, but got " + p);
        }
    }

    private static Tensor apply(Tensor x, double p, boolean training, Generator g, int[] maskShape) {
        CnnArgs.checkFloat("dropout", "input", x);
        // As ATen's _dropout_impl: identity when not training, when p == 0 or when there is nothing to drop.
        if (!training || p == 0 || x.numel() == 0) {
            return x;
        }
        if (p == 1) {
            return x.mul(Tensor.zerosLike(x));
        }
        Generator gen = g == null ? Generator.defaultGenerator() : g;
        Tensor noise;
        try (var ng = NoGrad.enter()) {
            noise = Creation.randomLike(gen, maskShape, Distribution.BERNOULLI, 1 - p, 0, x)
                    .mul(1 / (1 - p));
        }
        return x.mul(noise);
    }
}
