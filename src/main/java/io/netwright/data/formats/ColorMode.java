package io.netwright.data.formats;

/** The channels images are decoded to, like PIL's {@code convert("L")} and {@code convert("RGB")}. */
public enum ColorMode {
    /** One channel: {@code L = R·299/1000 + G·587/1000 + B·114/1000} (ITU-R 601-2 luma, PIL's formula). */
    GRAYSCALE(1),
    /** Three channels R, G, B; alpha is dropped and grayscale is replicated. */
    RGB(3);

    private final int channels;

    ColorMode(int channels) {
        this.channels = channels;
    }

    /** 1 or 3. */
    public int channels() {
        return channels;
    }
}
