package io.netwright.tensor;

import io.netwright.backend.DType;
import io.netwright.backend.View;
import java.util.Arrays;

/**
 * Argument handling shared by the CNN ops ({@link ConvOps}, {@link PoolOps}, {@link ResizeOps}): (h, w) pairs,
 * dtype/device checks, and raw (unrecorded) views used when an op drives backend primitives directly.
 */
final class CnnArgs {

    private CnnArgs() {
    }

    /**
     * Expands a PyTorch-style int-or-pair argument: one value applies to both height and width, two are
     * {@code (h, w)}.
     *
     * @throws IllegalArgumentException naming the op and the argument
     */
    static int[] pair(String op, String name, int[] v) {
        if (v == null || v.length < 1 || v.length > 2) {
            throw new IllegalArgumentException(op + ": " + name + " must have 1 or 2 elements (h, w), got "
                    + (v == null ? "null" : Arrays.toString(v)));
        }
        return v.length == 1 ? new int[]{v[0], v[0]} : v.clone();
    }

    /** Rejects non-float32 tensors, naming the op and the argument. */
    static void checkFloat(String op, String what, Tensor t) {
        if (t.dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException(op + ": expected " + what + " to be float32, got "
                    + t.dtype().torchName() + " — convert with .toFloat()");
        }
    }

    /** Rejects {@code t} unless it has {@code 3} (unbatched) or {@code 4} (batched) dims, like PyTorch. */
    static void check3or4d(String op, Tensor x) {
        if (x.dim() != 3 && x.dim() != 4) {
            throw new IllegalArgumentException(op + ": Expected 3D (unbatched) or 4D (batched) input, but got "
                    + "input of size: " + x.shape() + " — add a batch dim with unsqueeze(0) or reshape to"
                    + " [N, C, H, W]");
        }
    }

    /** Rejects empty spatial or channel dims (PyTorch's "non-zero size for non-batch dimensions"). */
    static void checkNonEmpty(String op, Tensor x) {
        int[] s = x.shapeRef();
        for (int d = s.length - 3; d < s.length; d++) {
            if (s[d] == 0) {
                throw new IllegalArgumentException(op + ": Expected input to have non-zero size for non-batch "
                        + "dimensions, but input has sizes " + x.shape() + " with dimension " + d + " being empty");
            }
        }
    }

    /** {@code t} itself if contiguous, else an unrecorded contiguous copy (for raw backend calls). */
    static Tensor dense(Tensor t) {
        if (t.isContiguous()) {
            return t;
        }
        Tensor c = Tensor.allocate(t.backend(), t.dtype(), t.shapeRef());
        t.backend().copy(t.v(), c.v());
        return c;
    }

    /** A raw view of the contiguous tensor {@code t} with another shape and strides. */
    static View view(Tensor t, int[] shape, int[] strides) {
        return new View(t.v().buffer(), t.storageOffset(), shape, strides);
    }

    /** A raw row-major view of the contiguous tensor {@code t} with another shape of the same size. */
    static View view(Tensor t, int... shape) {
        return view(t, shape, View.contiguousStrides(shape));
    }

    /** A new float32 tensor on {@code like}'s backend for an output the caller overwrites entirely. */
    static Tensor empty(Tensor like, int... shape) {
        return like.newEmpty(DType.FLOAT32, shape);
    }

    /** A new zero-filled float32 tensor on {@code like}'s backend. */
    static Tensor zeros(Tensor like, int... shape) {
        return Tensor.allocate(like.backend(), DType.FLOAT32, shape);
    }

    /** Shape as PyTorch prints it in messages: {@code [16, 6, 5, 5]}. */
    static String str(int[] s) {
        return Arrays.toString(s);
    }

    /** Whether the current op will be recorded (grad enabled and some input requires grad). */
    static boolean recording(Tensor... inputs) {
        if (!NoGrad.isGradEnabled()) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }
}
