package io.netwright.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * Sets each group's learning rate to its initial lr times a function of the epoch, like
 * {@code torch.optim.lr_scheduler.LambdaLR}.
 *
 * <pre>{@code new LambdaLR(opt, epoch -> Math.pow(0.95, epoch))}</pre>
 *
 * <p>The functions are code, not state: the state dict leaves them out (PyTorch stores {@code None} for plain
 * functions), so a restored scheduler must be built with the same functions.
 */
public final class LambdaLR extends LRScheduler {

    private final List<IntToDoubleFunction> lambdas;

    /** One function for every group. */
    public LambdaLR(Optimizer optimizer, IntToDoubleFunction lrLambda) {
        this(optimizer, Collections.nCopies(optimizer.paramGroups().size(), lrLambda));
    }

    /** One function per group, in group order. */
    public LambdaLR(Optimizer optimizer, List<IntToDoubleFunction> lrLambdas) {
        super("LambdaLR", optimizer);
        if (lrLambdas.size() != optimizer.paramGroups().size()) {
            throw new IllegalArgumentException("Expected " + optimizer.paramGroups().size() + " lr_lambdas, but got "
                    + lrLambdas.size());
        }
        this.lambdas = List.copyOf(new ArrayList<>(lrLambdas));
        init();
    }

    @Override
    protected double[] computeLr() {
        double[] out = new double[groupCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = baseLr(i) * lambdas.get(i).applyAsDouble(lastEpoch());
        }
        return out;
    }

    @Override
    protected void saveFields(Map<String, Object> out) {
        // the lambdas are code and are not saved
    }

    @Override
    protected void loadFields(Map<String, Object> in) {
        // nothing beyond the base fields
    }
}
