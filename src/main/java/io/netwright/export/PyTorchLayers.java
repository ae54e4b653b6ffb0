package io.netwright.export;

import io.netwright.graph.GraphStep;
import io.netwright.graph.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * The PyTorch form of every catalogue layer type: the {@code torch.nn} constructor of a node (with the exact
 * hyperparameters, so the created parameters and buffers equal ours in name and shape) and the expression that
 * computes it in {@code forward}. Layers without parameters that PyTorch writes as expressions (Add, Multiply,
 * Concat, Reshape) and Input/Output have no module. A type without a mapping fails naming the node.
 */
final class PyTorchLayers {

    private PyTorchLayers() {
    }

    /**
     * The constructor expression of {@code s} ({@code nn.Conv2d(1, 6, kernel_size=(5, 5), ...)}), or null for a
     * node that has no module.
     *
     * @throws ExportException for a layer type without a PyTorch mapping
     */
    static String constructor(GraphStep s) {
        Params p = s.params();
        String type = s.type().name();
        return switch (type) {
            case "Input", "Output", "Add", "Multiply", "Concat", "Reshape" -> null;
            case "Conv2d" -> call("nn.Conv2d", ConvArgs.conv(s, p));
            case "ConvTranspose2d" -> call("nn.ConvTranspose2d", ConvArgs.transposed(s, p));
            case "MaxPool2d" -> call("nn.MaxPool2d", "kernel_size=" + pair(p, "kernel_size"),
                    "stride=" + (p.isAuto("stride") ? "None" : pair(p, "stride")), "padding=" + pair(p, "padding"),
                    "dilation=" + pair(p, "dilation"), "ceil_mode=" + bool(p, "ceil_mode"));
            case "AvgPool2d" -> call("nn.AvgPool2d", "kernel_size=" + pair(p, "kernel_size"),
                    "stride=" + (p.isAuto("stride") ? "None" : pair(p, "stride")), "padding=" + pair(p, "padding"),
                    "ceil_mode=" + bool(p, "ceil_mode"), "count_include_pad=" + bool(p, "count_include_pad"));
            case "AdaptiveAvgPool2d" -> call("nn.AdaptiveAvgPool2d", pair(p, "output_size"));
            case "AdaptiveMaxPool2d" -> call("nn.AdaptiveMaxPool2d", pair(p, "output_size"));
            case "Linear" -> {
                int[] in = s.inputShape(0);
                int inF = p.isAuto("in_features") ? in[in.length - 1] : p.integer("in_features");
                yield call("nn.Linear", String.valueOf(inF), String.valueOf(p.integer("out_features")),
                        "bias=" + bool(p, "bias"));
            }
            case "Embedding" -> call("nn.Embedding", String.valueOf(p.integer("num_embeddings")),
                    String.valueOf(p.integer("embedding_dim")));
            case "ReLU" -> "nn.ReLU()";
            case "LeakyReLU" -> call("nn.LeakyReLU", "negative_slope=" + num(p, "negative_slope"));
            case "ELU" -> call("nn.ELU", "alpha=" + num(p, "alpha"));
            case "GELU" -> call("nn.GELU", "approximate=" + PyLiteral.string(p.text("approximate")));
            case "SiLU" -> "nn.SiLU()";
            case "Sigmoid" -> "nn.Sigmoid()";
            case "Tanh" -> "nn.Tanh()";
            case "Softmax" -> call("nn.Softmax", "dim=" + p.integer("dim"));
            case "LogSoftmax" -> call("nn.LogSoftmax", "dim=" + p.integer("dim"));
            case "PReLU" -> call("nn.PReLU", "num_parameters=" + p.integer("num_parameters"),
                    "init=" + num(p, "init"));
            case "BatchNorm1d", "BatchNorm2d" -> call("nn." + type,
                    String.valueOf(p.isAuto("num_features") ? s.inputShape(0)[0] : p.integer("num_features")),
                    "eps=" + num(p, "eps"), "momentum=" + num(p, "momentum"), "affine=" + bool(p, "affine"),
                    "track_running_stats=" + bool(p, "track_running_stats"));
            case "LayerNorm" -> call("nn.LayerNorm", PyLiteral.of(p.isAuto("normalized_shape") ? s.inputShape(0)
                    : p.ints("normalized_shape")), "eps=" + num(p, "eps"),
                    "elementwise_affine=" + bool(p, "elementwise_affine"));
            case "Dropout" -> call("nn.Dropout", "p=" + num(p, "p"));
            case "Dropout2d" -> call("nn.Dropout2d", "p=" + num(p, "p"));
            case "Flatten" -> call("nn.Flatten", "start_dim=" + p.integer("start_dim"),
                    "end_dim=" + p.integer("end_dim"));
            case "Identity" -> "nn.Identity()";
            case "Upsample" -> call("nn.Upsample", "scale_factor=" + num(p, "scale_factor"),
                    "mode=" + PyLiteral.string(p.text("mode")));
            case "ZeroPad2d" -> {
                int[] pad = p.ints("padding");
                yield call("nn.ZeroPad2d", pad.length == 1 ? String.valueOf(pad[0]) : PyLiteral.of(pad));
            }
            default -> throw unmapped(s);
        };
    }

