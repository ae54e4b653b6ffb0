package io.netwright.backend.cuda;

import io.netwright.backend.DType;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * Argument checks of the CUDA ops, with the CPU backend's wording: a wrong call fails in Java naming the op, never
 * as an illegal address inside a kernel.
 */
final class CudaChecks {

    private CudaChecks() {
    }

    /** The view's buffer after checking it is a live buffer of {@code backend} and the view stays inside it. */
    static CudaBuffer buffer(CudaBackend backend, View v) {
        if (!(v.buffer() instanceof CudaBuffer b) || b.backend() != backend) {
            throw new IllegalArgumentException(backend.device() + ": " + v + " belongs to another device ("
                    + v.buffer().backend().device() + ") — move the tensor with .to(" + backend.device()
                    + ") first");
        }
        if (b.isClosed()) {
            throw new IllegalStateException(b + " is closed — it was used after close()");
        }
        long lo = v.offset();
        long hi = v.offset();
        for (int d = 0; d < v.rank(); d++) {
            int n = v.shape()[d];
            if (n < 0) {
                throw new IllegalArgumentException(backend.device() + ": negative size in " + v);
            }
            if (n == 0) {
                return b;
            }
            long span = (long) (n - 1) * v.strides()[d];
            if (span < 0) {
                lo += span;
            } else {
                hi += span;
            }
        }
        if (lo < 0 || hi >= b.length()) {
            throw new IllegalArgumentException(backend.device() + ": " + v + " reaches elements " + lo + ".." + hi
                    + " outside " + b + " (valid 0.." + (b.length() - 1) + ")");
        }
        return b;
    }

    static void sameShape(String op, View a, View b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(op + ": shapes differ: " + Arrays.toString(a.shape()) + " vs "
                    + Arrays.toString(b.shape()));
        }
    }

    static void dtype(String what, View v, DType expected) {
        if (v.dtype() != expected) {
            throw new IllegalArgumentException(what + " must be " + expected + ", got " + v.dtype());
        }
    }

    static void rank(String what, View v, int rank) {
        if (v.rank() != rank) {
            throw new IllegalArgumentException(what + " must have rank " + rank + ", got shape "
                    + Arrays.toString(v.shape()));
        }
    }

    static void shape(String what, View v, int... expected) {
        if (!Arrays.equals(v.shape(), expected)) {
            throw new IllegalArgumentException(what + " must have shape " + Arrays.toString(expected) + ", got "
                    + Arrays.toString(v.shape()));
        }
    }

    /** The type suffix of kernel names: f32, i64 or b8. */
    static String suffix(DType t) {
        return switch (t) {
            case FLOAT32 -> "f32";
            case INT64 -> "i64";
            case BOOL -> "b8";
        };
    }
}
