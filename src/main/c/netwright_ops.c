/*
 * Netwright's AVX-512 element kernels for the memory-bound steps around a convolution (see NativeOps.java):
 * the 2x2 stride-2 max pool with PyTorch's int64 indices, and ReLU's backward (threshold_backward).
 * Built into libnetwright_sgemm.so with the SGEMM shim and the direct convolution (pom profile native-sgemm).
 * Bounds and layouts are checked on the Java side; this file trusts its arguments.
 */
#include <jni.h>
#if defined(__x86_64__)
#include <immintrin.h>
#include <stdint.h>

#define NW_TARGET __attribute__((target("avx512f")))

/*
 * One output row of the 2x2 pool, scalar, with the Java kernel's semantics: the NaN-propagating maximum, the first
 * window position holding it (top-left, top-right, bottom-left, bottom-right), the last NaN when there is one.
 */
static void pool_row_scalar(const float *top, const float *bot, int q0, int q1, int64_t pos0, int w, float *out,
                            int64_t *idx) {
    for (int q = q0; q < q1; q++) {
        float v0 = top[2 * q], v1 = top[2 * q + 1], v2 = bot[2 * q], v3 = bot[2 * q + 1];
        int64_t pos = pos0 + 2 * q;
        if (v0 != v0 || v1 != v1 || v2 != v2 || v3 != v3) {
            out[q] = v3 != v3 ? v3 : v2 != v2 ? v2 : v1 != v1 ? v1 : v0;
            idx[q] = v3 != v3 ? pos + w + 1 : v2 != v2 ? pos + w : v1 != v1 ? pos + 1 : pos;
            continue;
        }
        float m01 = v0 >= v1 ? v0 : v1, m23 = v2 >= v3 ? v2 : v3;
        float m = m01 >= m23 ? m01 : m23;
        int64_t k = v2 == m ? pos + w : pos + w + 1;
        k = v1 == m ? pos + 1 : k;
        idx[q] = v0 == m ? pos : k;
        out[q] = m + 0.f;
    }
}

/* planes of h x w (contiguous) into planes of (h/2) x (w/2) and their int64 argmax positions within the plane. */
NW_TARGET static void maxpool2x2(const float *x, int planes, int h, int w, float *out, int64_t *idx) {
    int oh = h / 2, ow = w / 2;
    const __m512i even = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i odd = _mm512_setr_epi32(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
    const __m512i lane2 = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512 zero = _mm512_setzero_ps();
    for (int p = 0; p < planes; p++) {
        const float *xp = x + (size_t) p * h * w;
        float *op = out + (size_t) p * oh * ow;
        int64_t *ip = idx + (size_t) p * oh * ow;
        for (int y = 0; y < oh; y++) {
            const float *top = xp + (size_t) 2 * y * w, *bot = top + w;
            float *orow = op + (size_t) y * ow;
            int64_t *irow = ip + (size_t) y * ow;
            int32_t pos0 = 2 * y * w;
            int q = 0;
            for (; q < ow; q += 16) {
                int n = ow - q < 16 ? ow - q : 16;
                __mmask16 mo = (__mmask16) (n == 16 ? 0xffff : (1u << n) - 1u);
                /* inputs 2q .. 2q+2n-1: two vectors, masked at the end of the row */
                int ni = 2 * n;
                __mmask16 m0 = (__mmask16) (ni >= 16 ? 0xffff : (1u << ni) - 1u);
                __mmask16 m1 = (__mmask16) (ni <= 16 ? 0 : ni >= 32 ? 0xffff : (1u << (ni - 16)) - 1u);
                __m512 t0 = _mm512_maskz_loadu_ps(m0, top + 2 * q), t1 = _mm512_maskz_loadu_ps(m1, top + 2 * q + 16);
                __m512 b0 = _mm512_maskz_loadu_ps(m0, bot + 2 * q), b1 = _mm512_maskz_loadu_ps(m1, bot + 2 * q + 16);
                __m512 v0 = _mm512_permutex2var_ps(t0, even, t1), v1 = _mm512_permutex2var_ps(t0, odd, t1);
                __m512 v2 = _mm512_permutex2var_ps(b0, even, b1), v3 = _mm512_permutex2var_ps(b0, odd, b1);
                __mmask16 nan = _mm512_cmp_ps_mask(v0, v1, _CMP_UNORD_Q) | _mm512_cmp_ps_mask(v2, v3, _CMP_UNORD_Q);
                if (nan & mo) {
                    pool_row_scalar(top, bot, q, q + n, pos0, w, orow, irow);
                    continue;
                }
                __m512 m = _mm512_max_ps(_mm512_max_ps(v0, v1), _mm512_max_ps(v2, v3));
                __m512i pos = _mm512_add_epi32(_mm512_set1_epi32(pos0 + 2 * q), lane2);
                __m512i k = _mm512_add_epi32(pos, _mm512_set1_epi32(w + 1));
                k = _mm512_mask_mov_epi32(k, _mm512_cmp_ps_mask(v2, m, _CMP_EQ_OQ), _mm512_add_epi32(pos, _mm512_set1_epi32(w)));
                k = _mm512_mask_mov_epi32(k, _mm512_cmp_ps_mask(v1, m, _CMP_EQ_OQ), _mm512_add_epi32(pos, _mm512_set1_epi32(1)));
                k = _mm512_mask_mov_epi32(k, _mm512_cmp_ps_mask(v0, m, _CMP_EQ_OQ), pos);
                _mm512_mask_storeu_ps(orow + q, mo, _mm512_add_ps(m, zero));
                __m512i lo = _mm512_cvtepi32_epi64(_mm512_castsi512_si256(k));
                __m512i hi = _mm512_cvtepi32_epi64(_mm512_extracti64x4_epi64(k, 1));
                _mm512_mask_storeu_epi64(irow + q, (__mmask8) (mo & 0xff), lo);
                _mm512_mask_storeu_epi64(irow + q + 8, (__mmask8) (mo >> 8), hi);
            }
        }
    }
}

/* out = y > 0 ? g : 0 (NaN y gives 0), n elements. */
NW_TARGET static void threshold_backward(const float *g, const float *y, float *out, size_t n) {
    const __m512 zero = _mm512_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __mmask16 keep = _mm512_cmp_ps_mask(_mm512_loadu_ps(y + i), zero, _CMP_GT_OQ);
        _mm512_storeu_ps(out + i, _mm512_maskz_mov_ps(keep, _mm512_loadu_ps(g + i)));
    }
    if (i < n) {
        __mmask16 tail = (__mmask16) ((1u << (n - i)) - 1u);
        __mmask16 keep = _mm512_mask_cmp_ps_mask(tail, _mm512_maskz_loadu_ps(tail, y + i), zero, _CMP_GT_OQ);
        _mm512_mask_storeu_ps(out + i, tail, _mm512_maskz_mov_ps(keep, _mm512_maskz_loadu_ps(tail, g + i)));
    }
}

