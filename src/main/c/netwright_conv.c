/*
 * Netwright's direct convolution: stride-1, dilation-1, ungrouped conv2d on Java float[] arrays with AVX-512.
 *
 * Why: the small channel counts of a typical CNN (32 or 64) give im2col + GEMM a small M and a column matrix that is
 * unfolded, packed and copied several times per image. Here each image is copied once into zero-padded planes
 * [C, H+2pH, W+2pW] and the convolution is computed on the "extended grid": output position p = y*Wp + x (x < Wp)
 * reads input p + i*Wp + j for tap (i, j), so every tap is a contiguous run and the kernel is a 1-D correlation
 * over p. The last Wp-OW columns of each output row read wrapped-around inputs and are dropped when the output is
 * cropped into NCHW (with the bias added there).
 *
 * Register blocking: 8 output channels x 48 positions (24 zmm accumulators; 32 or 16 for the last block of a
 * grid); per (input channel, tap) 3 unaligned input loads and 8 weight broadcasts feed 24 FMAs. The caller passes
 * the weights packed per block of 8 output channels, [ceil(OC/8)][C][kH*kW][8], zero past OC (DirectConv.blocks,
 * once per call rather than once per image chunk).
 *
 * The backward pass's input gradient is the same kernel run on gradOut with the flipped, transposed weight (the Java
 * side builds it). The weight gradient uses the channel-last copy of the padded input: for one output channel block
 * of 4 and 16 input channels, acc[o][t] += gOut[o][p] * xt[p + off_t][c..c+16] over all p and images, with no
 * horizontal sums.
 *
 * Built with the SGEMM shim into libnetwright_sgemm.so (pom profile native-sgemm). The AVX-512 functions carry
 * target attributes; available() reports whether this CPU has AVX-512F, and Java uses its GEMM path otherwise. Bounds
 * are checked on the Java side (DirectConv); this file trusts its arguments.
 */
#include <jni.h>
#if defined(__x86_64__)
#include <immintrin.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define NW_TARGET __attribute__((target("avx512f,fma")))
#define OB 8     /* output channels per block (forward) */
#define PV 3     /* 16-float vectors of positions per block */

/*
 * Per-thread scratch, grown on demand and kept for the thread's life; a pthread key's destructor frees it when the
 * thread ends (pool threads retire when idle, so thread-local storage alone would leak their buffers).
 */
typedef struct {
    float *buf[4];
    size_t cap[4];
} nw_scratch_t;

static pthread_key_t nw_key;
static pthread_once_t nw_key_once = PTHREAD_ONCE_INIT;

static void nw_scratch_free(void *p) {
    nw_scratch_t *s = p;
    for (int i = 0; i < 4; i++) {
        free(s->buf[i]);
    }
    free(s);
}

static void nw_key_create(void) {
    pthread_key_create(&nw_key, nw_scratch_free);
}

static float *scratch(int slot, size_t floats) {
    pthread_once(&nw_key_once, nw_key_create);
    nw_scratch_t *s = pthread_getspecific(nw_key);
    if (s == NULL) {
        s = calloc(1, sizeof(nw_scratch_t));
        if (s == NULL || pthread_setspecific(nw_key, s) != 0) {
            free(s);
            return NULL;
        }
    }
    if (s->cap[slot] < floats) {
        free(s->buf[slot]);
        size_t bytes = ((floats * sizeof(float) + 63) / 64) * 64;
        s->buf[slot] = aligned_alloc(64, bytes);
        s->cap[slot] = s->buf[slot] == NULL ? 0 : floats;
    }
    return s->buf[slot];
}

static inline int round_up(int v, int m) {
    return (v + m - 1) / m * m;
}

/*
 * One image's channels into the interiors of zero-padded planes of xp (hp x wp each). The borders and the tail are
 * zeroed only when first (the interiors are the only part any image writes, so they stay zero for the next one).
 */
static void pad_image(const float *x, int c, int h, int w, int ph, int pw, int hp, int wp, float *xp, size_t total,
                      int first) {
    if (first) {
        memset(xp, 0, total * sizeof(float));
    }
    for (int ci = 0; ci < c; ci++) {
        const float *src = x + (size_t) ci * h * w;
        float *dst = xp + (size_t) ci * hp * wp + (size_t) ph * wp + pw;
        for (int y = 0; y < h; y++) {
            memcpy(dst + (size_t) y * wp, src + (size_t) y * w, (size_t) w * sizeof(float));
        }
    }
}

