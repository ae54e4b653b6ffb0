// Fused optimizer updates: one launch per parameter. CPU twin: CpuOptimizer (io.netwright.backend.cpu), whose
// Javadoc and io.netwright.backend.OptimizerStep state the exact float32 computation. Every multiply and add goes
// through nw_mul/nw_add (__fmul_rn/__fadd_rn on the GPU), so nvcc never contracts them into a fused multiply-add
// and the result equals the composite update's; sqrt and division are IEEE-rounded (-prec-sqrt/-prec-div).
#pragma once

#if defined(__CUDACC__)
NW_DEVICE float nw_mul(float a, float b) { return __fmul_rn(a, b); }
NW_DEVICE float nw_add(float a, float b) { return __fadd_rn(a, b); }
NW_DEVICE float nw_sub(float a, float b) { return __fsub_rn(a, b); }
#else
NW_DEVICE float nw_mul(float a, float b) { return a * b; }
NW_DEVICE float nw_add(float a, float b) { return a + b; }
NW_DEVICE float nw_sub(float a, float b) { return a - b; }
#endif

NW_DEVICE float nw_sqrt_f32(float x) { return (float) sqrt((double) x); }

/** flags: 1 maximize, 2 weight decay, 4 momentum, 8 nesterov, 16 first step (the buffer takes g). */
NW_KERNEL void nw_sgd_step(gptr<float> p, gptr<const float> grad, gptr<float> buf, long long n, float negLr,
                           float wd, float mom, float damp, int flags) {
    NW_FOR(i, n) {
        float pv = p[i];
        float g = (flags & 1) ? -grad[i] : grad[i];
        if (flags & 2) g = nw_add(g, nw_mul(pv, wd));
        if (flags & 4) {
            float bv = (flags & 16) ? g : nw_add(nw_mul(buf[i], mom), nw_mul(g, damp));
            buf[i] = bv;
            g = (flags & 8) ? nw_add(g, nw_mul(bv, mom)) : bv;
        }
        p[i] = nw_add(pv, nw_mul(g, negLr));
    }
}

/** flags: 1 maximize, 2 weight decay, 4 decoupled (AdamW), 8 amsgrad. */
NW_KERNEL void nw_adam_step(gptr<float> p, gptr<const float> grad, gptr<float> m, gptr<float> v, gptr<float> vmax,
                            long long n, float wd, float shrink, float b1, float c1, float b2, float c2,
                            float invBc2, float eps, float negStep, int flags) {
    NW_FOR(i, n) {
        float pv = p[i];
        float g = (flags & 1) ? -grad[i] : grad[i];
        if (flags & 4) {
            if (flags & 2) pv = nw_mul(pv, shrink);
        } else if (flags & 2) {
            g = nw_add(g, nw_mul(pv, wd));
        }
        float mv = nw_add(nw_mul(m[i], b1), nw_mul(g, c1));
        float vv = nw_add(nw_mul(v[i], b2), nw_mul(nw_mul(g, g), c2));
        m[i] = mv;
        v[i] = vv;
        float d;
        if (flags & 8) {
            float mx = nw_fmax(vmax[i], vv);
            vmax[i] = mx;
            d = nw_sqrt_f32(mx);
        } else {
            d = nw_sqrt_f32(vv);
        }
        d = nw_add(nw_mul(d, invBc2), eps);
        p[i] = nw_add(pv, nw_mul(mv / d, negStep));
    }
}

/** flags: 1 maximize, 2 weight decay, 4 momentum, 8 centered. */
NW_KERNEL void nw_rmsprop_step(gptr<float> p, gptr<const float> grad, gptr<float> sq, gptr<float> buf,
                               gptr<float> ga, long long n, float wd, float alpha, float c, float eps, float mom,
                               float negLr, int flags) {
    NW_FOR(i, n) {
        float pv = p[i];
        float g = (flags & 1) ? -grad[i] : grad[i];
        if (flags & 2) g = nw_add(g, nw_mul(pv, wd));
        float sv = nw_add(nw_mul(sq[i], alpha), nw_mul(nw_mul(g, g), c));
        sq[i] = sv;
        float a;
        if (flags & 8) {
            float gv = nw_add(nw_mul(ga[i], alpha), nw_mul(g, c));
            ga[i] = gv;
            a = nw_sqrt_f32(nw_sub(sv, nw_mul(gv, gv)));
        } else {
            a = nw_sqrt_f32(sv);
        }
        a = nw_add(a, eps);
        if (flags & 4) {
            float bv = nw_add(nw_mul(buf[i], mom), g / a);
            buf[i] = bv;
            p[i] = nw_add(pv, nw_mul(bv, negLr));
        } else {
            p[i] = nw_add(pv, nw_mul(g / a, negLr));
        }
    }
}

/** flags: 1 maximize, 2 weight decay. */
NW_KERNEL void nw_adagrad_step(gptr<float> p, gptr<const float> grad, gptr<float> sum, long long n, float wd,
                               float eps, float negLr, int flags) {
    NW_FOR(i, n) {
        float pv = p[i];
        float g = (flags & 1) ? -grad[i] : grad[i];
        if (flags & 2) g = nw_add(g, nw_mul(pv, wd));
        float sv = nw_add(sum[i], nw_mul(g, g));
        sum[i] = sv;
        p[i] = nw_add(pv, nw_mul(g / nw_add(nw_sqrt_f32(sv), eps), negLr));
    }
}
