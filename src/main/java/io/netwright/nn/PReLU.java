package io.netwright.nn;

import io.netwright.tensor.Tensor;

/**
 * {@code x > 0 ? x : a * x} with a learned slope {@code a}, like {@code torch.nn.PReLU}: one slope shared by all
 * channels ({@code numParameters = 1}) or one per channel of dim 1; initialised to {@code init} (0.25).
 */
public class PReLU extends Module {

    private final int numParameters;
    private final double init;
    private final Parameter weight;

    /** One shared slope starting at 0.25. */
    public PReLU() {
        this(1, 0.25);
    }

    /** {@code numParameters} slopes starting at {@code init}. */
    public PReLU(int numParameters, double init) {
        if (numParameters <= 0) {
            throw new IllegalArgumentException("PReLU: num_parameters must be positive, got " + numParameters);
        }
        this.numParameters = numParameters;
        this.init = init;
        this.weight = registerParameter("weight", new Parameter(Tensor.full(new int[]{numParameters}, init)));
    }

    /** Slopes back to {@code init}. */
    public void resetParameters() {
        Init.constant_(weight.data(), init);
    }

    /** The slopes {@code [numParameters]}. */
    public Parameter weight() {
        return weight;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.prelu(input, weight.data());
    }

    @Override
    public String extraRepr() {
        return "num_parameters=" + numParameters;
    }
}