/*
 * dst[y][x] = src[y*wp + x] + b for an oh x ow plane read from the extended grid, then ReLU if relu: v > 0 or NaN
 * is kept, anything else (including -0) becomes 0, exactly as Java's Math.max(v, 0f).
 */
NW_TARGET static inline __m512 nw_relu(__m512 v) {
    __mmask16 keep = _mm512_cmp_ps_mask(v, _mm512_setzero_ps(), _CMP_GT_OQ) | _mm512_cmp_ps_mask(v, v, _CMP_UNORD_Q);
    return _mm512_maskz_mov_ps(keep, v);
}

NW_TARGET static void crop_plane(const float *src, int wp, int oh, int ow, float b, int relu, float *dst) {
    __m512 vb = _mm512_set1_ps(b);
    __mmask16 tail = (__mmask16) ((1u << (ow % 16)) - 1u);
    for (int y = 0; y < oh; y++) {
        const float *s = src + (size_t) y * wp;
        float *d = dst + (size_t) y * ow;
        int x = 0;
        for (; x + 16 <= ow; x += 16) {
            __m512 v = _mm512_add_ps(_mm512_loadu_ps(s + x), vb);
            _mm512_storeu_ps(d + x, relu ? nw_relu(v) : v);
        }
        if (tail) {
            __m512 v = _mm512_add_ps(_mm512_maskz_loadu_ps(tail, s + x), vb);
            _mm512_mask_storeu_ps(d + x, tail, relu ? nw_relu(v) : v);
        }
    }
}

/*
 * 8 output channels x (16 * pv) extended positions starting at p0, pv in 1..3 (a compile-time constant after
 * inlining, so the 8 x pv accumulators live in registers).
 */
NW_TARGET static inline __attribute__((always_inline)) void block8(const float *xp, size_t plane, int c,
                                                                    const int *offs, int taps, const float *wpk,
                                                                    float *oe, size_t lpad, const int pv) {
    __m512 a[OB][PV];
#pragma GCC unroll 8
    for (int o = 0; o < OB; o++) {
#pragma GCC unroll 3
        for (int v = 0; v < PV; v++) {
            a[o][v] = _mm512_setzero_ps();
        }
    }
    for (int ci = 0; ci < c; ci++) {
        const float *xc = xp + (size_t) ci * plane;
        const float *wc = wpk + (size_t) ci * taps * OB;
        for (int t = 0; t < taps; t++) {
            const float *s = xc + offs[t];
            const float *k = wc + t * OB;
            __m512 x[PV];
#pragma GCC unroll 3
            for (int v = 0; v < PV; v++) {
                x[v] = v < pv ? _mm512_loadu_ps(s + 16 * v) : _mm512_setzero_ps();
            }
#pragma GCC unroll 8
            for (int o = 0; o < OB; o++) {
                __m512 b = _mm512_set1_ps(k[o]);
#pragma GCC unroll 3
                for (int v = 0; v < PV; v++) {
                    if (v < pv) {
                        a[o][v] = _mm512_fmadd_ps(b, x[v], a[o][v]);
                    }
                }
            }
        }
    }
#pragma GCC unroll 8
    for (int o = 0; o < OB; o++) {
#pragma GCC unroll 3
        for (int v = 0; v < PV; v++) {
            if (v < pv) {
                _mm512_storeu_ps(oe + (size_t) o * lpad + 16 * v, a[o][v]);
            }
        }
    }
}

