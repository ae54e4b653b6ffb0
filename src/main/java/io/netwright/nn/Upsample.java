package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Tensor;

/**
 * Resizes the last two dims of {@code [N, C, H, W]} input to a fixed size or by a scale factor, like
 * {@code torch.nn.Upsample}, with mode {@code nearest} (default) or {@code bilinear}.
 *
 * <pre>{@code
 * Upsample.scale(2, "nearest")          // Upsample(scale_factor=2.0, mode=nearest)
 * Upsample.size(8, 8, "bilinear", false)
 * }</pre>
 */
public class Upsample extends Module {

    private final int[] size;
    private final double[] scaleFactor;
    private final String mode;
    private final Boolean alignCorners;

    /**
     * Every option: exactly one of {@code size} and {@code scaleFactor} (each one value or {@code (h, w)});
     * {@code alignCorners} only with interpolating modes (null = PyTorch's None).
     */
    public Upsample(int[] size, double[] scaleFactor, String mode, Boolean alignCorners) {
        if ((size == null) == (scaleFactor == null)) {
            throw new IllegalArgumentException("Upsample: either size or scale_factor should be defined, not both "
                    + "and not neither");
        }
        if (size != null) {
            Args.atLeast("Upsample", "size", Args.pair("Upsample", "size", size), 1);
        }
        if (scaleFactor != null && (scaleFactor.length == 0 || scaleFactor.length > 2)) {
            throw new IllegalArgumentException("Upsample: scale_factor must be one or two numbers");
        }
        if (scaleFactor != null) {
            for (double s : scaleFactor) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("Upsample: scale_factor must be positive, got " + s);
                }
            }
        }
        if (!"nearest".equals(mode) && !"bilinear".equals(mode)) {
            throw new IllegalArgumentException("Upsample: mode '" + mode + "' is not supported — use 'nearest' or "
                    + "'bilinear'");
        }
        if (alignCorners != null && "nearest".equals(mode)) {
            throw new IllegalArgumentException("Upsample: align_corners option can only be set with the "
                    + "interpolating modes: linear | bilinear | bicubic | trilinear");
        }
        this.size = size == null ? null : size.clone();
        this.scaleFactor = scaleFactor == null ? null : scaleFactor.clone();
        this.mode = mode;
        this.alignCorners = alignCorners;
    }

    /** Scales H and W by {@code factor}. */
    public static Upsample scale(double factor, String mode) {
        return new Upsample(null, new double[]{factor}, mode, null);
    }

    /** Scales H and W by {@code factor}, with corner alignment for bilinear. */
    public static Upsample scale(double factor, String mode, boolean alignCorners) {
        return new Upsample(null, new double[]{factor}, mode, alignCorners);
    }

    /** Resizes to {@code size x size} (prints as {@code size=4}). */
    public static Upsample size(int size, String mode) {
        return new Upsample(new int[]{size}, null, mode, null);
    }

    /** Resizes to {@code h x w}. */
    public static Upsample size(int h, int w, String mode) {
        return new Upsample(new int[]{h, w}, null, mode, null);
    }

    /** Resizes to {@code h x w}, with corner alignment for bilinear. */
    public static Upsample size(int h, int w, String mode, boolean alignCorners) {
        return new Upsample(new int[]{h, w}, null, mode, alignCorners);
    }

    @Override
    public Tensor forward(Tensor input) {
        Args.rank(toString(), input, "[N, C, H, W]", 4);
        boolean align = alignCorners != null && alignCorners;
        if (size != null) {
            int[] s = Args.pair("Upsample", "size", size);
            return Cnn.interpolate(input, s[0], s[1], mode, align);
        }
        double sh = scaleFactor[0];
        double sw = scaleFactor.length == 2 ? scaleFactor[1] : scaleFactor[0];
        return Cnn.interpolate(input, new double[]{sh, sw}, mode, align);
    }

    @Override
    public String extraRepr() {
        String info;
        if (scaleFactor != null) {
            info = "scale_factor=" + (scaleFactor.length == 1 ? Reprs.pyFloat(scaleFactor[0])
                    : "(" + Reprs.pyFloat(scaleFactor[0]) + ", " + Reprs.pyFloat(scaleFactor[1]) + ")");
        } else {
            info = "size=" + Reprs.intOrTuple(size, size.length == 1);
        }
        return info + ", mode=" + mode;
    }
}
