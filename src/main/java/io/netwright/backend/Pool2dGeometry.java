package io.netwright.backend;

/**
 * Geometry of 2-D pooling over an input of {@code height x width} giving {@code outHeight x outWidth}.
 * For fixed windows (PyTorch {@code max_pool2d}/{@code avg_pool2d}) output row {@code i} covers input rows
 * {@code i*strideH - padH + k*dilationH}, {@code k < kernelH}. For adaptive pooling ({@code adaptive = true}) it
 * covers {@code [floor(i*H/outH), ceil((i+1)*H/outH))} and kernel/stride/padding are ignored.
 *
 * @param height           input height
 * @param width            input width
 * @param outHeight        output height
 * @param outWidth         output width
 * @param kernelH          window height
 * @param kernelW          window width
 * @param strideH          vertical stride
 * @param strideW          horizontal stride
 * @param padH             implicit padding top/bottom (−inf for max, 0 for average)
 * @param padW             implicit padding left/right
 * @param dilationH        vertical dilation (max pooling only)
 * @param dilationW        horizontal dilation (max pooling only)
 * @param countIncludePad  average pooling: divide by the full window including padding
 * @param adaptive         adaptive windows as described above
 */
public record Pool2dGeometry(int height, int width, int outHeight, int outWidth, int kernelH, int kernelW,
                             int strideH, int strideW, int padH, int padW, int dilationH, int dilationW,
                             boolean countIncludePad, boolean adaptive) {

    /** Rejects non-positive sizes. */
    public Pool2dGeometry {
        if (height <= 0 || width <= 0 || outHeight <= 0 || outWidth <= 0) {
            throw new IllegalArgumentException("pool2d: input " + height + "x" + width + " gives output "
                    + outHeight + "x" + outWidth + ": output would be empty — use a smaller kernel or stride");
        }
    }

    /** First input row of output row {@code i} (may be negative inside padding for fixed windows). */
    public int rowStart(int i) {
        return adaptive ? (int) Math.floor((double) i * height / outHeight) : i * strideH - padH;
    }

    /** One past the last input row of output row {@code i}, adaptive only. */
    public int rowEnd(int i) {
        return (int) Math.ceil((double) (i + 1) * height / outHeight);
    }

    /** First input column of output column {@code j}. */
    public int colStart(int j) {
        return adaptive ? (int) Math.floor((double) j * width / outWidth) : j * strideW - padW;
    }

    /** One past the last input column of output column {@code j}, adaptive only. */
    public int colEnd(int j) {
        return (int) Math.ceil((double) (j + 1) * width / outWidth);
    }
}