NW_TARGET static int forward(const float *x, int n, int c, int h, int w, const float *wt, int oc, int kh, int kw,
                              int ph, int pw, const float *bias, int relu, float *out) {
    int hp = h + 2 * ph, wp = w + 2 * pw;
    int oh = hp - kh + 1, ow = wp - kw + 1;
    int taps = kh * kw;
    int l = oh * wp, lpad = round_up(l, 16);
    int ocp = round_up(oc, OB);
    size_t plane = (size_t) hp * wp;
    size_t xsize = (size_t) c * plane + (size_t) (lpad - l) + (size_t) kh * wp + kw + 16;
    float *xp = scratch(0, xsize);
    float *oe = scratch(1, (size_t) ocp * lpad);
    const float *wpk = wt;
    if (xp == NULL || oe == NULL) {
        return 0;
    }
    int offs[64];
    for (int i = 0; i < kh; i++) {
        for (int j = 0; j < kw; j++) {
            offs[i * kw + j] = i * wp + j;
        }
    }
    for (int img = 0; img < n; img++) {
        pad_image(x + (size_t) img * c * h * w, c, h, w, ph, pw, hp, wp, xp, xsize, img == 0);
        /* positions outer: one block's input rows stay in L1 while every output channel block reads them */
        for (int p0 = 0; p0 < lpad;) {
            /* 48 positions a block; the last one 32 or 16, so at most 15 positions past the grid are computed */
            int left = (lpad - p0) / 16;
            int pv = left >= PV ? PV : left;
            for (int ob = 0; ob < ocp; ob += OB) {
                const float *wb = wpk + (size_t) ob * c * taps;
                float *ob_out = oe + (size_t) ob * lpad + p0;
                if (pv == 3) {
                    block8(xp + p0, plane, c, offs, taps, wb, ob_out, lpad, 3);
                } else if (pv == 2) {
                    block8(xp + p0, plane, c, offs, taps, wb, ob_out, lpad, 2);
                } else {
                    block8(xp + p0, plane, c, offs, taps, wb, ob_out, lpad, 1);
                }
            }
            p0 += 16 * pv;
        }
        float *o = out + (size_t) img * oc * oh * ow;
        for (int co = 0; co < oc; co++) {
            crop_plane(oe + (size_t) co * lpad, wp, oh, ow, bias == NULL ? 0.f : bias[co], relu,
                       o + (size_t) co * oh * ow);
        }
    }
    return 1;
}

/*
 * One pass of the weight gradient over all output positions of one image, for `go` output channels (g[0..go)) and 16
 * input channels: acc[o][t][16] += gOut[o][y][x] * xt[(y+i)*wp + x+j][16]. `go` and `taps` are compile-time
 * constants after inlining (3 x 9 for 3x3 kernels, 1 x 25 for 5x5), so the accumulators and the input vectors stay
 * in registers.
 */
NW_TARGET static inline __attribute__((always_inline)) void wgrad_pass(const float *xt, const float *const *g, int oh,
                                                                        int ow, int wp, int cp, const int *offs,
                                                                        float *ab, const int go, const int taps) {
    __m512 s[3][25];
#pragma GCC unroll 3
    for (int q = 0; q < 3; q++) {
#pragma GCC unroll 25
        for (int t = 0; t < 25; t++) {
            if (q < go && t < taps) {
                s[q][t] = _mm512_setzero_ps();
            }
        }
    }
    for (int y = 0; y < oh; y++) {
        const float *xr = xt + (size_t) y * wp * cp;
        for (int xx = 0; xx < ow; xx++) {
            __m512 b[3];
#pragma GCC unroll 3
            for (int q = 0; q < 3; q++) {
                if (q < go) {
                    b[q] = _mm512_set1_ps(g[q][(size_t) y * ow + xx]);
                }
            }
            const float *xq = xr + (size_t) xx * cp;
#pragma GCC unroll 25
            for (int t = 0; t < 25; t++) {
                if (t < taps) {
                    __m512 v = _mm512_load_ps(xq + offs[t]);
                    /* keeps v in a register: folded into each FMA it would be loaded once per output channel */
                    __asm__("" : "+v"(v));
#pragma GCC unroll 3
                    for (int q = 0; q < 3; q++) {
                        if (q < go) {
                            s[q][t] = _mm512_fmadd_ps(b[q], v, s[q][t]);
                        }
                    }
                }
            }
        }
    }
#pragma GCC unroll 3
    for (int q = 0; q < 3; q++) {
#pragma GCC unroll 25
        for (int t = 0; t < 25; t++) {
            if (q < go && t < taps) {
                float *dst = ab + ((size_t) q * taps + t) * cp;
                _mm512_storeu_ps(dst, _mm512_add_ps(_mm512_loadu_ps(dst), s[q][t]));
            }
        }
    }
}

/*
 * Weight gradient, accumulated into gw[oc][c][kh][kw] (the caller zeroes it or holds a partial sum): every image is
 * transposed into the interior of a zero-padded channel-last xt[p][cp] (cp = c rounded up to 16); then wgrad_pass
 * runs over all output positions for blocks of output channels (3 for 3x3 kernels, 1 for 5x5) and 16 input channels:
 * no horizontal sums, and the per-block sums are added into acc[o][t][cp]. kh x kw is 3x3 or 5x5 (Java checks).
 */
