package io.netwright.backend.cpu;

import io.netwright.backend.DType;
import io.netwright.backend.View;

import java.util.Arrays;

/**
 * Argument checks shared by the op families. Shapes are the frontend's job, but a wrong call must fail with a
 * message naming the op rather than an {@link ArrayIndexOutOfBoundsException} deep inside a loop.
 */
final class CpuChecks {

    private CpuChecks() {
    }

    /** The storage array of a view after checking it is a live CPU buffer and the view stays inside it. */
    static Object data(View v) {
        if (!(v.buffer() instanceof CpuBuffer b)) {
            throw new IllegalArgumentException("cpu: " + v + " belongs to another backend ("
                    + v.buffer().getClass().getSimpleName() + ") — copy it to the CPU first");
        }
        Object arr = b.array();
        long lo = v.offset();
        long hi = v.offset();
        boolean empty = false;
        for (int d = 0; d < v.rank(); d++) {
            int n = v.shape()[d];
            if (n < 0) {
                throw new IllegalArgumentException("cpu: negative size in " + v);
            }
            if (n == 0) {
                empty = true;
            }
            long span = (long) (n - 1) * v.strides()[d];
            if (span < 0) {
                lo += span;
            } else {
                hi += span;
            }
        }
        if (!empty && (lo < 0 || hi >= b.length())) {
            throw new IllegalArgumentException("cpu: " + v + " reaches elements " + lo + ".." + hi + " outside "
                    + b + " (valid 0.." + (b.length() - 1) + ")");
        }
        return arr;
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
}
