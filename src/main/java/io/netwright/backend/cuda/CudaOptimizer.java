package io.netwright.backend.cuda;

import io.netwright.backend.OptimizerStep;
import io.netwright.backend.View;

/**
 * The fused optimizer updates on the GPU: one kernel launch per parameter ({@code optim.cu}), the same float32
 * numbers as the CPU twin {@code CpuOptimizer}. Unused state pointers are passed as the parameter's (never read).
 */
final class CudaOptimizer {

    private final CudaBackend b;

    CudaOptimizer(CudaBackend backend) {
        this.b = backend;
    }

    void step(OptimizerStep step, View param, View grad, View[] state) {
        long n = OptimizerStep.checkViews(step, param, grad, state);
        b.buffer(param);
        b.buffer(grad);
        for (View s : state) {
            b.buffer(s);
        }
        if (n == 0) {
            return;
        }
        String shape = "numel " + n;
        if (step instanceof OptimizerStep.Sgd st) {
            int flags = (st.maximize() ? 1 : 0) | (st.weightDecay() != 0 ? 2 : 0) | (st.momentum() != 0 ? 4 : 0)
                    | (st.nesterov() ? 8 : 0) | (st.firstStep() ? 16 : 0);
            CudaLaunch.of(b, Kernels.SGD_STEP).ptr(param).ptr(grad).ptr(state.length > 0 ? state[0] : param).i64(n)
                    .f32((float) -st.lr()).f32((float) st.weightDecay()).f32((float) st.momentum())
                    .f32((float) (1 - st.dampening())).i32(flags).run1d(n, shape);
        } else if (step instanceof OptimizerStep.Adam st) {
            int flags = (st.maximize() ? 1 : 0) | (st.weightDecay() != 0 ? 2 : 0) | (st.decoupled() ? 4 : 0)
                    | (st.amsgrad() ? 8 : 0);
            CudaLaunch.of(b, Kernels.ADAM_STEP).ptr(param).ptr(grad).ptr(state[0]).ptr(state[1])
                    .ptr(st.amsgrad() ? state[2] : param).i64(n).f32((float) st.weightDecay())
                    .f32((float) (1 - st.lr() * st.weightDecay())).f32((float) st.beta1())
                    .f32((float) (1 - st.beta1())).f32((float) st.beta2()).f32((float) (1 - st.beta2()))
                    .f32((float) (1.0 / st.biasCorrection2Sqrt())).f32((float) st.eps())
                    .f32((float) -st.stepSize()).i32(flags).run1d(n, shape);
        } else if (step instanceof OptimizerStep.RmsProp st) {
            boolean momentum = st.momentum() > 0;
            int flags = (st.maximize() ? 1 : 0) | (st.weightDecay() != 0 ? 2 : 0) | (momentum ? 4 : 0)
                    | (st.centered() ? 8 : 0);
            View buf = momentum ? state[1] : param;
            View gradAvg = st.centered() ? state[momentum ? 2 : 1] : param;
            CudaLaunch.of(b, Kernels.RMSPROP_STEP).ptr(param).ptr(grad).ptr(state[0]).ptr(buf).ptr(gradAvg).i64(n)
                    .f32((float) st.weightDecay()).f32((float) st.alpha()).f32((float) (1 - st.alpha()))
                    .f32((float) st.eps()).f32((float) st.momentum()).f32((float) -st.lr()).i32(flags)
                    .run1d(n, shape);
        } else if (step instanceof OptimizerStep.Adagrad st) {
            int flags = (st.maximize() ? 1 : 0) | (st.weightDecay() != 0 ? 2 : 0);
            CudaLaunch.of(b, Kernels.ADAGRAD_STEP).ptr(param).ptr(grad).ptr(state[0]).i64(n)
                    .f32((float) st.weightDecay()).f32((float) st.eps()).f32((float) -st.clr()).i32(flags)
                    .run1d(n, shape);
        }
    }
}