NW_TARGET static int backward_weight(const float *x, const float *go, int n, int c, int h, int w, int oc, int kh,
                                      int kw, int ph, int pw, float *gw) {
    int hp = h + 2 * ph, wp = w + 2 * pw;
    int oh = hp - kh + 1, ow = wp - kw + 1;
    int taps = kh * kw;
    int gob = taps == 9 ? 3 : 1;
    int cp = round_up(c, 16);
    size_t plane = (size_t) hp * wp;
    size_t tsize = plane * cp + 16;
    int ocg = round_up(oc, gob);
    float *xt = scratch(1, tsize);
    float *acc = scratch(3, (size_t) ocg * taps * cp);
    float *gz = scratch(2, (size_t) oh * ow);
    if (xt == NULL || acc == NULL || gz == NULL) {
        return 0;
    }
    int offs[25];
    for (int i = 0; i < kh; i++) {
        for (int j = 0; j < kw; j++) {
            offs[i * kw + j] = (i * wp + j) * cp;
        }
    }
    memset(acc, 0, (size_t) ocg * taps * cp * sizeof(float));
    memset(xt, 0, tsize * sizeof(float));
    memset(gz, 0, (size_t) oh * ow * sizeof(float));
    size_t osize = (size_t) oh * ow;
    size_t hw = (size_t) h * w;
    for (int img = 0; img < n; img++) {
        /* the interior only: borders stay zero from the memset above */
        const float *xi = x + (size_t) img * c * hw;
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                const float *src = xi + (size_t) y * w + xx;
                float *dst = xt + ((size_t) (y + ph) * wp + pw + xx) * cp;
                for (int ci = 0; ci < c; ci++) {
                    dst[ci] = src[ci * hw];
                }
            }
        }
        const float *gimg = go + (size_t) img * oc * osize;
        for (int o0 = 0; o0 < ocg; o0 += gob) {
            /* output channels past oc read a zero plane */
            const float *g[3];
            for (int q = 0; q < 3; q++) {
                g[q] = o0 + q < oc ? gimg + (size_t) (o0 + q) * osize : gz;
            }
            for (int c0 = 0; c0 < cp; c0 += 16) {
                float *ab = acc + ((size_t) o0 * taps) * cp + c0;
                if (taps == 9) {
                    wgrad_pass(xt + c0, g, oh, ow, wp, cp, offs, ab, 3, 9);
                } else {
                    wgrad_pass(xt + c0, g, oh, ow, wp, cp, offs, ab, 1, 25);
                }
            }
        }
    }
    for (int o = 0; o < oc; o++) {
        for (int ci = 0; ci < c; ci++) {
            for (int t = 0; t < taps; t++) {
                gw[((size_t) o * c + ci) * taps + t] += acc[((size_t) o * taps + t) * cp + ci];
            }
        }
    }
    return 1;
}

JNIEXPORT jboolean JNICALL Java_io_netwright_backend_cpu_DirectConv_supported0(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma") ? JNI_TRUE : JNI_FALSE;
}

/* out[n][oc][oh][ow] = conv(x[n][c][h][w], wt[oc][c][kh][kw]) + bias; arrays pinned for the call. */
JNIEXPORT jboolean JNICALL Java_io_netwright_backend_cpu_DirectConv_forward0(
        JNIEnv *env, jclass cls, jfloatArray x, jint x_off, jint n, jint c, jint h, jint w, jfloatArray wt,
        jint w_off, jint oc, jint kh, jint kw, jint ph, jint pw, jfloatArray bias, jint b_off, jboolean relu,
        jfloatArray out, jint out_off) {
    (void) cls;
    float *po = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
    float *px = (*env)->GetPrimitiveArrayCritical(env, x, NULL);
    float *pw_ = (*env)->GetPrimitiveArrayCritical(env, wt, NULL);
    float *pb = bias == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, bias, NULL);
    jboolean ok = po != NULL && px != NULL && pw_ != NULL && (bias == NULL || pb != NULL);
    if (ok) {
        ok = (jboolean) forward(px + x_off, n, c, h, w, pw_ + w_off, oc, kh, kw, ph, pw,
                                pb == NULL ? NULL : pb + b_off, relu == JNI_TRUE, po + out_off);
    }
    if (pb != NULL) (*env)->ReleasePrimitiveArrayCritical(env, bias, pb, JNI_ABORT);
    if (pw_ != NULL) (*env)->ReleasePrimitiveArrayCritical(env, wt, pw_, JNI_ABORT);
    if (px != NULL) (*env)->ReleasePrimitiveArrayCritical(env, x, px, JNI_ABORT);
    if (po != NULL) (*env)->ReleasePrimitiveArrayCritical(env, out, po, 0);
    return ok;
}

