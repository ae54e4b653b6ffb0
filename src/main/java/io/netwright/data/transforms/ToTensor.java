package io.netwright.data.transforms;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import io.netwright.tensor.Generator;

/**
 * HWC bytes → CHW floats in [0, 1] (value / 255), like {@code torchvision.transforms.ToTensor} on a PIL image. The
 * result is an {@link Image} (a host array), which the collate function stacks into one tensor per batch.
 */
public final class ToTensor implements Transform<ByteImage, Image> {

    @Override
    public Image apply(ByteImage input, Generator rng) {
        return input.toImage();
    }

    @Override
    public String toString() {
        return "ToTensor()";
    }
}
