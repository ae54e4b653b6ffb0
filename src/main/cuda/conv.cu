// conv: im2col / col2im for convolutions composed as column matrix + GEMM, and the bias/ReLU epilogue of the fused
// convolution. CPU twins: CpuConv.im2col / col2im (row (c*kH + i)*kW + j, column oh*OW + ow, padding reads 0) and
// CpuConvRows' bias + ReLU pass.
#pragma once

/** Geometry of one convolution sweep, as io.netwright.backend.Conv2dGeometry plus the output size. */
struct NwConvGeom {
    int c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow;
};

NW_KERNEL void nw_im2col_f32(gptr<const float> x, long long xn, long long xc, long long xh, long long xw, gptr<float> cols, long long cn, long long cr, long long cc, NwConvGeom g, int batch) {
    long long rows = (long long) g.c * g.kh * g.kw;
    long long ncols = (long long) g.oh * g.ow;
    long long total = batch * rows * ncols;
    NW_FOR(e, total) {
        long long col = e % ncols;
        long long row = (e / ncols) % rows;
        long long n = e / (ncols * rows);
        int j = (int) (row % g.kw);
        int i = (int) ((row / g.kw) % g.kh);
        int c = (int) (row / ((long long) g.kw * g.kh));
        int oy = (int) (col / g.ow);
        int ox = (int) (col % g.ow);
        int hy = oy * g.sh - g.ph + i * g.dh;
        int wx = ox * g.sw - g.pw + j * g.dw;
        float v = 0.0f;
        if (hy >= 0 && hy < g.h && wx >= 0 && wx < g.w) {
            v = x[n * xn + c * xc + hy * xh + wx * xw];
        }
        cols[n * cn + row * cr + col * cc] = v;
    }
}

NW_KERNEL void nw_col2im_f32(gptr<const float> cols, long long cn, long long cr, long long cc, gptr<float> out, long long on, long long oc, long long oh, long long ow, NwConvGeom g, int batch) {
    long long total = (long long) batch * g.c * g.h * g.w;
    NW_FOR(e, total) {
        int wx = (int) (e % g.w);
        int hy = (int) ((e / g.w) % g.h);
        int c = (int) ((e / ((long long) g.w * g.h)) % g.c);
        long long n = e / ((long long) g.w * g.h * g.c);
        float sum = 0.0f;
        for (int i = 0; i < g.kh; i++) {
            int ty = hy + g.ph - i * g.dh;
            if (ty < 0 || ty % g.sh != 0) continue;
            int oy = ty / g.sh;
            if (oy >= g.oh) continue;
            for (int j = 0; j < g.kw; j++) {
                int tx = wx + g.pw - j * g.dw;
                if (tx < 0 || tx % g.sw != 0) continue;
                int ox = tx / g.sw;
                if (ox >= g.ow) continue;
                long long row = ((long long) c * g.kh + i) * g.kw + j;
                sum += cols[n * cn + row * cr + ((long long) oy * g.ow + ox) * cc];
            }
        }
        out[n * on + c * oc + hy * oh + wx * ow] += sum;
    }
}

/** out[n, oc, p] = act(out[n, oc, p] + bias[oc]) on a contiguous [N, OC, P] output; bias may be absent (hasBias 0). */
NW_KERNEL void nw_bias_act_f32(gptr<float> out, gptr<const float> bias, int hasBias, int relu, int channels, long long plane, long long total) {
    NW_FOR(e, total) {
        float v = out[e];
        if (hasBias) v += bias[(e / plane) % channels];
        out[e] = relu ? nw_fmax(v, 0.0f) : v;
    }
}
