package io.netwright.tensor;

import java.util.Arrays;

/**
 * The size of each dimension of a tensor, like {@code torch.Size}. Immutable; prints as {@code [2, 3, 4]}.
 *
 * <pre>{@code Shape s = Shape.of(2, 3); s.numel() == 6; s.dim(-1) == 3}</pre>
 */
public record Shape(int[] dims) {

    /** Copies the array and rejects negative sizes. */
    public Shape {
        dims = dims.clone();
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("Shape " + Arrays.toString(dims) + " has a negative size");
            }
        }
    }

    /** A shape with the given sizes. */
    public static Shape of(int... dims) {
        return new Shape(dims);
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Size of dimension {@code d}; negative {@code d} counts from the end. */
    public int dim(int d) {
        return dims[normalize(d, dims.length, "Shape.dim")];
    }

    /** Number of elements (1 for a scalar shape). */
    public int numel() {
        return numel(dims);
    }

    /** A copy of the sizes. */
    public int[] toArray() {
        return dims.clone();
    }

    /** Number of elements of {@code dims}, checked against int overflow. */
    public static int numel(int[] dims) {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Shape " + Arrays.toString(dims) + " has " + n
                    + " elements; at most 2^31-1 are supported per tensor");
        }
        return (int) n;
    }

    /**
     * Turns a possibly negative dim index into {@code 0..rank-1}, or throws naming the op like PyTorch:
     * {@code sum: Dimension out of range (expected to be in range of [-2, 1], but got 2)}.
     */
    public static int normalize(int dim, int rank, String op) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IllegalArgumentException(op + ": Dimension out of range (expected to be in range of ["
                    + (-r) + ", " + (r - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /**
     * The broadcast shape of {@code a} and {@code b} (NumPy rules), or an exception naming the op and the first
     * dimension that disagrees.
     */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and "
                        + Arrays.toString(b) + " cannot be broadcast: dimension " + (i - n) + " has sizes " + da
                        + " and " + db + " (sizes must match or one must be 1)");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(s.dims, dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
