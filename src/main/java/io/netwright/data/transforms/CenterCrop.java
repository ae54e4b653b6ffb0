package io.netwright.data.transforms;

import io.netwright.data.Image;
import io.netwright.tensor.Generator;

/**
 * Crops the central {@code height × width} window, like torchvision's {@code CenterCrop}: an image smaller than
 * the crop is first zero-padded (extra pixel on the right/bottom), and the offset is {@code round((H - h) / 2)}
 * with Python's round-half-to-even.
 */
public final class CenterCrop implements ImageTransform {

    private final int height;
    private final int width;

    /** A square crop. */
    public CenterCrop(int size) {
        this(size, size);
    }

    /** A {@code height × width} crop. */
    public CenterCrop(int height, int width) {
        this.height = Pixels.checkSize("CenterCrop", "height", height);
        this.width = Pixels.checkSize("CenterCrop", "width", width);
    }

    @Override
    public Image apply(Image img, Generator rng) {
        Image x = img;
        if (width > x.width() || height > x.height()) {
            int dw = Math.max(0, width - x.width());
            int dh = Math.max(0, height - x.height());
            x = Pixels.pad(x, new Padding(dw / 2, dh / 2, (dw + 1) / 2, (dh + 1) / 2), new float[x.channels()],
                    PaddingMode.CONSTANT);
        }
        int top = (int) Math.rint((x.height() - height) / 2.0);
        int left = (int) Math.rint((x.width() - width) / 2.0);
        return Pixels.crop(x, top, left, height, width);
    }

    @Override
    public String toString() {
        return "CenterCrop(size=(" + height + ", " + width + "))";
    }
}
