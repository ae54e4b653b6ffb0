package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.nn.Dropout;
import io.netwright.nn.Dropout2d;
import java.util.List;

/** {@code Dropout} (zeroes elements) and {@code Dropout2d} (zeroes whole channels), active only in training. */
final class DropoutLayer extends BaseLayer {

    private final boolean channels;

    static final DropoutLayer DROPOUT = new DropoutLayer(false);
    static final DropoutLayer DROPOUT2D = new DropoutLayer(true);

    private DropoutLayer(boolean channels) {
        super(channels ? "Dropout2d" : "Dropout", channels ? "Dropout 2D" : "Dropout", Category.REGULARIZATION,
                "drop", 1, 1, channels ? "In training, zeroes whole channels with probability p and scales the "
                        + "rest by 1/(1-p)." : "In training, zeroes each element with probability p and scales "
                        + "the rest by 1/(1-p).",
                List.of(ParamSpec.ofFloat("p", 0.5, Range.between(0, 1), "Probability of zeroing.")));
        this.channels = channels;
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        if (channels && x.length != 3) {
            check.warning("input is " + describe(x) + ": Dropout2d drops channels of C×H×W maps",
                    "use Dropout for vectors");
        }
        if (p.number("p") == 1) {
            check.warning("p=1 zeroes everything in training", "set p below 1 (e.g. 0.5)");
        }
        return x;
    }

    @Override
    public long flops(Params p, int[][] in, int[] out) {
        return Shapes.numel(out);
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        return channels ? new Dropout2d(p.number("p"), g) : new Dropout(p.number("p"), g);
    }
}
