package io.netwright.nn;

import io.netwright.tensor.Autograd;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;

/**
 * Activation functions that the tensor API does not have as primitives, each one recorded op with its closed-form
 * derivative next to its forward (rather than a chain of a dozen composed nodes).
 */
final class Activations {

    private static final double SQRT_2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double TANH_K = Math.sqrt(2 / Math.PI);
    private static final double TANH_C = 0.044715;

    private Activations() {
    }

    /** {@code x > 0 ? x : alpha * (exp(x) - 1)}. */
    static Tensor elu(Tensor x, double alpha) {
        Tensor out;
        Tensor negExp;
        try (var g = NoGrad.enter()) {
            negExp = x.clampMax(0).exp(); // exp(min(x, 0)): never overflows
            out = x.relu().add(negExp.sub(1).mul(alpha));
        }
        return Autograd.record("elu", out, g -> {
            Tensor pos = x.gt(0.0).toFloat();
            Tensor slope = pos.add(pos.rsub(1).mul(negExp).mul(alpha));
            return new Tensor[]{g.mul(slope)};
        }, x);
    }

    /** Exact GELU {@code x * Phi(x)}, or the tanh approximation when {@code approximate} is {@code "tanh"}. */
    static Tensor gelu(Tensor x, String approximate) {
        if ("tanh".equals(approximate)) {
            return geluTanh(x);
        }
        if (!"none".equals(approximate)) {
            throw new IllegalArgumentException("GELU: approximate must be 'none' or 'tanh', got '" + approximate
                    + "'");
        }
        Tensor out;
        Tensor cdf;
        try (var g = NoGrad.enter()) {
            cdf = x.div(SQRT_2).erf().add(1).mul(0.5);
            out = x.mul(cdf);
        }
        return Autograd.record("gelu", out, g -> {
            Tensor pdf = x.mul(x).mul(-0.5).exp().mul(INV_SQRT_2PI);
            return new Tensor[]{g.mul(cdf.add(x.mul(pdf)))};
        }, x);
    }

    private static Tensor geluTanh(Tensor x) {
        Tensor out;
        Tensor t;
        try (var g = NoGrad.enter()) {
            Tensor inner = x.add(x.pow(3).mul(TANH_C)).mul(TANH_K);
            t = inner.tanh();
            out = x.mul(0.5).mul(t.add(1));
        }
        return Autograd.record("gelu", out, g -> {
            // d/dx 0.5x(1+t) = 0.5(1+t) + 0.5x(1-t^2) * k(1 + 3c x^2)
            Tensor left = t.add(1).mul(0.5);
            Tensor dinner = x.mul(x).mul(3 * TANH_C).add(1).mul(TANH_K);
            Tensor right = x.mul(0.5).mul(t.mul(t).rsub(1)).mul(dinner);
            return new Tensor[]{g.mul(left.add(right))};
        }, x);
    }

    /** {@code x * sigmoid(x)}. */
    static Tensor silu(Tensor x) {
        Tensor out;
        Tensor s;
        try (var g = NoGrad.enter()) {
            s = x.sigmoid();
            out = x.mul(s);
        }
        return Autograd.record("silu", out, g -> new Tensor[]{g.mul(s.mul(x.mul(s.rsub(1)).add(1)))}, x);
    }

    /** {@code x > 0 ? x : w * x} with {@code w} per channel (dim 1) or shared when it has one element. */
    static Tensor prelu(Tensor x, Tensor weight) {
        int n = weight.numel();
        Tensor w = weight;
        if (n != 1) {
            if (x.dim() < 2 || x.size(1) != n) {
                throw new IllegalArgumentException("PReLU(num_parameters=" + n + "): input " + x.shape() + " has "
                        + (x.dim() < 2 ? "no channel dim" : x.size(1) + " channels in dim 1")
                        + " — set num_parameters=1 or to the channel count");
            }
            w = weight.view(Normalization.channelShape(n, x.dim()));
        } else {
            w = weight.reshape(new int[0]);
        }
        return x.relu().add(x.clampMax(0).mul(w));
    }
}
