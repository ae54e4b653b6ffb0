package io.netwright.backend;

import java.util.Arrays;

/**
 * A strided window onto a {@link Buffer}: element {@code (i0, i1, ...)} is at
 * {@code offset + i0*strides[0] + i1*strides[1] + ...}. A stride of 0 repeats an element (broadcasting).
 * Primitive ops take and write views; the arrays are never modified after construction.
 *
 * @param buffer  the storage
 * @param offset  element offset of index (0, 0, ...)
 * @param shape   size of each dimension
 * @param strides elements to skip per step in each dimension
 */
public record View(Buffer buffer, int offset, int[] shape, int[] strides) {

    /** Checks that shape and strides agree. */
    public View {
        if (shape.length != strides.length) {
            throw new IllegalArgumentException("View: shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " have different ranks");
        }
    }

    /** A contiguous row-major view of the first {@code numel(shape)} elements of {@code buffer}. */
    public static View contiguous(Buffer buffer, int... shape) {
        return new View(buffer, 0, shape.clone(), contiguousStrides(shape));
    }

    /** Row-major strides for {@code shape}. */
    public static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return strides;
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int numel() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Element type of the buffer. */
    public DType dtype() {
        return buffer.dtype();
    }

    /** True if the elements are laid out row-major without gaps (size-1 dims may have any stride). */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof View v && v.buffer == buffer && v.offset == offset
                && Arrays.equals(v.shape, shape) && Arrays.equals(v.strides, strides);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(buffer) * 31 + offset * 17 + Arrays.hashCode(shape) * 7
                + Arrays.hashCode(strides);
    }

    @Override
    public String toString() {
        return "View[" + buffer.dtype() + " offset=" + offset + " shape=" + Arrays.toString(shape)
                + " strides=" + Arrays.toString(strides) + "]";
    }
}
