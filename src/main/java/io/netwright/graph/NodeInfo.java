package io.netwright.graph;

import io.netwright.tensor.Shape;
import java.util.List;

/**
 * What analysis found for one node: its input and output shapes per sample (null where unknown because of an error
 * upstream or in the node), its parameter counts, its forward cost and the memory of its output.
 *
 * @param trainableParams parameters that are trained (0 when the node is frozen)
 * @param buffers         non-trained state elements (running statistics)
 * @param macs            multiply-accumulates of one forward pass per sample ({@link LayerType#macs})
 * @param flops           floating-point operations of one forward pass per sample ({@link LayerType#flops})
 * @param activationBytes bytes of this node's output per sample (float32); 0 for views of the input
 */
public record NodeInfo(String id, String type, List<Shape> inputShapes, Shape outputShape, long params,
        long trainableParams, long buffers, long macs, long flops, long activationBytes) {

    /** Copies the input shapes. */
    public NodeInfo {
        inputShapes = inputShapes == null ? List.of() : java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(inputShapes));
    }

    /** Whether the output shape is known. */
    public boolean hasShape() {
        return outputShape != null;
    }

    /** The output shape as text, {@code 16×5×5}, or {@code ?}. */
    public String outputShapeText() {
        return outputShape == null ? "?" : Shapes.format(outputShape.dims());
    }
}
