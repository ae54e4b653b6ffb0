package io.netwright.graph;

/** The palette sections of the layer catalogue, in palette order. */
public enum Category {
    INPUT_OUTPUT("Input/Output"),
    CONVOLUTION("Convolution"),
    POOLING("Pooling"),
    DENSE("Dense"),
    ACTIVATION("Activation"),
    NORMALIZATION("Normalization"),
    REGULARIZATION("Regularization"),
    MERGE("Merge"),
    RESHAPE("Reshape");

    private final String displayName;

    Category(String displayName) {
        this.displayName = displayName;
    }

    /** The heading shown in the palette. */
    public String displayName() {
        return displayName;
    }
}
