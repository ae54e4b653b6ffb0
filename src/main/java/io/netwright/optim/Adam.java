package io.netwright.optim;

import io.netwright.nn.Parameter;
import java.util.List;
import java.util.Set;

/**
 * Adam (Kingma and Ba), computing exactly what {@code torch.optim.Adam} computes (its single-tensor
 * implementation): L2 weight decay is added to the gradient, then the bias-corrected moment estimates give
 *
 * <pre>
 * m = beta1 * m + (1 - beta1) * g;   v = beta2 * v + (1 - beta2) * g * g   (v_max = max(v_max, v) if amsgrad)
 * p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * <pre>{@code var opt = new Adam(model.parameters(), new Adam.Options().lr(1e-3).amsgrad(true));}</pre>
 *
 * <p>State per parameter: {@code step}, {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad,
 * {@code max_exp_avg_sq}.
 */
public final class Adam extends Optimizer {

    /** Adam's options with PyTorch's defaults (weight_decay 0; the rest as {@link AdamOptions}). */
    public static final class Options extends AdamOptions<Options> {

        /** The defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0, amsgrad false, maximize false. */
        public Options() {
            super("Adam", 0.0);
        }
    }

    /** Adam over {@code params} with the default options. */
    public Adam(Iterable<Parameter> params) {
        this(params, new Options());
    }

    /** Adam over one group of {@code params}. */
    public Adam(Iterable<Parameter> params, Options options) {
        this(singleGroup(params), options);
    }

    /** Adam over several groups; options a group lacks come from {@code options}. */
    public Adam(List<ParamGroup> groups, Options options) {
        super("Adam", groups, options, AdamUpdate::validate);
    }

    @Override
    protected Set<String> stateKeys() {
        return AdamUpdate.STATE_KEYS;
    }

    @Override
    protected void update(ParamGroup group, Parameter p, ParamState s, int index) {
        AdamUpdate.update(this, group, p, s, index, false);
    }
}