/* gw[oc][c][kh][kw] += sum over n images of the weight gradient; arrays pinned for the call. */
JNIEXPORT jboolean JNICALL Java_io_netwright_backend_cpu_DirectConv_backwardWeight0(
        JNIEnv *env, jclass cls, jfloatArray x, jint x_off, jfloatArray go, jint go_off, jint n, jint c, jint h,
        jint w, jint oc, jint kh, jint kw, jint ph, jint pw, jfloatArray gw, jint gw_off) {
    (void) cls;
    float *pg = (*env)->GetPrimitiveArrayCritical(env, gw, NULL);
    float *px = (*env)->GetPrimitiveArrayCritical(env, x, NULL);
    float *po = (*env)->GetPrimitiveArrayCritical(env, go, NULL);
    jboolean ok = pg != NULL && px != NULL && po != NULL;
    if (ok) {
        ok = (jboolean) backward_weight(px + x_off, po + go_off, n, c, h, w, oc, kh, kw, ph, pw, pg + gw_off);
    }
    if (po != NULL) (*env)->ReleasePrimitiveArrayCritical(env, go, po, JNI_ABORT);
    if (px != NULL) (*env)->ReleasePrimitiveArrayCritical(env, x, px, JNI_ABORT);
    if (pg != NULL) (*env)->ReleasePrimitiveArrayCritical(env, gw, pg, 0);
    return ok;
}

/* out[ci - c0] = sum over images and positions of x[n][ci][hw] for ci in [c0, c1): the bias gradient of a conv. */
NW_TARGET static void channel_sums(const float *x, int n, int c, int hw, int c0, int c1, float *out) {
    for (int ci = c0; ci < c1; ci++) {
        double total = 0;
        for (int img = 0; img < n; img++) {
            const float *p = x + ((size_t) img * c + ci) * hw;
            __m512 s0 = _mm512_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
            int k = 0;
            for (; k + 64 <= hw; k += 64) {
                s0 = _mm512_add_ps(s0, _mm512_loadu_ps(p + k));
                s1 = _mm512_add_ps(s1, _mm512_loadu_ps(p + k + 16));
                s2 = _mm512_add_ps(s2, _mm512_loadu_ps(p + k + 32));
                s3 = _mm512_add_ps(s3, _mm512_loadu_ps(p + k + 48));
            }
            for (; k + 16 <= hw; k += 16) {
                s0 = _mm512_add_ps(s0, _mm512_loadu_ps(p + k));
            }
            float rest = 0.f;
            for (; k < hw; k++) {
                rest += p[k];
            }
            total += (double) _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(s0, s1), _mm512_add_ps(s2, s3))) + rest;
        }
        out[ci - c0] = (float) total;
    }
}

JNIEXPORT jboolean JNICALL Java_io_netwright_backend_cpu_DirectConv_channelSums0(
        JNIEnv *env, jclass cls, jfloatArray x, jint x_off, jint n, jint c, jint hw, jint c0, jint c1,
        jfloatArray out, jint out_off) {
    (void) cls;
    float *po = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
    float *px = (*env)->GetPrimitiveArrayCritical(env, x, NULL);
    jboolean ok = po != NULL && px != NULL;
    if (ok) {
        channel_sums(px + x_off, n, c, hw, c0, c1, po + out_off);
    }
    if (px != NULL) (*env)->ReleasePrimitiveArrayCritical(env, x, px, JNI_ABORT);
    if (po != NULL) (*env)->ReleasePrimitiveArrayCritical(env, out, po, 0);
    return ok;
}

#else /* not x86-64: no kernels; DirectConv.available() is false and the GEMM paths run */

JNIEXPORT jboolean JNICALL Java_io_netwright_backend_cpu_DirectConv_supported0(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    return JNI_FALSE;
}

#endif
