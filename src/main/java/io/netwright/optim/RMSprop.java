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
 * RMSprop (Hinton), computing exactly what {@code torch.optim.RMSprop} computes (its single-tensor implementation):
 *
 * <pre>
 * g = grad (negated if maximize) + weight_decay * p
 * v = alpha * v + (1 - alpha) * g * g
 * avg = sqrt(v - m * m) with m = alpha * m + (1 - alpha) * g if centered, else sqrt(v);   avg += eps
 * b = momentum * b + g / avg;  p = p - lr * b      (if momentum > 0; else p = p - lr * g / avg)
 * </pre>
 *
 * <pre>{@code var opt = new RMSprop(model.parameters(), new RMSprop.Options().lr(1e-3).centered(true));}</pre>
 *
 * <p>State per parameter: {@code step}, {@code square_avg}, {@code momentum_buffer} (momentum > 0) and
 * {@code grad_avg} (centered).
 */
public final class RMSprop extends Optimizer {

    /** RMSprop's options with PyTorch's defaults. */
    public static final class Options extends OptimizerOptions<Options> {

        /** The defaults: lr 1e-2, momentum 0, alpha 0.99, eps 1e-8, centered false, weight_decay 0, maximize false. */
        public Options() {
            super("RMSprop", defaults());
        }

        private static Map<String, Object> defaults() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lr", 1e-2);
            m.put("momentum", 0.0);
            m.put("alpha", 0.99);
            m.put("eps", 1e-8);
            m.put("centered", false);
            m.put("weight_decay", 0.0);
            m.put("maximize", false);
            return m;
        }

        /** Momentum factor. */
        public Options momentum(double momentum) {
            return set("momentum", momentum);
        }

        /** Smoothing constant of the squared-gradient average. */
        public Options alpha(double alpha) {
            return set("alpha", alpha);
        }

        /** Term added to the denominator for numerical stability. */
        public Options eps(double eps) {
            return set("eps", eps);
        }

        /** Normalise by the estimated variance of the gradient instead of its second moment. */
        public Options centered(boolean centered) {
            return set("centered", centered);
        }
    }

    /** RMSprop over {@code params} with the default options. */
    public RMSprop(Iterable<Parameter> params) {
        this(params, new Options());
    }

    /** RMSprop over one group of {@code params}. */
    public RMSprop(Iterable<Parameter> params, Options options) {
        this(singleGroup(params), options);
    }

    /** RMSprop over several groups; options a group lacks come from {@code options}. */
    public RMSprop(List<ParamGroup> groups, Options options) {
        super("RMSprop", groups, options, RMSprop::validate);
    }

    static void validate(ParamGroup g) {
        double lr = g.getDouble("lr");
        double eps = g.getDouble("eps");
        double momentum = g.getDouble("momentum");
        double weightDecay = g.getDouble("weight_decay");
        double alpha = g.getDouble("alpha");
        if (!(lr >= 0)) {
            throw new IllegalArgumentException("Invalid learning rate: " + PyFormat.repr(lr));
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("Invalid epsilon value: " + PyFormat.repr(eps));
        }
        if (!(momentum >= 0)) {
            throw new IllegalArgumentException("Invalid momentum value: " + PyFormat.repr(momentum));
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Invalid weight_decay value: " + PyFormat.repr(weightDecay));
        }
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("Invalid alpha value: " + PyFormat.repr(alpha));
        }
        g.getBoolean("centered");
        g.getBoolean("maximize");
    }

    @Override
    protected Set<String> stateKeys() {
        return Set.of("square_avg", "momentum_buffer", "grad_avg");
    }

    @Override
    protected void update(ParamGroup group, Parameter p, ParamState s, int index) {
        double lr = group.lr();
        double alpha = group.getDouble("alpha");
        double eps = group.getDouble("eps");
        double momentum = group.getDouble("momentum");
        double weightDecay = group.getDouble("weight_decay");
        boolean centered = group.getBoolean("centered");
        Tensor param = p.data();
        if (s.isEmpty()) {
            s.setStep(0);
            s.put("square_avg", Tensor.zerosLike(param));
            if (momentum > 0) {
                s.put("momentum_buffer", Tensor.zerosLike(param));
            }
            if (centered) {
                s.put("grad_avg", Tensor.zerosLike(param));
            }
        }
        s.incrementStep();
        Tensor squareAvg = require(s, "square_avg", index, "every RMSprop step needs it");
        Tensor buf = momentum > 0 ? require(s, "momentum_buffer", index, "momentum > 0") : null;
        Tensor gradAvg = centered ? require(s, "grad_avg", index, "centered=true") : null;
        java.util.List<Tensor> fusedState = new java.util.ArrayList<>(3);
        fusedState.add(squareAvg);
        if (buf != null) {
            fusedState.add(buf);
        }
        if (gradAvg != null) {
            fusedState.add(gradAvg);
        }
        OptimizerStep.RmsProp fused = new OptimizerStep.RmsProp(lr, alpha, eps, weightDecay, momentum, centered,
                group.getBoolean("maximize"));
        if (FusedOptim.step(fused, param, p.grad(), fusedState.toArray(new Tensor[0]))) {
            return;
        }
        Tensor grad = group.getBoolean("maximize") ? p.grad().neg() : p.grad();
        if (weightDecay != 0) {
            grad = grad.add(param, weightDecay);
        }
        squareAvg.mul_(alpha).add_(grad.mul(grad).mul_(1 - alpha));
        Tensor avg;
        if (centered) {
            gradAvg.mul_(alpha).add_(grad, 1 - alpha);
            avg = squareAvg.sub(gradAvg.mul(gradAvg)).sqrt_();
        } else {
            avg = squareAvg.sqrt();
        }
        avg.add_(eps);
        if (momentum > 0) {
            buf.mul_(momentum).add_(grad.div(avg));
            param.add_(buf, -lr);
        } else {
            param.add_(grad.div(avg).mul_(-lr));
        }
    }
}
