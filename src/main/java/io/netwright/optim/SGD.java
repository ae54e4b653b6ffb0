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
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum, weight decay and maximisation,
 * computing exactly what {@code torch.optim.SGD} computes (its single-tensor implementation):
 *
 * <pre>
 * g = grad (negated if maximize) + weight_decay * p
 * b = g on the first step, else momentum * b + (1 - dampening) * g      (if momentum != 0)
 * g = g + momentum * b if nesterov, else b
 * p = p - lr * g
 * </pre>
 *
 * <pre>{@code var opt = new SGD(model.parameters(), new SGD.Options().lr(0.05).momentum(0.9));}</pre>
 *
 * <p>State per parameter: {@code momentum_buffer} (only when momentum is non-zero).
 */
public final class SGD extends Optimizer {

    /** SGD's options with PyTorch's defaults (lr defaults to 1e-3 as in PyTorch 2.x; 1.x required it). */
    public static final class Options extends OptimizerOptions<Options> {

        /** The defaults: lr 1e-3, momentum 0, dampening 0, weight_decay 0, nesterov false, maximize false. */
        public Options() {
            super("SGD", defaults());
        }

        private static Map<String, Object> defaults() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lr", 1e-3);
            m.put("momentum", 0.0);
            m.put("dampening", 0.0);
            m.put("weight_decay", 0.0);
            m.put("nesterov", false);
            m.put("maximize", false);
            return m;
        }

        /** Momentum factor. */
        public Options momentum(double momentum) {
            return set("momentum", momentum);
        }

        /** Dampening for momentum. */
        public Options dampening(double dampening) {
            return set("dampening", dampening);
        }

        /** Nesterov momentum (needs momentum > 0 and zero dampening). */
        public Options nesterov(boolean nesterov) {
            return set("nesterov", nesterov);
        }
    }

    /** SGD over {@code params} with learning rate {@code lr} and no momentum. */
    public SGD(Iterable<Parameter> params, double lr) {
        this(params, new Options().lr(lr));
    }

    /** SGD over one group of {@code params}. */
    public SGD(Iterable<Parameter> params, Options options) {
        this(singleGroup(params), options);
    }

    /** SGD over several groups; options a group lacks come from {@code options}. */
    public SGD(List<ParamGroup> groups, Options options) {
        super("SGD", groups, options, SGD::validate);
    }

    static void validate(ParamGroup g) {
        double lr = g.getDouble("lr");
        double momentum = g.getDouble("momentum");
        double weightDecay = g.getDouble("weight_decay");
        double dampening = g.getDouble("dampening");
        if (!(lr >= 0)) {
            throw new IllegalArgumentException("Invalid learning rate: " + PyFormat.repr(lr));
        }
        if (!(momentum >= 0)) {
            throw new IllegalArgumentException("Invalid momentum value: " + PyFormat.repr(momentum));
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Invalid weight_decay value: " + PyFormat.repr(weightDecay));
        }
        if (g.getBoolean("nesterov") && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening");
        }
        g.getBoolean("maximize");
    }

    @Override
    protected Set<String> stateKeys() {
        return Set.of("momentum_buffer");
    }

    @Override
    protected void update(ParamGroup group, Parameter p, ParamState s, int index) {
        double lr = group.lr();
        double momentum = group.getDouble("momentum");
        double dampening = group.getDouble("dampening");
        double weightDecay = group.getDouble("weight_decay");
        Tensor param = p.data();
        Tensor existing = momentum != 0 ? s.get("momentum_buffer") : null;
        Tensor buf = momentum != 0 && existing == null ? Tensor.zerosLike(param) : existing;
        OptimizerStep.Sgd step = new OptimizerStep.Sgd(lr, momentum, dampening, weightDecay,
                group.getBoolean("nesterov"), group.getBoolean("maximize"), existing == null);
        if (FusedOptim.step(step, param, p.grad(), buf == null ? new Tensor[0] : new Tensor[]{buf})) {
            if (buf != existing) {
                s.put("momentum_buffer", buf);
            }
            return;
        }
        Tensor d = group.getBoolean("maximize") ? p.grad().neg() : p.grad();
        if (weightDecay != 0) {
            d = d.add(param, weightDecay);
        }
        if (momentum != 0) {
            Tensor b;
            if (existing == null) {
                b = s.put("momentum_buffer", d.clone());
            } else {
                b = existing.mul_(momentum).add_(d, 1 - dampening);
            }
            d = group.getBoolean("nesterov") ? d.add(b, momentum) : b;
        }
        param.add_(d, -lr);
    }
}
