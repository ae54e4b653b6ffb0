package io.netwright.optim;

import io.netwright.nn.Parameter;
import java.util.List;
import java.util.Set;

/**
 * AdamW (Loshchilov and Hutter), computing exactly what {@code torch.optim.AdamW} computes (its
 * single-tensor implementation): Adam with decoupled weight decay, {@code p = p * (1 - lr * weight_decay)} before
 * the moment update, instead of adding the decay to the gradient.
 *
 * <pre>{@code var opt = new AdamW(model.parameters(), new AdamW.Options().lr(1e-3).amsgrad(true));}</pre>
 *
 * <p>State per parameter: {@code step}, {@code exp_avg}, {@code exp_avg_sq} and, with amsgrad,
 * {@code max_exp_avg_sq}.
 */
public final class AdamW extends Optimizer {

    /** AdamW's options with PyTorch's defaults (weight_decay 0.01; the rest as {@link AdamOptions}). */
    public static final class Options extends AdamOptions<Options> {

        /** The defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 0.01, amsgrad false, maximize false. */
        public Options() {
            super("AdamW", 0.01);
        }
    }

    /** AdamW over {@code params} with the default options. */
    public AdamW(Iterable<Parameter> params) {
        this(params, new Options());
    }

    /** AdamW over one group of {@code params}. */
    public AdamW(Iterable<Parameter> params, Options options) {
        this(singleGroup(params), options);
    }

    /** AdamW over several groups; options a group lacks come from {@code options}. */
    public AdamW(List<ParamGroup> groups, Options options) {
        super("AdamW", groups, options, AdamUpdate::validate);
    }

    @Override
    protected Set<String> stateKeys() {
        return AdamUpdate.STATE_KEYS;
    }

    @Override
    protected void update(ParamGroup group, Parameter p, ParamState s, int index) {
        AdamUpdate.update(this, group, p, s, index, true);
    }
}
