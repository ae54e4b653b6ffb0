package io.netwright.optim;

import io.netwright.backend.OptimizerStep;
import io.netwright.nn.Parameter;
import io.netwright.tensor.FusedOptim;
import io.netwright.tensor.Tensor;
import java.util.List;
import java.util.Set;

/** The update and validation shared by {@link Adam} and {@link AdamW}, as in PyTorch's single-tensor code. */
final class AdamUpdate {

    static final Set<String> STATE_KEYS = Set.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq");

    private AdamUpdate() {
    }

    static void validate(ParamGroup g) {
        double lr = g.getDouble("lr");
        double eps = g.getDouble("eps");
        List<Double> betas = g.getDoubles("betas");
        double weightDecay = g.getDouble("weight_decay");
        if (!(lr >= 0)) {
            throw new IllegalArgumentException("Invalid learning rate: " + PyFormat.repr(lr));
        }
        if (!(eps >= 0)) {
            throw new IllegalArgumentException("Invalid epsilon value: " + PyFormat.repr(eps));
        }
        if (betas.size() != 2) {
            throw new IllegalArgumentException("betas must have 2 values (beta1, beta2), got " + betas);
        }
        for (int i = 0; i < 2; i++) {
            double b = betas.get(i);
            if (!(b >= 0 && b < 1)) {
                throw new IllegalArgumentException("Invalid beta parameter at index " + i + ": " + PyFormat.repr(b));
            }
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Invalid weight_decay value: " + PyFormat.repr(weightDecay));
        }
        g.getBoolean("amsgrad");
        g.getBoolean("maximize");
    }

    /**
     * One Adam step; {@code decoupled} applies weight decay to the parameter (AdamW) instead of adding it to the
     * gradient (Adam).
     */
    static void update(Optimizer opt, ParamGroup group, Parameter p, ParamState s, int index, boolean decoupled) {
        double lr = group.lr();
        List<Double> betas = group.getDoubles("betas");
        double beta1 = betas.get(0);
        double beta2 = betas.get(1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean amsgrad = group.getBoolean("amsgrad");
        Tensor param = p.data();
        if (s.isEmpty()) {
            s.setStep(0);
            s.put("exp_avg", Tensor.zerosLike(param));
            s.put("exp_avg_sq", Tensor.zerosLike(param));
            if (amsgrad) {
                s.put("max_exp_avg_sq", Tensor.zerosLike(param));
            }
        }
        Tensor expAvg = opt.require(s, "exp_avg", index, "every Adam step needs it");
        Tensor expAvgSq = opt.require(s, "exp_avg_sq", index, "every Adam step needs it");
        Tensor maxExpAvgSq = amsgrad ? opt.require(s, "max_exp_avg_sq", index, "amsgrad=true") : null;
        long step = s.incrementStep();
        double stepSize = lr / (1 - Math.pow(beta1, step));
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        OptimizerStep.Adam fused = new OptimizerStep.Adam(lr, beta1, beta2, eps, weightDecay, decoupled, amsgrad,
                group.getBoolean("maximize"), stepSize, biasCorrection2Sqrt);
        Tensor[] fusedState = amsgrad ? new Tensor[]{expAvg, expAvgSq, maxExpAvgSq} : new Tensor[]{expAvg, expAvgSq};
        if (FusedOptim.step(fused, param, p.grad(), fusedState)) {
            return;
        }
        Tensor grad = group.getBoolean("maximize") ? p.grad().neg() : p.grad();

        if (decoupled) {
            if (weightDecay != 0) {
                param.mul_(1 - lr * weightDecay);
            }
        } else if (weightDecay != 0) {
            grad = grad.add(param, weightDecay);
        }
        expAvg.mul_(beta1).add_(grad, 1 - beta1);
        expAvgSq.mul_(beta2).add_(grad.mul(grad).mul_(1 - beta2));

        Tensor denom;
        if (amsgrad) {
            maxExpAvgSq.maximum_(expAvgSq);
            denom = maxExpAvgSq.sqrt();
        } else {
            denom = expAvgSq.sqrt();
        }
        denom.div_(biasCorrection2Sqrt).add_(eps);
        param.add_(expAvg.div(denom).mul_(-stepSize));
    }
}
