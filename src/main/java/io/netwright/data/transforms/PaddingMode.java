package io.netwright.data.transforms;

/** How padded pixels are filled, as torchvision's {@code padding_mode}. */
public enum PaddingMode {
    /** The fill value. */
    CONSTANT,
    /** The nearest edge pixel. */
    EDGE,
    /** Mirror without repeating the edge: {@code [1, 2, 3]} padded by 2 → {@code [3, 2, 1, 2, 3, 2, 1]}. */
    REFLECT,
    /** Mirror repeating the edge: {@code [1, 2, 3]} padded by 2 → {@code [2, 1, 1, 2, 3, 3, 2]}. */
    SYMMETRIC;

    /** torchvision's name: {@code "constant"}, {@code "edge"}, ... */
    public String torchName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
