package io.netwright.backend.cpu;

/**
 * One 2-D slice of a matmul operand: element {@code (r, c)} is {@code data[offset + r*rs + c*cs]}. Knows whether
 * it maps onto a BLAS row-major or column-major layout (with its leading dimension) or must be packed first.
 */
record GemmMatrix(float[] data, int offset, int rows, int cols, int rs, int cs) {

    /** Row-major with unit column stride: usable as a BLAS row-major matrix with {@link #rowLd()}. */
    boolean isRowMajor() {
        return (cols == 1 || cs == 1) && (rows == 1 || rs >= cols);
    }

    /** Column-major with unit row stride: usable as a transposed BLAS matrix with {@link #colLd()}. */
    boolean isColMajor() {
        return (rows == 1 || rs == 1) && (cols == 1 || cs >= rows);
    }

    /** Leading dimension when row-major (>= cols, >= 1). */
    int rowLd() {
        return Math.max(1, rows == 1 ? cols : Math.max(rs, cols));
    }

    /** Leading dimension when column-major (>= rows, >= 1). */
    int colLd() {
        return Math.max(1, cols == 1 ? rows : Math.max(cs, rows));
    }

    /** The same elements seen transposed (swaps shape and strides, no copy). */
    GemmMatrix transpose() {
        return new GemmMatrix(data, offset, cols, rows, cs, rs);
    }

    /** Copies the matrix row-major and gap-free into {@code dst} at {@code dstOff}. */
    void packRowMajor(float[] dst, int dstOff) {
        if (cs == 1 || cols == 1) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(data, offset + r * rs, dst, dstOff + r * cols, cols);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int s = offset + r * rs;
            int d = dstOff + r * cols;
            for (int c = 0; c < cols; c++, s += cs) {
                dst[d + c] = data[s];
            }
        }
    }

    /** Writes a gap-free row-major {@code rows x cols} block from {@code src} into this matrix. */
    void unpackRowMajor(float[] src, int srcOff) {
        if (cs == 1 || cols == 1) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(src, srcOff + r * cols, data, offset + r * rs, cols);
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int d = offset + r * rs;
            int s = srcOff + r * cols;
            for (int c = 0; c < cols; c++, d += cs) {
                data[d] = src[s + c];
            }
        }
    }
}
