package io.netwright.nn;

import java.util.Locale;

/** How a loss combines its per-element values, like PyTorch's {@code reduction=} argument. */
public enum Reduction {
    /** Keep one value per element (or per sample for class losses). */
    NONE,
    /** Average (weighted by class weights where the loss has them). */
    MEAN,
    /** Sum. */
    SUM;

    /** PyTorch's spelling: {@code none}, {@code mean}, {@code sum}. */
    public String torchName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses PyTorch's spelling. */
    public static Reduction of(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "mean" -> MEAN;
            case "sum" -> SUM;
            default -> throw new IllegalArgumentException(name + " is not a valid value for reduction (use none, "
                    + "mean or sum)");
        };
    }
}
