package io.netwright.nn;

import io.netwright.tensor.Autograd;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.util.Arrays;

/**
 * The regression and binary losses with PyTorch's formulas. Elementwise parts that need care (BCE's clamped logs,
 * BCE-with-logits' stable softplus) are single recorded ops with PyTorch's derivatives; reductions are composed.
 * The class losses live in {@link ClassLosses}.
 */
final class LossFunctions {

    private LossFunctions() {
    }

    // ================================================================ helpers

    static Tensor reduce(Tensor perElement, Reduction r) {
        return switch (r) {
            case NONE -> perElement;
            case MEAN -> perElement.mean();
            case SUM -> perElement.sum();
        };
    }

    /** Input and target of an elementwise loss must agree in shape (broadcasting them is a classic bug). */
    static void sameShape(String loss, Tensor input, Tensor target) {
        if (!Arrays.equals(input.sizes(), target.sizes())) {
            throw new IllegalArgumentException(loss + ": target size " + target.shape() + " is different from input"
                    + " size " + input.shape() + " — reshape the target to " + input.shape() + " (broadcasting them"
                    + " would compare every pair, which is almost never intended)");
        }
        if (!target.dtype().isFloating()) {
            throw new IllegalArgumentException(loss + ": target must be floating point, got "
                    + target.dtype().torchName() + " — call toFloat() on the target");
        }
    }

    // ================================================================ regression

    static Tensor mse(Tensor input, Tensor target, Reduction r) {
        sameShape("MSELoss", input, target);
        Tensor d = input.sub(target);
        return reduce(d.mul(d), r);
    }

    static Tensor l1(Tensor input, Tensor target, Reduction r) {
        sameShape("L1Loss", input, target);
        return reduce(input.sub(target).abs(), r);
    }

    /** Quadratic below {@code beta}, linear above: {@code |d| < beta ? 0.5 d^2 / beta : |d| - 0.5 beta}. */
    static Tensor smoothL1(Tensor input, Tensor target, double beta, Reduction r) {
        if (beta < 0) {
            throw new IllegalArgumentException("SmoothL1Loss: smooth_l1_loss does not support negative values for "
                    + "beta, got " + beta);
        }
        sameShape("SmoothL1Loss", input, target);
        Tensor d = input.sub(target);
        Tensor ad = d.abs();
        if (beta == 0) {
            return reduce(ad, r);
        }
        Tensor quad = d.mul(d).mul(0.5 / beta);
        Tensor lin = ad.sub(0.5 * beta);
        return reduce(Tensor.where(ad.lt(beta), quad, lin), r);
    }

    // ================================================================ binary

    /** {@code -(y log x + (1-y) log(1-x))} with each log clamped at -100, as PyTorch does. */
    static Tensor bce(Tensor input, Tensor target, Tensor weight, Reduction r) {
        sameShape("BCELoss", input, target);
        if (input.numel() > 0 && (input.lt(0.0).any() || input.gt(1.0).any())) {
            throw new IllegalArgumentException("BCELoss: all elements of input should be between 0 and 1 — apply "
                    + "sigmoid first, or use BCEWithLogitsLoss on the raw logits (more stable)");
        }
        Tensor logX;
        Tensor log1mX;
        Tensor out;
        try (var g = NoGrad.enter()) {
            logX = input.log().clampMin(-100);
            log1mX = input.rsub(1).log().clampMin(-100);
            out = target.mul(logX).add(target.rsub(1).mul(log1mX)).neg();
        }
        Autograd.record("binary_cross_entropy", out, g -> {
            // PyTorch: grad * (x - y) / max((1 - x) * x, 1e-12)
            Tensor denom = input.rsub(1).mul(input).clampMin(1e-12);
            Tensor gx = g.mul(input.sub(target)).div(denom);
            Tensor gy = g.mul(log1mX.sub(logX));
            return new Tensor[]{gx, gy};
        }, input, target);
        return reduce(weight == null ? out : out.mul(weight), r);
    }

    /**
     * {@code (1-y) x + (1 + (pw-1) y) softplus(-x)}, PyTorch's stable form of BCE on logits; {@code posWeight}
     * (broadcast over the last dim) weighs positive examples and receives no gradient.
     */
    static Tensor bceWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight, Reduction r) {
        sameShape("BCEWithLogitsLoss", input, target);
        Tensor spNeg;
        Tensor logWeight;
        Tensor out;
        try (var g = NoGrad.enter()) {
            // softplus(-x) = max(-x, 0) + log(1 + exp(-|x|))
            spNeg = input.neg().clampMin(0).add(input.abs().neg().exp().add(1).log());
            logWeight = posWeight == null ? null : posWeight.sub(1).mul(target).add(1);
            out = target.rsub(1).mul(input).add(logWeight == null ? spNeg : logWeight.mul(spNeg));
        }
        Autograd.record("binary_cross_entropy_with_logits", out, g -> {
            Tensor s = input.sigmoid();
            Tensor gx;
            Tensor gy;
            if (logWeight == null) {
                gx = s.sub(target);
                gy = input.neg();
            } else {
                gx = logWeight.mul(s).sub(posWeight.mul(target));
                gy = posWeight.sub(1).mul(spNeg).sub(input);
            }
            return new Tensor[]{g.mul(gx), g.mul(gy)};
        }, input, target);
        return reduce(weight == null ? out : out.mul(weight), r);
    }
}
