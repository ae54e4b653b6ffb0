package io.netwright.nn;

import io.netwright.tensor.Cnn;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;

/**
 * 2-D convolution over {@code [N, C, H, W]} (or unbatched {@code [C, H, W]}) input, like {@code torch.nn.Conv2d}.
 * Weight {@code [out, in/groups, kH, kW]} and bias {@code [out]} are drawn from U(-1/sqrt(fan_in), 1/sqrt(fan_in))
 * with {@code fan_in = in/groups*kH*kW} (PyTorch's kaiming-uniform with a=sqrt(5)).
 *
 * <pre>{@code
 * var conv = new Conv2d(3, 6, 5);                                    // Conv2d(3, 6, kernel_size=(5, 5), stride=(1, 1))
 * var same = Conv2d.builder(16, 32, 3).padding("same").bias(false).build();
 * }</pre>
 */
public class Conv2d extends Module {

    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final String paddingString;
    private final int[] dilation;
    private final int groups;
    private final Parameter weight;
    private final Parameter bias;

    /** Stride 1, no padding, with bias. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(builder(inChannels, outChannels, kernelSize));
    }

    /** Square kernel with the given stride and zero padding, with bias. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(builder(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
    }

    /** A builder for every option: {@code Conv2d.builder(3, 8, 3).stride(2).padding(1).build()}. */
    public static Builder builder(int inChannels, int outChannels, int... kernelSize) {
        return new Builder(inChannels, outChannels, kernelSize);
    }

    Conv2d(Builder b) {
        String n = "Conv2d";
        if (b.in <= 0 || b.out <= 0) {
            throw new IllegalArgumentException(n + ": in_channels and out_channels must be positive, got " + b.in
                    + " and " + b.out);
        }
        if (b.groups <= 0 || b.in % b.groups != 0 || b.out % b.groups != 0) {
            throw new IllegalArgumentException(n + ": in_channels (" + b.in + ") and out_channels (" + b.out
                    + ") must both be divisible by groups (" + b.groups + ")");
        }
        if (!"zeros".equals(b.paddingMode)) {
            throw new IllegalArgumentException(n + ": padding_mode '" + b.paddingMode + "' is not supported; use "
                    + "'zeros' or put a padding layer before the convolution");
        }
        this.inChannels = b.in;
        this.outChannels = b.out;
        this.kernelSize = Args.atLeast(n, "kernel_size", Args.pair(n, "kernel_size", b.kernel), 1);
        this.stride = Args.atLeast(n, "stride", Args.pair(n, "stride", b.stride), 1);
        this.dilation = Args.atLeast(n, "dilation", Args.pair(n, "dilation", b.dilation), 1);
        this.groups = b.groups;
        if (b.paddingString != null) {
            if (!b.paddingString.equals("same") && !b.paddingString.equals("valid")) {
                throw new IllegalArgumentException(n + ": Invalid padding string '" + b.paddingString
                        + "', should be one of {'valid', 'same'}");
            }
            if (b.paddingString.equals("same") && (stride[0] != 1 || stride[1] != 1)) {
                throw new IllegalArgumentException(n + ": padding='same' is not supported for strided convolutions"
                        + " — use stride=1 or give the padding as numbers");
            }
            this.paddingString = b.paddingString;
            this.padding = new int[]{0, 0};
        } else {
            this.paddingString = null;
            this.padding = Args.atLeast(n, "padding", Args.pair(n, "padding", b.padding), 0);
        }
        this.weight = registerParameter("weight", new Parameter(Tensor.empty(outChannels, inChannels / groups,
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

    /** The weight {@code [out, in/groups, kH, kW]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias {@code [out]}, or null. */
    public Parameter bias() {
        return bias;
    }

    /** Input channels. */
    public int inChannels() {
        return inChannels;
    }

    /** Output channels. */
    public int outChannels() {
        return outChannels;
    }

    /** {@code relu(forward(input))}, fused into one pass where the backend can (see {@link Cnn#conv2dRelu}). */
    Tensor forwardRelu(Tensor input) {
        if (paddingString != null || input.dim() != 4 || input.size(1) != inChannels) {
            return forward(input).relu();
        }
        return Cnn.conv2dRelu(input, weight.data(), bias == null ? null : bias.data(), stride, padding, dilation,
                groups);
    }

    @Override
    public Tensor forward(Tensor input) {
        Args.rank(this.toString(), input, "[N, C, H, W] or [C, H, W]", 3, 4);
        int c = input.size(-3);
        if (c != inChannels) {
            throw new IllegalArgumentException(this + ": input " + input.shape() + " has " + c + " channels, layer "
                    + "expects " + inChannels + " — set in_channels=" + c + " or insert a 1x1 conv before it");
        }
        boolean unbatched = input.dim() == 3;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor b = bias == null ? null : bias.data();
        Tensor y = paddingString != null
                ? Cnn.conv2d(x, weight.data(), b, stride, paddingString, dilation, groups)
                : Cnn.conv2d(x, weight.data(), b, stride, padding, dilation, groups);
        return unbatched ? y.squeeze(0) : y;
    }

    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(Reprs.tuple(kernelSize))
                .append(", stride=").append(Reprs.tuple(stride));
        if (paddingString != null) {
            s.append(", padding=").append(paddingString);
        } else if (padding[0] != 0 || padding[1] != 0) {
            s.append(", padding=").append(Reprs.tuple(padding));
        }
        if (dilation[0] != 1 || dilation[1] != 1) {
            s.append(", dilation=").append(Reprs.tuple(dilation));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias == null) {
            s.append(", bias=False");
        }
        return s.toString();
    }

    /** Options of a {@link Conv2d}, with PyTorch's defaults. */
    public static final class Builder {
        final int in;
        final int out;
        final int[] kernel;
        int[] stride = {1};
        int[] padding = {0};
        String paddingString;
        int[] dilation = {1};
        int groups = 1;
        boolean bias = true;
        String paddingMode = "zeros";
        Generator generator = Generator.defaultGenerator();

        Builder(int in, int out, int[] kernel) {
            this.in = in;
            this.out = out;
            this.kernel = kernel.clone();
        }

        /** Stride, one value or {@code (h, w)}; default 1. */
        public Builder stride(int... s) {
            stride = s.clone();
            return this;
        }

        /** Zero padding on each side, one value or {@code (h, w)}; default 0. */
        public Builder padding(int... p) {
            padding = p.clone();
            paddingString = null;
            return this;
        }

        /** {@code "same"} (output as large as the input; stride 1 only) or {@code "valid"} (no padding). */
        public Builder padding(String mode) {
            paddingString = mode;
            return this;
        }

        /** Spacing between kernel elements; default 1. */
        public Builder dilation(int... d) {
            dilation = d.clone();
            return this;
        }

        /** Blocked connections from input to output channels; default 1. */
        public Builder groups(int g) {
            groups = g;
            return this;
        }

        /** Whether to learn an additive bias; default true. */
        public Builder bias(boolean b) {
            bias = b;
            return this;
        }

        /** Only {@code "zeros"} is supported. */
        public Builder paddingMode(String mode) {
            paddingMode = mode;
            return this;
        }

        /** The generator the initial weights are drawn from; default the default generator. */
        public Builder generator(Generator g) {
            generator = g;
            return this;
        }

        /** The layer. */
        public Conv2d build() {
            return new Conv2d(this);
        }
    }
}
