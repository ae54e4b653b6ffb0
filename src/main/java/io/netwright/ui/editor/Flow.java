package io.netwright.ui.editor;

/** Which way data flows on the canvas: where input ports (the side data enters) and output ports sit. */
public enum Flow {
    /** Inputs on the top edge, the output on the bottom edge (the samples' layout). */
    TOP_DOWN,
    /** Inputs on the left edge, the output on the right edge. */
    LEFT_RIGHT
}
