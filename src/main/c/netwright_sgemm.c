/*
 * Netwright's SGEMM shim: calls OpenBLAS's cblas_sgemm directly on Java float[] arrays.
 *
 * JavaCPP's float[] overloads use Get/ReleaseFloatArrayElements, which copy every operand on HotSpot; this shim pins
 * the arrays with GetPrimitiveArrayCritical instead, so a product reads and writes the Java heap in place. It links
 * against nothing but libc: the address of cblas_sgemm comes from the OpenBLAS that JavaCPP already loaded
 * (io.netwright.backend.cpu.CriticalSgemm looks it up with Loader.addressof and passes it to bind()).
 *
 * Built by the pom (profile native-sgemm) with:
 *   gcc -O2 -shared -fPIC -I$JAVA_HOME/include -I$JAVA_HOME/include/linux -o libnetwright_sgemm.so netwright_sgemm.c
 * Bounds are checked on the Java side before every call; this file trusts its arguments.
 */
#include <jni.h>
#include <stdint.h>

/* CBLAS constants (cblas.h): row-major order. */
#define NW_CBLAS_ROW_MAJOR 101

typedef void (*nw_sgemm_fn)(int order, int trans_a, int trans_b, int m, int n, int k, float alpha, const float *a,
                            int lda, const float *b, int ldb, float beta, float *c, int ldc);

static nw_sgemm_fn nw_sgemm;

/* Remembers cblas_sgemm's address; returns the shim's ABI version (CriticalSgemm checks it). */
JNIEXPORT jint JNICALL Java_io_netwright_backend_cpu_CriticalSgemm_bind(JNIEnv *env, jclass cls, jlong address) {
    (void) env;
    (void) cls;
    nw_sgemm = (nw_sgemm_fn) (intptr_t) address;
    return 1;
}

/*
 * c[cOff..] = alpha * op(a[aOff..]) @ op(b[bOff..]) + beta * c[cOff..], row-major. The arrays stay pinned only for the
 * duration of the call; no JNI function is called while they are held. a, b and c may be the same array (the
 * Java side makes sure c's elements do not overlap a's or b's).
 */
JNIEXPORT void JNICALL Java_io_netwright_backend_cpu_CriticalSgemm_sgemm0(
        JNIEnv *env, jclass cls, jint trans_a, jint trans_b, jint m, jint n, jint k, jfloat alpha,
        jfloatArray a, jint a_off, jint lda, jfloatArray b, jint b_off, jint ldb, jfloat beta,
        jfloatArray c, jint c_off, jint ldc) {
    (void) cls;
    float *pc = (*env)->GetPrimitiveArrayCritical(env, c, NULL);
    if (pc == NULL) {
        return; /* OutOfMemoryError is pending */
    }
    float *pa = (*env)->GetPrimitiveArrayCritical(env, a, NULL);
    if (pa == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, c, pc, JNI_ABORT);
        return;
    }
    float *pb = (*env)->GetPrimitiveArrayCritical(env, b, NULL);
    if (pb == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
        (*env)->ReleasePrimitiveArrayCritical(env, c, pc, JNI_ABORT);
        return;
    }
    nw_sgemm(NW_CBLAS_ROW_MAJOR, trans_a, trans_b, m, n, k, alpha, pa + a_off, lda, pb + b_off, ldb, beta,
             pc + c_off, ldc);
    /* Inputs are released without write-back, the output last, so on a VM that copies, c's result wins. */
    (*env)->ReleasePrimitiveArrayCritical(env, b, pb, JNI_ABORT);
    (*env)->ReleasePrimitiveArrayCritical(env, a, pa, JNI_ABORT);
    (*env)->ReleasePrimitiveArrayCritical(env, c, pc, 0);
}
