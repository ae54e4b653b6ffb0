package io.netwright.backend.cpu;

import io.netwright.backend.OptimizerStep;
import io.netwright.backend.View;

/**
 * The fused optimizer updates ({@link io.netwright.backend.Backend#optimizerStep}): one pass over each parameter,
 * element by element in float32, exactly the composite computation each {@link OptimizerStep} record documents
 * (scalars rounded to float once, each operation rounded to float). The CUDA twin is {@code optim.cu}.
 */
final class CpuOptimizer {

    private static final int GRAIN = 16_384;

    private CpuOptimizer() {
    }

    static void run(CpuParallel par, OptimizerStep step, View param, View grad, View[] state) {
        int n = OptimizerStep.checkViews(step, param, grad, state);
        float[] p = (float[]) CpuChecks.data(param);
        float[] g = (float[]) CpuChecks.data(grad);
        float[][] s = new float[state.length][];
        int[] so = new int[state.length];
        for (int i = 0; i < state.length; i++) {
            s[i] = (float[]) CpuChecks.data(state[i]);
            so[i] = state[i].offset();
        }
        int po = param.offset();
        int go = grad.offset();
        if (step instanceof OptimizerStep.Sgd st) {
            par.forRange(n, GRAIN, (from, to) -> sgd(st, p, po, g, go, s, so, from, to));
        } else if (step instanceof OptimizerStep.Adam st) {
            par.forRange(n, GRAIN, (from, to) -> adam(st, p, po, g, go, s, so, from, to));
        } else if (step instanceof OptimizerStep.RmsProp st) {
            par.forRange(n, GRAIN, (from, to) -> rmsProp(st, p, po, g, go, s, so, from, to));
        } else if (step instanceof OptimizerStep.Adagrad st) {
            par.forRange(n, GRAIN, (from, to) -> adagrad(st, p, po, g, go, s, so, from, to));
        }
    }

    /** The gradient as every update starts: negated if maximizing, plus {@code p * wd} with L2 weight decay. */
    private static float grad(boolean maximize, float grad, boolean decay, float p, float wd) {
        float g = maximize ? -grad : grad;
        return decay ? g + p * wd : g;
    }

    private static void sgd(OptimizerStep.Sgd st, float[] p, int po, float[] gr, int go, float[][] s, int[] so,
                            int from, int to) {
        float wd = (float) st.weightDecay();
        boolean decay = st.weightDecay() != 0;
        boolean momentum = st.momentum() != 0;
        float mom = (float) st.momentum();
        float damp = (float) (1 - st.dampening());
        float negLr = (float) -st.lr();
        float[] b = momentum ? s[0] : null;
        int bo = momentum ? so[0] : 0;
        for (int i = from; i < to; i++) {
            float pv = p[po + i];
            float g = grad(st.maximize(), gr[go + i], decay, pv, wd);
            if (momentum) {
                float bv = st.firstStep() ? g : b[bo + i] * mom + g * damp;
                b[bo + i] = bv;
                g = st.nesterov() ? g + bv * mom : bv;
            }
            p[po + i] = pv + g * negLr;
        }
    }

    private static void adam(OptimizerStep.Adam st, float[] p, int po, float[] gr, int go, float[][] s, int[] so,
                             int from, int to) {
        float wd = (float) st.weightDecay();
        boolean decay = st.weightDecay() != 0;
        float shrink = (float) (1 - st.lr() * st.weightDecay());
        float b1 = (float) st.beta1();
        float c1 = (float) (1 - st.beta1());
        float b2 = (float) st.beta2();
        float c2 = (float) (1 - st.beta2());
        float invBc2 = (float) (1.0 / st.biasCorrection2Sqrt());
        float eps = (float) st.eps();
        float negStep = (float) -st.stepSize();
        float[] m = s[0];
        float[] v = s[1];
        float[] vmax = st.amsgrad() ? s[2] : null;
        for (int i = from; i < to; i++) {
            float pv = p[po + i];
            float g = st.maximize() ? -gr[go + i] : gr[go + i];
            if (st.decoupled()) {
                if (decay) {
                    pv = pv * shrink;
                }
            } else if (decay) {
                g = g + pv * wd;
            }
            float mv = m[so[0] + i] * b1 + g * c1;
            float vv = v[so[1] + i] * b2 + (g * g) * c2;
            m[so[0] + i] = mv;
            v[so[1] + i] = vv;
            float d;
            if (vmax != null) {
                float mx = Math.max(vmax[so[2] + i], vv);
                vmax[so[2] + i] = mx;
                d = (float) Math.sqrt(mx);
            } else {
                d = (float) Math.sqrt(vv);
            }
            d = d * invBc2 + eps;
            p[po + i] = pv + (mv / d) * negStep;
        }
    }

    private static void rmsProp(OptimizerStep.RmsProp st, float[] p, int po, float[] gr, int go, float[][] s,
                                int[] so, int from, int to) {
        float wd = (float) st.weightDecay();
        boolean decay = st.weightDecay() != 0;
        float alpha = (float) st.alpha();
        float c = (float) (1 - st.alpha());
        float eps = (float) st.eps();
        float mom = (float) st.momentum();
        boolean momentum = st.momentum() > 0;
        float negLr = (float) -st.lr();
        float[] sq = s[0];
        float[] buf = momentum ? s[1] : null;
        int bo = momentum ? so[1] : 0;
        float[] ga = st.centered() ? s[momentum ? 2 : 1] : null;
        int gao = st.centered() ? so[momentum ? 2 : 1] : 0;
        for (int i = from; i < to; i++) {
            float pv = p[po + i];
            float g = grad(st.maximize(), gr[go + i], decay, pv, wd);
            float sv = sq[so[0] + i] * alpha + (g * g) * c;
            sq[so[0] + i] = sv;
            float a;
            if (ga != null) {
                float gv = ga[gao + i] * alpha + g * c;
                ga[gao + i] = gv;
                a = (float) Math.sqrt(sv - gv * gv);
            } else {
                a = (float) Math.sqrt(sv);
            }
            a = a + eps;
            if (buf != null) {
                float bv = buf[bo + i] * mom + g / a;
                buf[bo + i] = bv;
                p[po + i] = pv + bv * negLr;
            } else {
                p[po + i] = pv + (g / a) * negLr;
            }
        }
    }

    private static void adagrad(OptimizerStep.Adagrad st, float[] p, int po, float[] gr, int go, float[][] s,
                                int[] so, int from, int to) {
        float wd = (float) st.weightDecay();
        boolean decay = st.weightDecay() != 0;
        float eps = (float) st.eps();
        float negLr = (float) -st.clr();
        float[] sum = s[0];
        for (int i = from; i < to; i++) {
            float pv = p[po + i];
            float g = grad(st.maximize(), gr[go + i], decay, pv, wd);
            float sv = sum[so[0] + i] + g * g;
            sum[so[0] + i] = sv;
            p[po + i] = pv + (g / ((float) Math.sqrt(sv) + eps)) * negLr;
        }
    }
}
