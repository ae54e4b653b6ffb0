package io.netwright.data.transforms;

/** How a geometric transform samples between pixels (torchvision's {@code InterpolationMode}). */
public enum Interpolation {
    /** The nearest pixel (ties to even, as {@code grid_sample}). */
    NEAREST,
    /** Weighted average of the four surrounding pixels. */
    BILINEAR
}