    /**
     * The {@code forward} expression of {@code s}: {@code module(args[0])} for a node with a module, else the
     * expression itself ({@code a + b}, {@code torch.cat([a, b], dim=1)}, {@code a.reshape(a.shape[0], 16, 5, 5)}).
     *
     * @param module the node's module ({@code self.conv1}), unused by nodes without one
     * @param args   the variables holding the node's inputs, in port order
     */
    static String expression(GraphStep s, String module, List<String> args) {
        return switch (s.type().name()) {
            case "Input" -> throw new IllegalArgumentException("the Input node has no expression");
            case "Output" -> args.get(0);
            case "Add" -> String.join(" + ", args);
            case "Multiply" -> String.join(" * ", args);
            case "Concat" -> "torch.cat([" + String.join(", ", args) + "], dim=" + s.params().integer("dim") + ")";
            case "Reshape" -> {
                List<String> dims = new ArrayList<>();
                dims.add(args.get(0) + ".shape[0]");
                for (int d : s.params().ints("shape")) {
                    dims.add(String.valueOf(d));
                }
                yield args.get(0) + ".reshape(" + String.join(", ", dims) + ")";
            }
            default -> {
                constructor(s); // fails for an unmapped type
                yield module + "(" + String.join(", ", args) + ")";
            }
        };
    }

    static ExportException unmapped(GraphStep s) {
        return new ExportException("node '" + s.id() + "' (" + s.type().name() + "): no PyTorch mapping for layer type "
                + s.type().name() + " — add one to io.netwright.export.PyTorchLayers");
    }

    // ---------------------------------------------------------------- argument text

    static String call(String fn, String... args) {
        return fn + "(" + String.join(", ", args) + ")";
    }

    static String pair(Params p, String name) {
        return PyLiteral.of(p.pair(name));
    }

    static String num(Params p, String name) {
        return PyLiteral.number(p.number(name));
    }

    static String bool(Params p, String name) {
        return PyLiteral.of(p.bool(name));
    }

    /** The arguments of the two convolutions. */
    private static final class ConvArgs {

        private ConvArgs() {
        }

        static String[] conv(GraphStep s, Params p) {
            String padding = p.isText("padding") ? PyLiteral.string(p.text("padding")) : pair(p, "padding");
            return new String[] {String.valueOf(inChannels(s, p)), String.valueOf(p.integer("out_channels")),
                "kernel_size=" + pair(p, "kernel_size"), "stride=" + pair(p, "stride"), "padding=" + padding,
                "dilation=" + pair(p, "dilation"), "groups=" + p.integer("groups"), "bias=" + bool(p, "bias")};
        }

        static String[] transposed(GraphStep s, Params p) {
            return new String[] {String.valueOf(inChannels(s, p)), String.valueOf(p.integer("out_channels")),
                "kernel_size=" + pair(p, "kernel_size"), "stride=" + pair(p, "stride"),
                "padding=" + pair(p, "padding"), "output_padding=" + pair(p, "output_padding"),
                "groups=" + p.integer("groups"), "bias=" + bool(p, "bias"), "dilation=" + pair(p, "dilation")};
        }

        private static int inChannels(GraphStep s, Params p) {
            return p.isAuto("in_channels") ? s.inputShape(0)[0] : p.integer("in_channels");
        }
    }
}