JNIEXPORT jboolean JNICALL Java_io_netwright_backend_cpu_NativeOps_maxPool2x20(
        JNIEnv *env, jclass cls, jfloatArray x, jint x_off, jint planes, jint h, jint w, jfloatArray out,
        jint out_off, jlongArray idx, jint idx_off) {
    (void) cls;
    float *po = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
    int64_t *pi = (*env)->GetPrimitiveArrayCritical(env, idx, NULL);
    float *px = (*env)->GetPrimitiveArrayCritical(env, x, NULL);
    jboolean ok = po != NULL && pi != NULL && px != NULL;
    if (ok) {
        maxpool2x2(px + x_off, planes, h, w, po + out_off, pi + idx_off);
    }
    if (px != NULL) (*env)->ReleasePrimitiveArrayCritical(env, x, px, JNI_ABORT);
    if (pi != NULL) (*env)->ReleasePrimitiveArrayCritical(env, idx, pi, 0);
    if (po != NULL) (*env)->ReleasePrimitiveArrayCritical(env, out, po, 0);
    return ok;
}

JNIEXPORT jboolean JNICALL Java_io_netwright_backend_cpu_NativeOps_thresholdBackward0(
        JNIEnv *env, jclass cls, jfloatArray g, jint g_off, jfloatArray y, jint y_off, jfloatArray out, jint out_off,
        jint n) {
    (void) cls;
    float *po = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
    float *pg = (*env)->GetPrimitiveArrayCritical(env, g, NULL);
    float *py = (*env)->GetPrimitiveArrayCritical(env, y, NULL);
    jboolean ok = po != NULL && pg != NULL && py != NULL;
    if (ok) {
        threshold_backward(pg + g_off, py + y_off, po + out_off, (size_t) n);
    }
    if (py != NULL) (*env)->ReleasePrimitiveArrayCritical(env, y, py, JNI_ABORT);
    if (pg != NULL) (*env)->ReleasePrimitiveArrayCritical(env, g, pg, JNI_ABORT);
    if (po != NULL) (*env)->ReleasePrimitiveArrayCritical(env, out, po, 0);
    return ok;
}

#endif /* x86-64; elsewhere DirectConv.available() is false and NativeOps is never called */
