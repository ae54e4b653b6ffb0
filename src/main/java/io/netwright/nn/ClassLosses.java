package io.netwright.nn;

import io.netwright.backend.DType;
import io.netwright.tensor.Autograd;
import io.netwright.tensor.NoGrad;
import io.netwright.tensor.Tensor;
import java.util.Arrays;

/**
 * Negative log-likelihood and cross-entropy with PyTorch's semantics: class dim 1 of {@code [N, C, d1, ...]} (or
 * an unbatched {@code [C]}), int64 class-index targets {@code [N, d1, ...]}, optional class weights, an ignored
 * target value, label smoothing, and the weighted mean {@code sum(w[y_i] * l_i) / sum(w[y_i])}.
 *
 * <p>NLL is one recorded op (gather forward, scatter backward); cross-entropy is log-softmax followed by it.
 */
final class ClassLosses {

    private ClassLosses() {
    }

    /** Class-index targets, as prepared for the kernels. */
    private record Targets(Tensor logp, Tensor safe, Tensor valid, Tensor wy, boolean unbatched, int classes) {
    }

    static Tensor nll(String loss, Tensor logp, Tensor target, Tensor weight, long ignoreIndex, Reduction r) {
        Targets t = prepare(loss, logp, target, weight, ignoreIndex);
        return t.unbatched && r == Reduction.NONE ? nllCore(t, r).squeeze(0) : nllCore(t, r);
    }

    static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, long ignoreIndex, double labelSmoothing,
                               Reduction r) {
        String loss = "CrossEntropyLoss";
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException(loss + ": label_smoothing must be between 0.0 and 1.0. Got: "
                    + labelSmoothing);
        }
        if (target.dtype().isFloating()) {
            return crossEntropyProbs(input, target, weight, labelSmoothing, r);
        }
        Tensor logp = input.logSoftmax(input.dim() == 1 ? 0 : 1);
        Targets t = prepare(loss, logp, target, weight, ignoreIndex);
        Tensor out = nllCore(t, r);
        if (labelSmoothing > 0) {
            Tensor lp = t.logp;
            Tensor smooth = (weight == null ? lp : lp.mul(weight.view(Normalization.channelShape(t.classes,
                    lp.dim())))).sum(1).neg().mul(t.valid);
            Tensor reduced = switch (r) {
                case NONE -> smooth;
                case SUM -> smooth.sum();
                // PyTorch: the same denominator as the NLL part, sum of w[y_i] over the non-ignored targets
                case MEAN -> smooth.sum().div(t.wy.sum());
            };
            out = out.mul(1 - labelSmoothing).add(reduced.mul(labelSmoothing / t.classes));
        }
        return t.unbatched && r == Reduction.NONE ? out.squeeze(0) : out;
    }

    /** Targets given as class probabilities of the input's shape. */
    private static Tensor crossEntropyProbs(Tensor input, Tensor target, Tensor weight, double ls, Reduction r) {
        if (!Arrays.equals(input.sizes(), target.sizes())) {
            throw new IllegalArgumentException("CrossEntropyLoss: probability targets must have the input's shape "
                    + input.shape() + ", got " + target.shape() + " — for class indices pass an int64 target");
        }
        int cdim = input.dim() == 1 ? 0 : 1;
        int classes = input.size(cdim);
        checkWeight("CrossEntropyLoss", weight, classes);
        Tensor logp = input.logSoftmax(cdim);
        Tensor y = ls > 0 ? target.mul(1 - ls).add(ls / classes) : target;
        Tensor prod = logp.mul(y);
        if (weight != null) {
            prod = prod.mul(weight.view(Normalization.channelShape(classes, input.dim())));
        }
        Tensor per = prod.sum(cdim).neg();
        return switch (r) {
            case NONE -> per;
            case SUM -> per.sum();
            case MEAN -> per.sum().div((double) input.numel() / classes);
        };
    }

    /** The recorded NLL op: {@code -w[y] * logp[y]} per position, then the reduction. */
    private static Tensor nllCore(Targets t, Reduction r) {
        Tensor index = t.safe.unsqueeze(1);
        Tensor out;
        Tensor denom;
        try (var g = NoGrad.enter()) {
            Tensor per = t.logp.gather(1, index).squeeze(1).mul(t.wy).neg();
            denom = r == Reduction.MEAN ? t.wy.sum() : null;
            out = switch (r) {
                case NONE -> per;
                case SUM -> per.sum();
                case MEAN -> per.sum().div(denom);
            };
        }
        Tensor logp = t.logp;
        return Autograd.record("nll_loss", out, g -> {
            Tensor coef = g.mul(t.wy);
            if (denom != null) {
                coef = coef.div(denom);
            }
            Tensor src = coef.neg().unsqueeze(1);
            return new Tensor[]{Tensor.zerosLike(logp).scatter(1, index, src)};
        }, logp);
    }

    private static Targets prepare(String loss, Tensor logp, Tensor target, Tensor weight, long ignoreIndex) {
        boolean unbatched = logp.dim() == 1;
        if (logp.dim() == 0) {
            throw new IllegalArgumentException(loss + ": input must have a class dim, got a scalar");
        }
        Tensor lp = unbatched ? logp.unsqueeze(0) : logp;
        if (target.dtype() != DType.INT64) {
            throw new IllegalArgumentException(loss + ": expected class-index targets of dtype int64, got "
                    + target.dtype().torchName() + " — call toLong() on the labels");
        }
        Tensor tg = unbatched ? target.unsqueeze(0) : target;
        int[] expected = new int[lp.dim() - 1];
        expected[0] = lp.size(0);
        for (int i = 2; i < lp.dim(); i++) {
            expected[i - 1] = lp.size(i);
        }
        if (!Arrays.equals(expected, tg.sizes())) {
            throw new IllegalArgumentException(loss + ": input " + logp.shape() + " needs a target of shape "
                    + Arrays.toString(unbatched ? new int[0] : expected) + " (the input without its class dim 1), "
                    + "got " + target.shape());
        }
        int classes = lp.size(1);
        checkWeight(loss, weight, classes);
        Tensor valid = tg.ne((double) ignoreIndex);
        Tensor bad = tg.lt(0.0).logicalOr(tg.ge((double) classes)).logicalAnd(valid);
        if (bad.numel() > 0 && bad.any()) {
            long v = tg.maskedSelect(bad).toLongArray()[0];
            throw new IndexOutOfBoundsException(loss + ": Target " + v + " is out of bounds for " + classes
                    + " classes [0, " + classes + ") — make the last layer output as many classes as the labels "
                    + "need, or fix the labels");
        }
        Tensor validF = valid.toFloat();
        Tensor safe = Tensor.where(valid, tg, Tensor.zerosLike(tg));
        Tensor wy = weight == null ? validF
                : weight.detach().indexSelect(0, safe.reshape(-1)).view(safe.sizes()).mul(validF);
        return new Targets(lp, safe, validF, wy, unbatched, classes);
    }

    private static void checkWeight(String loss, Tensor weight, int classes) {
        if (weight != null && (weight.dim() != 1 || weight.size(0) != classes)) {
            throw new IllegalArgumentException(loss + ": weight tensor should be defined either for all " + classes
                    + " classes or no classes but got weight tensor of shape: " + weight.shape());
        }
    }
}
