package io.netwright.nn;

import io.netwright.tensor.Autograd;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;

/**
 * The normalisation kernel shared by batch and layer norm, as one recorded op: {@code xhat = (x - mean) / sqrt(var +
 * eps)} over {@code dims} with the biased variance, and the closed-form backward
 * {@code dx = invstd * (g - mean(g) - xhat * mean(g * xhat))}. One node instead of a dozen keeps memory low.
 */
final class Normalization {

    private Normalization() {
    }

    /**
     * The normalised input (recorded for autograd) and the batch statistics (detached, with {@code keepdim}).
     *
     * @param xhat normalised input, same shape as the input
     * @param mean mean over the reduced dims
     * @param var  biased variance over the reduced dims
     */
    record Result(Tensor xhat, Tensor mean, Tensor var) {
    }

    /** Normalises {@code x} over {@code dims}. */
    static Result normalize(Tensor x, int[] dims, double eps) {
        Tensor mean;
        Tensor var;
        Tensor invstd;
        Tensor xhat;
        try (var g = NoGrad.enter()) {
            mean = x.mean(dims, true);
            Tensor centered = x.sub(mean);
            var = centered.mul(centered).mean(dims, true);
            invstd = var.add(eps).sqrt().reciprocal();
            xhat = centered.mul(invstd);
        }
        Tensor saved = xhat.detach();
        Autograd.record("native_norm", xhat, grad -> {
            Tensor gMean = grad.mean(dims, true);
            Tensor gxMean = grad.mul(saved).mean(dims, true);
            return new Tensor[]{grad.sub(gMean).sub(saved.mul(gxMean)).mul(invstd)};
        }, x);
        return new Result(xhat, mean, var);
    }

    /** The shape {@code [1, C, 1, ...]} of rank {@code rank} that broadcasts a per-channel vector over dim 1. */
    static int[] channelShape(int channels, int rank) {
        int[] s = new int[rank];
        java.util.Arrays.fill(s, 1);
        s[rank > 1 ? 1 : 0] = channels;
        return s;
    }
}
