package io.netwright.tensor;

import io.netwright.backend.Backend;
import io.netwright.backend.DType;
import io.netwright.backend.OptimizerStep;
import io.netwright.backend.View;

/**
 * Runs an optimizer's update of one parameter as the backend's fused kernel ({@link Backend#optimizerStep}): one
 * pass (one launch on a GPU) instead of the five to fifteen elementwise ops of the composite update. The optimizer
 * falls back to its composite update when this returns false.
 *
 * <p>Set the system property {@code netwright.optim.fused=false} to always compose, or compose on one thread for a
 * while with {@link #composeOnly()} (for benchmarks that measure what fusing gains; results are the same float32
 * numbers either way).
 */
public final class FusedOptim {

    private static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("netwright.optim.fused"));

    /** Set on a thread inside {@link #composeOnly()}. */
    private static final ThreadLocal<Boolean> COMPOSE = ThreadLocal.withInitial(() -> false);

    /** The scope {@link #composeOnly()} opens; closing it restores what the thread did before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private FusedOptim() {
    }

    /** Whether fused updates are tried on this thread ({@code netwright.optim.fused} is not {@code false}). */
    public static boolean enabled() {
        return ENABLED && !COMPOSE.get();
    }

    /**
     * Until the returned scope is closed, optimizers on this thread use their composite update.
     *
     * <pre>{@code try (var s = FusedOptim.composeOnly()) { opt.step(); }}</pre>
     */
    public static Scope composeOnly() {
        boolean before = COMPOSE.get();
        COMPOSE.set(true);
        return () -> COMPOSE.set(before);
    }

    /**
     * Updates {@code param} and {@code state} in place from {@code grad} in one fused pass, when the backend has the
     * kernel and every tensor is a contiguous FLOAT32 tensor of the parameter's size on the parameter's backend;
     * returns false (nothing changed) otherwise. Must run under {@link NoGrad}, as every optimizer update does.
     *
     * @param state the step's state tensors, in the order {@link OptimizerStep} documents
     */
    public static boolean step(OptimizerStep step, Tensor param, Tensor grad, Tensor... state) {
        if (!enabled() || state.length != step.stateCount() || !fits(param, param) || !fits(param, grad)) {
            return false;
        }
        View[] views = new View[state.length];
        for (int i = 0; i < state.length; i++) {
            if (!fits(param, state[i]) || state[i].sharesStorage(param) || state[i].sharesStorage(grad)) {
                return false;
            }
            views[i] = state[i].v();
        }
        if (grad.sharesStorage(param)) {
            return false;
        }
        Elementwise.checkInPlace("optimizer step", param);
        return param.backend().optimizerStep(step, param.v(), grad.v(), views);
    }

    private static boolean fits(Tensor param, Tensor t) {
        return t != null && t.backend() == param.backend() && t.dtype() == DType.FLOAT32 && t.isContiguous()
                && t.numel() == param.numel();
    }
}
