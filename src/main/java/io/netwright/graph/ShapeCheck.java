package io.netwright.graph;

/**
 * Where a {@link LayerType}'s shape rule reports what is wrong with a node; the analyzer attaches each report to the
 * node (and port) and prefixes it with the layer and id ({@code Conv2d 'conv2': }). Messages state the fact
 * ({@code input has 3 channels, layer expects 6}); fixes say what to do ({@code set in_channels=3}), or are null.
 */
public interface ShapeCheck {

    /** An error about the node as a whole. */
    void error(String message, String fix);

    /** An error about input port {@code port}. */
    void errorAt(int port, String message, String fix);

    /** A warning: the design runs, but probably not as meant. */
    void warning(String message, String fix);

    /** The design's input shape (per sample), for the {@code Input} layer. */
    int[] designInput();
}
