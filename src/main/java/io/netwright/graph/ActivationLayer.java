package io.netwright.graph;

import io.netwright.nn.Module;
import io.netwright.tensor.Generator;
import io.netwright.nn.ELU;
import io.netwright.nn.GELU;
import io.netwright.nn.LeakyReLU;
import io.netwright.nn.LogSoftmax;
import io.netwright.nn.PReLU;
import io.netwright.nn.ReLU;
import io.netwright.nn.SiLU;
import io.netwright.nn.Sigmoid;
import io.netwright.nn.Softmax;
import io.netwright.nn.Tanh;
import java.util.List;

/**
 * The elementwise activations ({@code ReLU}, {@code LeakyReLU}, {@code ELU}, {@code GELU}, {@code SiLU},
 * {@code Sigmoid}, {@code Tanh}, {@code PReLU}) and the normalising ones along a dim ({@code Softmax},
 * {@code LogSoftmax}). Shape in = shape out.
 */
final class ActivationLayer extends BaseLayer {

    /** The activation functions, with their schema. */
    enum Kind {
        RELU("ReLU", "ReLU", "max(0, x).", List.of()),
        LEAKY_RELU("LeakyReLU", "Leaky ReLU", "x for x > 0, negative_slope·x otherwise.",
                List.of(ParamSpec.ofFloat("negative_slope", 0.01, Range.ANY, "Slope for negative inputs."))),
        ELU("ELU", "ELU", "x for x > 0, alpha·(exp(x) - 1) otherwise.",
                List.of(ParamSpec.ofFloat("alpha", 1.0, Range.ANY, "Value approached for large negative x."))),
        GELU("GELU", "GELU", "x·Φ(x), the Gaussian error linear unit.",
                List.of(ParamSpec.ofChoice("approximate", List.of("none", "tanh"), "Exact (erf) or the tanh "
                        + "approximation."))),
        SILU("SiLU", "SiLU (Swish)", "x·sigmoid(x).", List.of()),
        SIGMOID("Sigmoid", "Sigmoid", "1 / (1 + exp(-x)), into (0, 1).", List.of()),
        TANH("Tanh", "Tanh", "Hyperbolic tangent, into (-1, 1).", List.of()),
        SOFTMAX("Softmax", "Softmax", "exp(x) normalised to sum 1 along dim (probabilities).",
                List.of(ParamSpec.ofInt("dim", 1, Range.ANY, "Dim to normalise along (0 is the batch)."))),
        LOG_SOFTMAX("LogSoftmax", "Log Softmax", "log(softmax(x)) along dim, for NLLLoss.",
                List.of(ParamSpec.ofInt("dim", 1, Range.ANY, "Dim to normalise along (0 is the batch)."))),
        PRELU("PReLU", "PReLU", "Leaky ReLU with a learned slope (one, or one per channel).",
                List.of(ParamSpec.ofInt("num_parameters", 1, Range.atLeast(1), "1 (shared slope) or the number "
                                + "of channels."),
                        ParamSpec.ofFloat("init", 0.25, Range.ANY, "Initial slope.")));

        final String type;
        final String display;
        final String doc;
        final List<ParamSpec> params;

        Kind(String type, String display, String doc, List<ParamSpec> params) {
            this.type = type;
            this.display = display;
            this.doc = doc;
            this.params = params;
        }
    }

    private final Kind kind;

    ActivationLayer(Kind kind) {
        super(kind.type, kind.display, Category.ACTIVATION, kind.type.toLowerCase(java.util.Locale.ROOT), 1, 1,
                kind.doc, kind.params);
        this.kind = kind;
    }

    /** Which function this is. */
    Kind kind() {
        return kind;
    }

    @Override
    public int[] outputShape(Params p, int[][] in, ShapeCheck check) {
        int[] x = in[0];
        if (kind == Kind.SOFTMAX || kind == Kind.LOG_SOFTMAX) {
            int dim = p.integer("dim");
            int d = Shapes.batchDim(dim, x.length);
            if (d <= 0) {
                check.error("dim=" + dim + (d == 0 ? " is the batch dimension" : " is out of range for input "
                        + Shapes.format(x) + " (batch included: dims 1.." + x.length + ")"), "set dim=1");
                return null;
            }
        }
        if (kind == Kind.PRELU) {
            int n = p.integer("num_parameters");
            if (n != 1 && n != x[0]) {
                check.error("num_parameters=" + n + " must be 1 or the number of channels (" + x[0] + ")",
                        "set num_parameters=" + x[0] + " or 1");
                return null;
            }
        }
        return x;
    }

    @Override
    public long paramCount(Params p, int[][] in, int[] out) {
        return kind == Kind.PRELU ? p.integer("num_parameters") : 0;
    }

    @Override
    public long flops(Params p, int[][] in, int[] out) {
        return Shapes.numel(out);
    }

    @Override
    public Module compile(Params p, int[][] in, Generator g) {
        return switch (kind) {
            case RELU -> new ReLU();
            case LEAKY_RELU -> new LeakyReLU(p.number("negative_slope"));
            case ELU -> new ELU(p.number("alpha"));
            case GELU -> new GELU(p.text("approximate"));
            case SILU -> new SiLU();
            case SIGMOID -> new Sigmoid();
            case TANH -> new Tanh();
            case SOFTMAX -> new Softmax(p.integer("dim"));
            case LOG_SOFTMAX -> new LogSoftmax(p.integer("dim"));
            case PRELU -> new PReLU(p.integer("num_parameters"), p.number("init"));
        };
    }
}
