package io.netwright.data.transforms;

/**
 * Pixels added on each side of an image, as torchvision's {@code padding} argument: one number for all sides, two
 * for (left/right, top/bottom), or four for (left, top, right, bottom).
 *
 * @param left   columns added on the left
 * @param top    rows added on the top
 * @param right  columns added on the right
 * @param bottom rows added at the bottom
 */
public record Padding(int left, int top, int right, int bottom) {

    /** Validates that every side is non-negative. */
    public Padding {
        if (left < 0 || top < 0 || right < 0 || bottom < 0) {
            throw new IllegalArgumentException("Padding: every side must be >= 0, got (left=" + left + ", top=" + top
                    + ", right=" + right + ", bottom=" + bottom + ")");
        }
    }

    /** {@code all} pixels on every side. */
    public static Padding of(int all) {
        return new Padding(all, all, all, all);
    }

    /** {@code leftRight} on the left and right, {@code topBottom} on the top and bottom. */
    public static Padding of(int leftRight, int topBottom) {
        return new Padding(leftRight, topBottom, leftRight, topBottom);
    }

    /** Whether no side is padded. */
    public boolean isZero() {
        return left == 0 && top == 0 && right == 0 && bottom == 0;
    }

    @Override
    public String toString() {
        if (left == right && top == bottom) {
            return left == top ? Integer.toString(left) : "[" + left + ", " + top + "]";
        }
        return "[" + left + ", " + top + ", " + right + ", " + bottom + "]";
    }
}
