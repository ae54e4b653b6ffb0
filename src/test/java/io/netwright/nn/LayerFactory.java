package io.netwright.nn;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.netwright.tensor.Generator;

/** Builds our module for a golden case from PyTorch's class name and keyword arguments. */
final class LayerFactory {

    private LayerFactory() {
    }

    static Module build(String type, JsonObject kw) {
        Generator g = new Generator(7);
        return switch (type) {
            case "Linear" -> new Linear(i(kw, "in_features"), i(kw, "out_features"), b(kw, "bias", true), g);
            case "Conv2d" -> {
                var bld = Conv2d.builder(i(kw, "in_channels"), i(kw, "out_channels"), ints(kw, "kernel_size"))
                        .stride(ints(kw, "stride", 1)).dilation(ints(kw, "dilation", 1)).groups(i(kw, "groups", 1))
                        .bias(b(kw, "bias", true)).generator(g);
                JsonElement p = kw.get("padding");
                if (p != null && p.isJsonPrimitive() && p.getAsJsonPrimitive().isString()) {
                    bld.padding(p.getAsString());
                } else {
                    bld.padding(ints(kw, "padding", 0));
                }
                yield bld.build();
            }
            case "ConvTranspose2d" -> ConvTranspose2d.builder(i(kw, "in_channels"), i(kw, "out_channels"),
                            ints(kw, "kernel_size")).stride(ints(kw, "stride", 1)).padding(ints(kw, "padding", 0))
                    .outputPadding(ints(kw, "output_padding", 0)).dilation(ints(kw, "dilation", 1))
                    .groups(i(kw, "groups", 1)).bias(b(kw, "bias", true)).generator(g).build();
            case "MaxPool2d" -> new MaxPool2d(ints(kw, "kernel_size"), kw.has("stride") ? ints(kw, "stride") : null,
                    ints(kw, "padding", 0), ints(kw, "dilation", 1), b(kw, "ceil_mode", false));
            case "AvgPool2d" -> new AvgPool2d(ints(kw, "kernel_size"), kw.has("stride") ? ints(kw, "stride") : null,
                    ints(kw, "padding", 0), b(kw, "ceil_mode", false), b(kw, "count_include_pad", true),
                    kw.has("divisor_override") ? i(kw, "divisor_override") : null);
            case "AdaptiveAvgPool2d" -> {
                int[] s = ints(kw, "output_size");
                yield kw.get("output_size").isJsonArray() ? new AdaptiveAvgPool2d(s[0], s[1])
                        : new AdaptiveAvgPool2d(s[0]);
            }
            case "AdaptiveMaxPool2d" -> {
                int[] s = ints(kw, "output_size");
                yield kw.get("output_size").isJsonArray() ? new AdaptiveMaxPool2d(s[0], s[1])
                        : new AdaptiveMaxPool2d(s[0]);
            }
            case "BatchNorm1d" -> new BatchNorm1d(i(kw, "num_features"), d(kw, "eps", 1e-5), momentum(kw),
                    b(kw, "affine", true), b(kw, "track_running_stats", true));
            case "BatchNorm2d" -> new BatchNorm2d(i(kw, "num_features"), d(kw, "eps", 1e-5), momentum(kw),
                    b(kw, "affine", true), b(kw, "track_running_stats", true));
            case "LayerNorm" -> new LayerNorm(ints(kw, "normalized_shape"), d(kw, "eps", 1e-5),
                    b(kw, "elementwise_affine", true));
            case "Dropout" -> new Dropout(d(kw, "p", 0.5), g);
            case "Dropout2d" -> new Dropout2d(d(kw, "p", 0.5), g);
            case "Flatten" -> new Flatten(i(kw, "start_dim", 1), i(kw, "end_dim", -1));
            case "Identity" -> new Identity();
            case "Upsample" -> {
                int[] size = kw.has("size") ? ints(kw, "size") : null;
                double[] scale = kw.has("scale_factor") ? new double[]{d(kw, "scale_factor", 1)} : null;
                Boolean align = kw.has("align_corners") ? b(kw, "align_corners", false) : null;
                yield new Upsample(size, scale, kw.get("mode").getAsString(), align);
            }
            case "ZeroPad2d" -> {
                int[] p = ints(kw, "padding");
                yield p.length == 1 ? new ZeroPad2d(p[0]) : new ZeroPad2d(p[0], p[1], p[2], p[3]);
            }
            case "Embedding" -> new Embedding(i(kw, "num_embeddings"), i(kw, "embedding_dim"),
                    kw.has("padding_idx") ? i(kw, "padding_idx") : null, g);
            case "ReLU" -> new ReLU();
            case "LeakyReLU" -> new LeakyReLU(d(kw, "negative_slope", 0.01));
            case "ELU" -> new ELU(d(kw, "alpha", 1.0));
            case "GELU" -> new GELU(kw.has("approximate") ? kw.get("approximate").getAsString() : "none");
            case "SiLU" -> new SiLU();
            case "Sigmoid" -> new Sigmoid();
            case "Tanh" -> new Tanh();
            case "Softmax" -> new Softmax(i(kw, "dim"));
            case "LogSoftmax" -> new LogSoftmax(i(kw, "dim"));
            case "PReLU" -> new PReLU(i(kw, "num_parameters", 1), d(kw, "init", 0.25));
            default -> throw new IllegalArgumentException("no factory for layer type " + type);
        };
    }

    private static Double momentum(JsonObject kw) {
        if (!kw.has("momentum")) {
            return 0.1;
        }
        return kw.get("momentum").isJsonNull() ? null : kw.get("momentum").getAsDouble();
    }

    static int i(JsonObject kw, String k) {
        return kw.get(k).getAsInt();
    }

    static int i(JsonObject kw, String k, int dflt) {
        return kw.has(k) ? kw.get(k).getAsInt() : dflt;
    }

    static double d(JsonObject kw, String k, double dflt) {
        return kw.has(k) ? kw.get(k).getAsDouble() : dflt;
    }

    static boolean b(JsonObject kw, String k, boolean dflt) {
        return kw.has(k) ? kw.get(k).getAsBoolean() : dflt;
    }

    static int[] ints(JsonObject kw, String k) {
        JsonElement e = kw.get(k);
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            int[] v = new int[a.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = a.get(j).getAsInt();
            }
            return v;
        }
        return new int[]{e.getAsInt()};
    }

    static int[] ints(JsonObject kw, String k, int dflt) {
        return kw.has(k) ? ints(kw, k) : new int[]{dflt};
    }
}
