package io.netwright.data.transforms;

import io.netwright.data.Image;

/** A transform from a float CHW {@link Image} to another; the type every augmentation after {@link ToTensor} has. */
public interface ImageTransform extends Transform<Image, Image> {
}
