package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;

/**
 * Transposed 2-D convolution ("deconvolution"), like {@code torch.nn.ConvTranspose2d}: the gradient of a
 * {@link Conv2d} with respect to its input. Weight {@code [in, out/groups, kH, kW]}, bias {@code [out]}, both from
 * U(-1/sqrt(k), 1/sqrt(k)) with {@code k = out/groups*kH*kW} (PyTorch's default).
 *
 * <pre>{@code var up = ConvTranspose2d.builder(16, 8, 2).stride(2).build(); // doubles H and W}</pre>
 */
public class ConvTranspose2d extends Module {

    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] outputPadding;
    private final int[] dilation;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;

    /** Stride 1, no padding, with bias. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(builder(inChannels, outChannels, kernelSize));
    }

    /** Square kernel with the given stride and padding, with bias. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(builder(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
    }

    /** A builder for every option. */
    public static Builder builder(int inChannels, int outChannels, int... kernelSize) {
        return new Builder(inChannels, outChannels, kernelSize);
    }

    ConvTranspose2d(Builder b) {
        String n = "ConvTranspose2d";
        if (b.in <= 0 || b.out <= 0) {
            throw new IllegalArgumentException(n + ": in_channels and out_channels must be positive, got " + b.in
                    + " and " + b.out);
        }
        if (b.groups <= 0 || b.in % b.groups != 0 || b.out % b.groups != 0) {
            throw new IllegalArgumentException(n + ": in_channels (" + b.in + ") and out_channels (" + b.out
                    + ") must both be divisible by groups (" + b.groups + ")");
        }
        this.inChannels = b.in;
        this.outChannels = b.out;
        this.kernelSize = Args.atLeast(n, "kernel_size", Args.pair(n, "kernel_size", b.kernel), 1);
        this.stride = Args.atLeast(n, "stride", Args.pair(n, "stride", b.stride), 1);
        this.padding = Args.atLeast(n, "padding", Args.pair(n, "padding", b.padding), 0);
        this.outputPadding = Args.atLeast(n, "output_padding", Args.pair(n, "output_padding", b.outputPadding), 0);
        this.dilation = Args.atLeast(n, "dilation", Args.pair(n, "dilation", b.dilation), 1);
        this.groups = b.groups;
        for (int i = 0; i < 2; i++) {
            if (outputPadding[i] >= stride[i] && outputPadding[i] >= dilation[i]) {
                throw new IllegalArgumentException(n + ": output padding must be smaller than either stride or "
                        + "dilation, got output_padding=" + Reprs.tuple(outputPadding) + ", stride="
                        + Reprs.tuple(stride) + ", dilation=" + Reprs.tuple(dilation));
            }
        }
        this.weight = registerParameter("weight", new Parameter(Tensor.empty(inChannels, outChannels / groups,
                kernelSize[0], kernelSize[1])));
        this.bias = registerParameter("bias", b.bias ? new Parameter(Tensor.empty(outChannels)) : null);
        resetParameters(b.generator);
    }

    /** Re-draws weight and bias with PyTorch's default initialisation. */
    public void resetParameters(Generator g) {
        Init.kaimingUniform_(weight.data(), Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu", g);
        if (bias != null) {
            int fanIn = Init.fans(weight.data())[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias.data(), -bound, bound, g);
        }
    }

    /** The weight {@code [in, out/groups, kH, kW]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}, or null. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor input) {
        Args.rank(this.toString(), input, "[N, C, H, W] or [C, H, W]", 3, 4);
        int c = input.size(-3);
        if (c != inChannels) {
            throw new IllegalArgumentException(this + ": input " + input.shape() + " has " + c + " channels, layer "
                    + "expects " + inChannels + " — set in_channels=" + c);
        }
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor y = Cnn.convTranspose2d(x, weight.data(), bias == null ? null : bias.data(), stride, padding,
                outputPadding, groups, dilation);
        return unbatched ? y.squeeze(0) : y;
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(Reprs.tuple(kernelSize))
                .append(", stride=").append(Reprs.tuple(stride));
        if (padding[0] != 0 || padding[1] != 0) {
            s.append(", padding=").append(Reprs.tuple(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s.append(", dilation=").append(Reprs.tuple(dilation));
        }
        if (outputPadding[0] != 0 || outputPadding[1] != 0) {
            s.append(", output_padding=").append(Reprs.tuple(outputPadding));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias == null) {
            s.append(", bias=False");
        }
        return s.toString();
    }

    /** Options of a {@link ConvTranspose2d}, with PyTorch's defaults. */
    public static final class Builder {
        final int in;
        final int out;
        final int[] kernel;
        int[] stride = {1};
        int[] padding = {0};
        int[] outputPadding = {0};
        int[] dilation = {1};
        int groups = 1;
        boolean bias = true;
        Generator generator = Generator.defaultGenerator();

        Builder(int in, int out, int[] kernel) {
            this.in = in;
            this.out = out;
            this.kernel = kernel.clone();
        }

        /** Stride; default 1. */
        public Builder stride(int... s) {
            stride = s.clone();
            return this;
        }

        /** Implicit padding removed from each side of the output; default 0. */
        public Builder padding(int... p) {
            padding = p.clone();
            return this;
        }

        /** Extra rows/columns added to one side of the output; default 0. */
        public Builder outputPadding(int... p) {
            outputPadding = p.clone();
            return this;
        }

        /** Spacing between kernel elements; default 1. */
        public Builder dilation(int... d) {
            dilation = d.clone();
            return this;
        }

        /** Blocked connections; default 1. */
        public Builder groups(int g) {
            groups = g;
            return this;
        }

        /** Whether to learn a bias; default true. */
        public Builder bias(boolean b) {
            bias = b;
            return this;
        }

        /** The generator for the initial weights. */
        public Builder generator(Generator g) {
            generator = g;
            return this;
        }

        /** The layer. */
        public ConvTranspose2d build() {
            return new ConvTranspose2d(this);
        }
    }
}
