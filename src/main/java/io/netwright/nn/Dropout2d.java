package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;

/**
 * Zeroes whole channels (dim 1 of {@code [N, C, H, W]}) with probability {@code p} during training and scales the
 * rest by {@code 1/(1-p)}, like {@code torch.nn.Dropout2d}; the identity in evaluation mode. Masks are drawn from this module's generator (the default generator unless one is set), so a seeded
 * generator makes a run reproducible.
 */
public class Dropout2d extends Module {

    private final double p;
    private Generator generator;

    /** {@code p = 0.5}. */
    public Dropout2d() {
        this(0.5);
    }

    /** Drop probability {@code p} in [0, 1]. */
    public Dropout2d(double p) {
        this(p, Generator.defaultGenerator());
    }

    /** Drop probability {@code p}, masks drawn from {@code generator}. */
    public Dropout2d(double p, Generator generator) {
        this.p = Args.probability("Dropout2d", p);
        this.generator = java.util.Objects.requireNonNull(generator, "generator");
    }

    /** The drop probability. */
    public double p() {
        return p;
    }

    /** The generator masks are drawn from. */
    public Generator generator() {
        return generator;
    }

    /** Draws masks from {@code g} from now on; returns this. */
    public Dropout2d generator(Generator g) {
        this.generator = java.util.Objects.requireNonNull(g, "generator");
        return this;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Cnn.dropout2d(input, p, isTraining(), generator);
    }

    @Override
    public String extraRepr() {
        return "p=" + Reprs.pyFloat(p) + ", inplace=False";
    }
}
