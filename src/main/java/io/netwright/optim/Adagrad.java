package io.netwright.optim;

import io.netwright.backend.OptimizerStep;
import io.netwright.nn.Parameter;
import io.netwright.tensor.FusedOptim;
import io.netwright.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adagrad (Duchi et al.), computing exactly what {@code torch.optim.Adagrad} computes (its single-tensor
 * implementation):
 *
 * <pre>
 * g = grad (negated if maximize) + weight_decay * p
 * clr = lr / (1 + (t - 1) * lr_decay)
 * s = s + g * g;   p = p - clr * g / (sqrt(s) + eps)
 * </pre>
 *
 * <pre>{@code var opt = new Adagrad(model.parameters(), new Adagrad.Options().lr(0.1));}</pre>
 *
 * <p>State per parameter: {@code step} and {@code sum}. As in PyTorch the state is created for every parameter when
 * its group is added (so it appears in the state dict before the first step), with {@code sum} filled with
 * {@code initial_accumulator_value}.
 */
public final class Adagrad extends Optimizer {

    /** Adagrad's options with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {

        /** The defaults: lr 1e-2, lr_decay 0, eps 1e-10, weight_decay 0, initial_accumulator_value 0. */
        public Options() {
            super("Adagrad", defaults());
        }

        private static Map<String, Object> defaults() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lr", 1e-2);
            m.put("lr_decay", 0.0);
            m.put("eps", 1e-10);
            m.put("weight_decay", 0.0);
            m.put("initial_accumulator_value", 0.0);
            m.put("maximize", false);
            return m;
        }

        /** Learning-rate decay per step. */
        public Options lrDecay(double lrDecay) {
            return set("lr_decay", lrDecay);
        }

        /** Term added to the denominator for numerical stability. */
        public Options eps(double eps) {
            return set("eps", eps);
        }

        /** Starting value of the sum of squared gradients. */
        public Options initialAccumulatorValue(double value) {
            return set("initial_accumulator_value", value);
        }
    }

    /** Adagrad over {@code params} with the default options. */
    public Adagrad(Iterable<Parameter> params) {
        this(params, new Options());
    }

    /** Adagrad over one group of {@code params}. */
    public Adagrad(Iterable<Parameter> params, Options options) {
        this(singleGroup(params), options);
    }

    /** Adagrad over several groups; options a group lacks come from {@code options}. */
    public Adagrad(List<ParamGroup> groups, Options options) {
        super("Adagrad", groups, options, Adagrad::validate);
        for (ParamGroup g : paramGroups()) {
            initState(g);
        }
    }

    static void validate(ParamGroup g) {
        double lr = g.getDouble("lr");
        double lrDecay = g.getDouble("lr_decay");
        double weightDecay = g.getDouble("weight_decay");
        double init = g.getDouble("initial_accumulator_value");
        double eps = g.getDouble("eps");
        if (!(lr >= 0)) {
            throw new IllegalArgumentException("Invalid learning rate: " + PyFormat.repr(lr));
        }
        if (!(lrDecay >= 0)) {
            throw new IllegalArgumentException("Invalid lr_decay value: " + PyFormat.repr(lrDecay));
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Invalid weight_decay value: " + PyFormat.repr(weightDecay));
        }
        if (!(init >= 0)) {
            throw new IllegalArgumentException("Invalid initial_accumulator_value value: " + PyFormat.repr(init));
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("Invalid epsilon value: " + PyFormat.repr(eps));
        }
        g.getBoolean("maximize");
    }

    /** Adds a group and creates its parameters' state at once, as PyTorch's constructor does. */
    @Override
    public void addParamGroup(ParamGroup group) {
        super.addParamGroup(group);
        initState(group);
    }

    private void initState(ParamGroup g) {
        double init = g.getDouble("initial_accumulator_value");
        for (Parameter p : g.params()) {
            ParamState s = stateFor(p);
            if (s.isEmpty()) {
                s.setStep(0);
                s.put("sum", Tensor.fullLike(p.data(), init));
            }
        }
    }

    @Override
    protected Set<String> stateKeys() {
        return Set.of("sum");
    }

    @Override
    protected void update(ParamGroup group, Parameter p, ParamState s, int index) {
        double lr = group.lr();
        double lrDecay = group.getDouble("lr_decay");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        if (s.isEmpty()) {
            // state cleared by loading a state dict saved before this parameter had any
            s.setStep(0);
            s.put("sum", Tensor.fullLike(p.data(), group.getDouble("initial_accumulator_value")));
        }
        Tensor sum = require(s, "sum", index, "every Adagrad step needs it");
        long step = s.incrementStep();
        Tensor param = p.data();
        double clr = lr / (1 + (step - 1) * lrDecay);
        if (FusedOptim.step(new OptimizerStep.Adagrad(clr, eps, weightDecay, group.getBoolean("maximize")),
                param, p.grad(), sum)) {
            return;
        }
        Tensor grad = group.getBoolean("maximize") ? p.grad().neg() : p.grad();
        if (weightDecay != 0) {
            grad = grad.add(param, weightDecay);
        }
        sum.add_(grad.mul(grad));
        Tensor std = sum.sqrt().add_(eps);
        param.add_(grad.div(std).mul_(-clr));
    }
}
