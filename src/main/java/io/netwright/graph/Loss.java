package io.netwright.graph;

import java.util.Arrays;
import java.util.Optional;

/**
 * The training loss of a design's head, with the name used in design files and the PyTorch class it matches.
 */
public enum Loss {
    /** Softmax + negative log-likelihood on raw logits {@code [N, C]} and class indices. */
    CROSS_ENTROPY("cross_entropy", "CrossEntropyLoss"),
    /** Negative log-likelihood on log-probabilities (after LogSoftmax). */
    NLL("nll", "NLLLoss"),
    /** Mean squared error, any shape. */
    MSE("mse", "MSELoss"),
    /** Mean absolute error, any shape. */
    L1("l1", "L1Loss"),
    /** Huber-like smooth L1, any shape. */
    SMOOTH_L1("smooth_l1", "SmoothL1Loss"),
    /** Binary cross-entropy on probabilities (after Sigmoid). */
    BCE("bce", "BCELoss"),
    /** Binary cross-entropy on raw logits. */
    BCE_WITH_LOGITS("bce_with_logits", "BCEWithLogitsLoss");

    private final String key;
    private final String torchName;

    Loss(String key, String torchName) {
        this.key = key;
        this.torchName = torchName;
    }

    /** The name in design files, e.g. {@code cross_entropy}. */
    public String key() {
        return key;
    }

    /** The PyTorch class, e.g. {@code CrossEntropyLoss}. */
    public String torchName() {
        return torchName;
    }

    /** Whether targets are class indices (the output has one score per class). */
    public boolean isClassification() {
        return this == CROSS_ENTROPY || this == NLL;
    }

    /** The loss with file name {@code key}, if any. */
    public static Optional<Loss> byKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    /** The file names of all losses, for error messages. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(Loss::key).toList());
    }
}
