package io.netwright.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options shared by {@link Adam} and {@link AdamW} (they differ only in the default weight decay and in how it is
 * applied): lr 1e-3, betas (0.9, 0.999), eps 1e-8, amsgrad false, maximize false.
 *
 * @param <S> the concrete options type, returned by the setters for chaining
 */
public abstract class AdamOptions<S extends AdamOptions<S>> extends OptimizerOptions<S> {

    /** The Adam-family defaults with the given optimizer name and default weight decay. */
    protected AdamOptions(String optimizer, double weightDecay) {
        super(optimizer, defaults(weightDecay));
    }

    private static Map<String, Object> defaults(double weightDecay) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", 1e-3);
        m.put("betas", List.of(0.9, 0.999));
        m.put("eps", 1e-8);
        m.put("weight_decay", weightDecay);
        m.put("amsgrad", false);
        m.put("maximize", false);
        return m;
    }

    /** Coefficients of the running averages of the gradient and its square. */
    public S betas(double beta1, double beta2) {
        return set("betas", List.of(beta1, beta2));
    }

    /** Term added to the denominator for numerical stability. */
    public S eps(double eps) {
        return set("eps", eps);
    }

    /** Use the AMSGrad variant (the maximum of past second moments). */
    public S amsgrad(boolean amsgrad) {
        return set("amsgrad", amsgrad);
    }
}
