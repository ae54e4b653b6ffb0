package io.netwright.graph;

/** The kinds of layer parameter, which decide the property-sheet editor and the accepted {@link ParamValue}s. */
public enum ParamType {
    /** An integer ({@code out_channels}). */
    INT,
    /** A number; integers are accepted ({@code eps}, {@code p}). */
    FLOAT,
    /** true or false ({@code bias}). */
    BOOL,
    /** One of a fixed set of texts ({@code mode}). */
    CHOICE,
    /** An integer meaning {@code (n, n)} or a list of two integers ({@code kernel_size}). */
    INT_PAIR,
    /** An integer or a list of integers ({@code ZeroPad2d.padding}, {@code Reshape.shape}). */
    INT_LIST
}
