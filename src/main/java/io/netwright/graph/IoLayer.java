package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import java.util.List;

/** {@code Input} (where the design's input enters) and {@code Output} (what the loss sees). */
final class IoLayer extends BaseLayer {

    private final boolean input;

    private IoLayer(boolean input) {
        super(input ? "Input" : "Output", input ? "Input" : "Output", Category.INPUT_OUTPUT,
                input ? "input" : "output", input ? 0 : 1, input ? 0 : 1,
                input ? "The design's input, one sample of the shape set in the input spec (e.g. 1×28×28)."
                        : "The network's output, fed to the loss (e.g. 10 class logits).",
                List.of());
        this.input = input;
    }

    static final IoLayer INPUT = new IoLayer(true);
    static final IoLayer OUTPUT = new IoLayer(false);

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        return input ? check.designInput() : in[0];
    }

    @Override
    public boolean aliasesInput() {
        return !input;
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        return null;
    }
}
