package io.netwright.optim;

import io.netwright.nn.Parameter;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import io.netwright.tensor.TensorScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient clipping, like {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. Gradients are changed
 * in place; parameters without a gradient are ignored.
 *
 * <pre>{@code
 * loss.backward();
 * double norm = ClipGrad.clipGradNorm(model.parameters(), 1.0).item();
 * opt.step();
 * }</pre>
 */
public final class ClipGrad {

    private ClipGrad() {
    }

    /** {@link #clipGradNorm(Iterable, double, double, boolean)} with the 2-norm. */
    public static Tensor clipGradNorm(Iterable<Parameter> params, double maxNorm) {
        return clipGradNorm(params, maxNorm, 2.0, false);
    }

    /** {@link #clipGradNorm(Iterable, double, double, boolean)} without the non-finite check. */
    public static Tensor clipGradNorm(Iterable<Parameter> params, double maxNorm, double normType) {
        return clipGradNorm(params, maxNorm, normType, false);
    }

    /**
     * Scales all gradients together so that their joint {@code normType}-norm (the norm of the vector of per-tensor
     * norms) is at most {@code maxNorm}: each is multiplied by {@code min(1, maxNorm / (totalNorm + 1e-6))}, as
     * PyTorch does, even when that factor is 1 (so the device is never waited on).
     *
     * @param normType a finite p > 0, or {@link Double#POSITIVE_INFINITY} for the largest absolute value
     * @param errorIfNonfinite throw if the total norm is NaN or infinite (this reads it back from the device)
     * @return the total norm before clipping, as a 0-d tensor on the first gradient's device ({@code 0} if no
     *         parameter has a gradient)
     */
    public static Tensor clipGradNorm(Iterable<Parameter> params, double maxNorm, double normType,
                                      boolean errorIfNonfinite) {
        if (!(normType > 0)) {
            throw new IllegalArgumentException("clipGradNorm: norm_type must be > 0 or infinity, got "
                    + PyFormat.repr(normType));
        }
        List<Tensor> grads = grads(params);
        if (grads.isEmpty()) {
            return Tensor.scalar(0);
        }
        Tensor total;
        try (NoGrad g = NoGrad.enter(); TensorScope scope = TensorScope.open()) {
            List<Tensor> norms = new ArrayList<>(grads.size());
            for (Tensor grad : grads) {
                norms.add(norm(grad, normType).to(grads.get(0).device()));
            }
            total = norms.size() == 1 ? norms.get(0) : norm(Tensor.stack(norms, 0), normType);
            total = scope.keepHere(total.clone());
            if (errorIfNonfinite && !Double.isFinite(total.item())) {
                throw new IllegalStateException("The total norm of order " + PyFormat.repr(normType)
                        + " for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this "
                        + "error and scale the gradients by the non-finite norm anyway, set errorIfNonfinite=false");
            }
            Tensor coef = total.add(1e-6).reciprocal().mul(maxNorm).clampMax(1.0);
            for (Tensor grad : grads) {
                grad.mul_(coef.to(grad.device()));
            }
        }
        return total;
    }

    /** Clamps every gradient element into {@code [-clipValue, clipValue]}. */
    public static void clipGradValue(Iterable<Parameter> params, double clipValue) {
        if (!(clipValue >= 0)) {
            throw new IllegalArgumentException("clipGradValue: clip_value must be >= 0, got "
                    + PyFormat.repr(clipValue));
        }
        try (NoGrad g = NoGrad.enter()) {
            for (Tensor grad : grads(params)) {
                grad.clamp_(-clipValue, clipValue);
            }
        }
    }

    private static List<Tensor> grads(Iterable<Parameter> params) {
        List<Tensor> out = new ArrayList<>();
        for (Parameter p : params) {
            if (p.grad() != null) {
                out.add(p.grad());
            }
        }
        return out;
    }

    /** The p-norm of all elements of {@code t} (max |x| for p = inf). */
    private static Tensor norm(Tensor t, double p) {
        if (p == Double.POSITIVE_INFINITY) {
            return t.abs().max();
        }
        if (p == 2) {
            return t.mul(t).sum().sqrt();
        }
        if (p == 1) {
            return t.abs().sum();
        }
        return t.abs().pow(p).sum().pow(1.0 / p);
    }
}
