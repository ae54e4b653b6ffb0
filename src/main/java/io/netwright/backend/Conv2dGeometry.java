package io.netwright.backend;

/**
 * Geometry of a 2-D convolution window sweep, shared by {@code im2col} and {@code col2im}.
 *
 * @param channels input channels covered by the columns
 * @param height   input height
 * @param width    input width
 * @param kernelH  kernel height
 * @param kernelW  kernel width
 * @param strideH  vertical stride
 * @param strideW  horizontal stride
 * @param padH     zero padding top and bottom
 * @param padW     zero padding left and right
 * @param dilationH vertical dilation
 * @param dilationW horizontal dilation
 */
public record Conv2dGeometry(int channels, int height, int width, int kernelH, int kernelW, int strideH,
                             int strideW, int padH, int padW, int dilationH, int dilationW) {

    /** Rejects non-positive sizes and windows that do not fit. */
    public Conv2dGeometry {
        if (channels <= 0 || height <= 0 || width <= 0 || kernelH <= 0 || kernelW <= 0 || strideH <= 0
                || strideW <= 0 || padH < 0 || padW < 0 || dilationH <= 0 || dilationW <= 0) {
            throw new IllegalArgumentException("conv2d: invalid geometry " + describe(channels, height, width,
                    kernelH, kernelW, strideH, strideW, padH, padW, dilationH, dilationW));
        }
        int oh = (height + 2 * padH - dilationH * (kernelH - 1) - 1) / strideH + 1;
        int ow = (width + 2 * padW - dilationW * (kernelW - 1) - 1) / strideW + 1;
        if (oh <= 0 || ow <= 0 || height + 2 * padH < dilationH * (kernelH - 1) + 1
                || width + 2 * padW < dilationW * (kernelW - 1) + 1) {
            throw new IllegalArgumentException("conv2d: kernel " + kernelH + "x" + kernelW + " (dilation "
                    + dilationH + "x" + dilationW + ") does not fit input " + height + "x" + width + " padded by "
                    + padH + "x" + padW + ": output would be empty — use a smaller kernel or more padding");
        }
    }

    /** Output height. */
    public int outHeight() {
        return (height + 2 * padH - dilationH * (kernelH - 1) - 1) / strideH + 1;
    }

    /** Output width. */
    public int outWidth() {
        return (width + 2 * padW - dilationW * (kernelW - 1) - 1) / strideW + 1;
    }

    /** Rows of the column matrix: {@code channels * kernelH * kernelW}. */
    public int colRows() {
        return channels * kernelH * kernelW;
    }

    /** Columns of the column matrix: {@code outHeight * outWidth}. */
    public int colCols() {
        return outHeight() * outWidth();
    }

    private static String describe(int... v) {
        return String.format("(channels=%d, in=%dx%d, kernel=%dx%d, stride=%dx%d, padding=%dx%d, dilation=%dx%d)",
                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
}
