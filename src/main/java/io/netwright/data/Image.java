package io.netwright.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A float image in CHW order, what transforms work on (torchvision's image tensor, without a backend so
 * transforms run on worker threads). Values are usually in [0, 1] after {@code ToTensor}, or normalised.
 *
 * @param channels channels (1 grayscale, 3 RGB)
 * @param height   rows
 * @param width    columns
 * @param data     {@code channels*height*width} floats, CHW
 */
public record Image(int channels, int height, int width, float[] data) {

    /** Validates the sizes. */
    public Image {
        Objects.requireNonNull(data, "data");
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("Image: sizes must be positive, got channels=" + channels
                    + " height=" + height + " width=" + width);
        }
        if ((long) channels * height * width != data.length) {
            throw new IllegalArgumentException("Image: " + channels + "x" + height + "x" + width + " needs "
                    + (long) channels * height * width + " floats but " + data.length + " were given");
        }
    }

    /** A zero-filled image. */
    public static Image zeros(int channels, int height, int width) {
        return new Image(channels, height, width, new float[channels * height * width]);
    }

    /** The value of channel {@code c} at row {@code y}, column {@code x}. */
    public float get(int c, int y, int x) {
        return data[(c * height + y) * width + x];
    }

    /** Sets the value of channel {@code c} at row {@code y}, column {@code x}. */
    public void set(int c, int y, int x, float v) {
        data[(c * height + y) * width + x] = v;
    }

    /** {@code channels*height*width}. */
    public int numel() {
        return data.length;
    }

    /** A deep copy. */
    public Image copy() {
        return new Image(channels, height, width, data.clone());
    }

    /** The shape {@code [channels, height, width]}. */
    public int[] shape() {
        return new int[]{channels, height, width};
    }

    /** Bytes HWC (values × 255, rounded and clamped to 0–255), e.g. to save or display the image. */
    public ByteImage toByteImage() {
        byte[] out = new byte[data.length];
        int plane = height * width;
        for (int p = 0, dst = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                float v = data[c * plane + p] * 255f;
                out[dst++] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return new ByteImage(channels, height, width, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image b && b.channels == channels && b.height == height && b.width == width
                && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(channels, height, width, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Image(" + channels + "x" + height + "x" + width + ")";
    }
}
