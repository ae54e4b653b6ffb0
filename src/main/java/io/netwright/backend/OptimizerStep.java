package io.netwright.backend;

/**
 * One fused optimizer update of one parameter, for {@link Backend#optimizerStep}: the hyperparameters of the step
 * (already resolved for this step: bias corrections, decayed learning rates). Each record documents the exact
 * float32 computation per element, which is the composite computation the optimizer runs when a backend has no
 * fused kernel: every scalar is rounded to float once, every operation rounds to float, no fused multiply-add.
 *
 * <p>The state views a step takes, in this order (all FLOAT32, contiguous, the parameter's element count):
 * <ul>
 *   <li>{@link Sgd}: {@code momentum_buffer} when momentum is non-zero, else none;</li>
 *   <li>{@link Adam}: {@code exp_avg}, {@code exp_avg_sq}, and {@code max_exp_avg_sq} when amsgrad;</li>
 *   <li>{@link RmsProp}: {@code square_avg}, then {@code momentum_buffer} when momentum &gt; 0, then
 *       {@code grad_avg} when centered;</li>
 *   <li>{@link Adagrad}: {@code sum}.</li>
 * </ul>
 */
public sealed interface OptimizerStep {

    /** How many state views this step takes. */
    int stateCount();

    /**
     * Checks the views of {@link Backend#optimizerStep} by the rules every backend applies (state count, FLOAT32,
     * contiguous, one element count) and returns that count; throws {@link IllegalArgumentException} naming the op.
     */
    static int checkViews(OptimizerStep step, View param, View grad, View[] state) {
        String op = "optimizerStep " + step.getClass().getSimpleName();
        if (state.length != step.stateCount()) {
            throw new IllegalArgumentException(op + ": takes " + step.stateCount() + " state views, got "
                    + state.length);
        }
        int n = param.numel();
        require(op, "param", param, n);
        require(op, "grad", grad, n);
        for (int i = 0; i < state.length; i++) {
            require(op, "state " + i, state[i], n);
        }
        return n;
    }

    private static void require(String op, String what, View v, int n) {
        if (v == null) {
            throw new IllegalArgumentException(op + ": " + what + " is missing");
        }
        if (v.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(op + ": " + what + " must be FLOAT32, got " + v.dtype());
        }
        if (!v.isContiguous()) {
            throw new IllegalArgumentException(op + ": " + what + " must be contiguous — make it contiguous first");
        }
        if (v.numel() != n) {
            throw new IllegalArgumentException(op + ": " + what + " has " + v.numel() + " elements, the parameter "
                    + n);
        }
    }

    /**
     * SGD ({@code torch.optim.SGD}, single-tensor):
     * <pre>
     * g = maximize ? -grad : grad;  if (weightDecay != 0) g = g + p * wd
     * if (momentum != 0) { b = first ? g : b * momentum + g * (1 - dampening);  g = nesterov ? g + b * momentum : b }
     * p = p + g * (-lr)
     * </pre>
     *
     * @param firstStep the momentum buffer is new: it takes {@code g} as it is (its previous content is ignored)
     */
    record Sgd(double lr, double momentum, double dampening, double weightDecay, boolean nesterov,
               boolean maximize, boolean firstStep) implements OptimizerStep {
        @Override
        public int stateCount() {
            return momentum != 0 ? 1 : 0;
        }
    }

    /**
     * Adam and AdamW ({@code torch.optim.Adam}/{@code AdamW}, single-tensor):
     * <pre>
     * g = maximize ? -grad : grad
     * if (decoupled) { if (wd != 0) p = p * (1 - lr * wd) } else if (wd != 0) g = g + p * wd
     * m = m * beta1 + g * (1 - beta1);  v = v * beta2 + (g * g) * (1 - beta2)
     * d = sqrt(amsgrad ? (vmax = max(vmax, v)) : v) * (1 / biasCorrection2Sqrt) + eps
     * p = p + (m / d) * (-stepSize)
     * </pre>
     *
     * @param stepSize             {@code lr / (1 - beta1^step)}
     * @param biasCorrection2Sqrt  {@code sqrt(1 - beta2^step)}
     */
    record Adam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean decoupled,
                boolean amsgrad, boolean maximize, double stepSize, double biasCorrection2Sqrt)
            implements OptimizerStep {
        @Override
        public int stateCount() {
            return amsgrad ? 3 : 2;
        }
    }

    /**
     * RMSprop ({@code torch.optim.RMSprop}, single-tensor):
     * <pre>
     * g = maximize ? -grad : grad;  if (wd != 0) g = g + p * wd
     * s = s * alpha + (g * g) * (1 - alpha)
     * a = centered ? sqrt(s - ga * ga) with ga = ga * alpha + g * (1 - alpha) : sqrt(s);  a = a + eps
     * if (momentum &gt; 0) { b = b * momentum + g / a;  p = p + b * (-lr) } else p = p + (g / a) * (-lr)
     * </pre>
     */
    record RmsProp(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
                   boolean maximize) implements OptimizerStep {
        @Override
        public int stateCount() {
            return 1 + (momentum > 0 ? 1 : 0) + (centered ? 1 : 0);
        }
    }

    /**
     * Adagrad ({@code torch.optim.Adagrad}, single-tensor):
     * <pre>
     * g = maximize ? -grad : grad;  if (wd != 0) g = g + p * wd
     * s = s + g * g;  p = p + (g / (sqrt(s) + eps)) * (-clr)
     * </pre>
     *
     * @param clr the decayed learning rate {@code lr / (1 + (step - 1) * lr_decay)}
     */
    record Adagrad(double clr, double eps, double weightDecay, boolean maximize) implements OptimizerStep {
        @Override
        public int stateCount() {
            return 1;
        }
    }
}
