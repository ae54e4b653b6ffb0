// pool: 2-D max and average pooling (fixed or adaptive windows) and their gradients on [N, C, H, W] views with any
// strides. CPU twin: CpuPool — max pooling treats padding as -inf, keeps the first maximum, and a NaN replaces the
// running maximum (the last NaN wins), reporting h*W + w; average pooling divides by the window clipped to the
// padded input when countIncludePad, else by the number of real inputs, summing in double.
#pragma once

/** Geometry of one pooling sweep, as io.netwright.backend.Pool2dGeometry (booleans as 0/1). */
struct NwPoolGeom {
    int h, w, oh, ow, kh, kw, sh, sw, ph, pw, dh, dw, countIncludePad, adaptive;
};

/** Window of output o along one axis: first input, count of inputs, step, and the padded length (pool size). */
struct NwWindow {
    int first, count, step, padded;
};

NW_DEVICE NwWindow nw_window(const NwPoolGeom& g, bool rows, bool dilated, int o) {
    int out = rows ? g.oh : g.ow;
    int in = rows ? g.h : g.w;
    int kernel = rows ? g.kh : g.kw;
    int pad = rows ? g.ph : g.pw;
    int step = (g.adaptive || !dilated) ? 1 : (rows ? g.dh : g.dw);
    int start;
    int end;
    int padded;
    if (g.adaptive) {
        start = (int) (((long long) o * in) / out);
        end = (int) (((long long) (o + 1) * in + out - 1) / out);
        padded = end - start;
    } else {
        int stride = rows ? g.sh : g.sw;
        start = o * stride - pad;
        end = start + (kernel - 1) * step + 1;
        int lim = in + pad;
        padded = (start + kernel < lim ? start + kernel : lim) - start;
    }
    int s = start;
    while (s < 0) s += step;
    int e = end < in ? end : in;
    NwWindow win;
    win.first = s;
    win.count = s < e ? (e - s + step - 1) / step : 0;
    win.step = step;
    win.padded = padded;
    return win;
}

NW_KERNEL void nw_maxpool_f32(gptr<const float> x, long long xn, long long xc, long long xh, long long xw, gptr<float> out, long long on, long long oc, long long oh, long long ow, gptr<long long> idx, long long in_, long long ic, long long ih, long long iw, NwPoolGeom g, int channels, long long total) {
    NW_FOR(e, total) {
        int q = (int) (e % g.ow);
        int y = (int) ((e / g.ow) % g.oh);
        long long p = e / ((long long) g.ow * g.oh);
        long long n = p / channels;
        long long c = p % channels;
        NwWindow wr = nw_window(g, true, true, y);
        NwWindow wc = nw_window(g, false, true, q);
        gptr<const float> plane = x + n * xn + c * xc;
        float best = 0.0f;
        int bestPos = -1;
        bool nan = false;
        for (int a = 0, hh = wr.first; a < wr.count; a++, hh += wr.step) {
            for (int b = 0, ww = wc.first; b < wc.count; b++, ww += wc.step) {
                float v = plane[hh * xh + ww * xw];
                int pos = hh * g.w + ww;
                if (v != v) {
                    best = v;       // the last NaN wins
                    bestPos = pos;
                    nan = true;
                } else if (!nan && (bestPos < 0 || v > best)) {
                    best = v;       // ties keep the first position
                    bestPos = pos;
                }
            }
        }
        if (bestPos < 0) {
            best = NAN;
            bestPos = 0;
        }
        out[n * on + c * oc + y * oh + q * ow] = nan ? NAN : best + 0.0f;
        idx[n * in_ + c * ic + y * ih + q * iw] = bestPos;
    }
}

NW_KERNEL void nw_avgpool_f32(gptr<const float> x, long long xn, long long xc, long long xh, long long xw, gptr<float> out, long long on, long long oc, long long oh, long long ow, NwPoolGeom g, int channels, long long total) {
    NW_FOR(e, total) {
        int q = (int) (e % g.ow);
        int y = (int) ((e / g.ow) % g.oh);
        long long p = e / ((long long) g.ow * g.oh);
        long long n = p / channels;
        long long c = p % channels;
        NwWindow wr = nw_window(g, true, false, y);
        NwWindow wc = nw_window(g, false, false, q);
        float r = 0.0f;
        if (wr.count > 0 && wc.count > 0) {
            gptr<const float> plane = x + n * xn + c * xc;
            double sum = 0.0;
            for (int a = 0; a < wr.count; a++) {
                for (int b = 0; b < wc.count; b++) {
                    sum += plane[(wr.first + a) * xh + (wc.first + b) * xw];
                }
            }
            double div = (g.countIncludePad && !g.adaptive) ? (double) wr.padded * wc.padded
                                                           : (double) wr.count * wc.count;
            r = (float) (sum / div);
        }
        out[n * on + c * oc + y * oh + q * ow] = r;
    }
}

/** Adds each gradOut value / divisor into its window of gradIn (atomics: windows may overlap). */
NW_KERNEL void nw_avgpool_backward_f32(gptr<const float> go, long long gn, long long gc, long long gh, long long gw, gptr<float> gi, long long in_, long long ic, long long ih, long long iw, NwPoolGeom g, int channels, long long total) {
    NW_FOR(e, total) {
        int q = (int) (e % g.ow);
        int y = (int) ((e / g.ow) % g.oh);
        long long p = e / ((long long) g.ow * g.oh);
        long long n = p / channels;
        long long c = p % channels;
        NwWindow wr = nw_window(g, true, false, y);
        NwWindow wc = nw_window(g, false, false, q);
        if (wr.count == 0 || wc.count == 0) continue;
        double div = (g.countIncludePad && !g.adaptive) ? (double) wr.padded * wc.padded
                                                       : (double) wr.count * wc.count;
        float v = (float) (go[n * gn + c * gc + y * gh + q * gw] / div);
        gptr<float> plane = gi + n * in_ + c * ic;
        for (int a = 0; a < wr.count; a++) {
            for (int b = 0; b < wc.count; b++) {
                atomicAdd(&plane[(wr.first + a) * ih + (wc.first + b) * iw], v);
            }
        }
    }
}

/** Zeroes gradIn's planes, then each gradOut value is added at its recorded position (atomics for overlaps). */
NW_KERNEL void nw_maxpool_backward_f32(gptr<const float> go, long long gn, long long gc, long long gh, long long gw, gptr<const long long> idx, long long in_, long long ic, long long ih, long long iw, gptr<float> gi, long long xn, long long xc, long long xh, long long xw, NwPoolGeom g, int channels, long long total, gptr<long long> status) {
    NW_FOR(e, total) {
        int q = (int) (e % g.ow);
        int y = (int) ((e / g.ow) % g.oh);
        long long p = e / ((long long) g.ow * g.oh);
        long long n = p / channels;
        long long c = p % channels;
        long long at = idx[n * in_ + c * ic + y * ih + q * iw];
        if (at < 0 || at >= (long long) g.h * g.w) {
            status[0] = NW_STATUS_INDEX;
            status[1] = at;
            continue;
        }
        int hh = (int) (at / g.w);
        int ww = (int) (at % g.w);
        atomicAdd(&gi[n * xn + c * xc + hh * xh + ww * xw], go[n * gn + c * gc + y * gh + q * gw]);
    }
}
