package io.netwright.export;

import static io.netwright.export.ExportFixtures.chain;
import static io.netwright.export.ExportFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.GraphModule;
import io.netwright.graph.InputSpec;
import io.netwright.graph.Node;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample design and every catalogue layer (in the configurations that change the ONNX written) exported with
 * random weights and run by ONNX Runtime: its outputs equal our engine's within 1e-5 absolute + 1e-4 relative, for
 * batches of 1 and 7 through the one model (the batch dimension is symbolic).
 */
class OnnxExportTest {

    static final double ABS = 1e-5;
    static final double REL = 1e-4;

    static Stream<Path> samples() {
        return ExportFixtures.samples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleDesignsMatchOurEngine(Path file) {
        Design d = ExportFixtures.read(file);
        assertMatches(d, OnnxOptions.MAX_OPSET, 11);
    }

    static Stream<Arguments> layers() {
        InputSpec img = InputSpec.image(3, 9, 8);
        InputSpec vec = InputSpec.of(12);
        InputSpec seq = InputSpec.of(4, 6);
        return Stream.of(
                c("Conv2d", img, node("conv", "Conv2d", "out_channels", 4, "kernel_size", 3, "stride", 2,
                        "padding", 1)),
                c("Conv2d same dilated", img, node("conv", "Conv2d", "out_channels", 4, "kernel_size", 4,
                        "padding", "same", "dilation", 2)),
                c("Conv2d valid no bias", img, node("conv", "Conv2d", "out_channels", 2, "kernel_size",
                        new int[] {3, 2}, "padding", "valid", "bias", false)),
                c("Conv2d groups", img, node("conv", "Conv2d", "out_channels", 6, "kernel_size", 3, "groups", 3)),
                c("ConvTranspose2d", img, node("deconv", "ConvTranspose2d", "out_channels", 4, "kernel_size", 3,
                        "stride", 2, "padding", 1, "output_padding", 1)),
                c("ConvTranspose2d groups dilation", img, node("deconv", "ConvTranspose2d", "out_channels", 6,
                        "kernel_size", 2, "groups", 3, "dilation", 2, "bias", false)),
                c("MaxPool2d", img, node("pool", "MaxPool2d", "kernel_size", 2)),
                c("MaxPool2d ceil padding dilation", img, node("pool", "MaxPool2d", "kernel_size", 3, "stride", 2,
                        "padding", 1, "dilation", 1, "ceil_mode", true)),
                c("MaxPool2d dilation", img, node("pool", "MaxPool2d", "kernel_size", 2, "stride", 1,
                        "dilation", 2)),
                c("AvgPool2d", img, node("pool", "AvgPool2d", "kernel_size", 2)),
                c("AvgPool2d padding exclude", img, node("pool", "AvgPool2d", "kernel_size", 3, "stride", 2,
                        "padding", 1, "count_include_pad", false)),
                c("AvgPool2d padding include", img, node("pool", "AvgPool2d", "kernel_size", 3, "stride", 2,
                        "padding", 1)),
                c("AvgPool2d ceil", img, node("pool", "AvgPool2d", "kernel_size", 2, "ceil_mode", true)),
                c("AdaptiveAvgPool2d global", img, node("pool", "AdaptiveAvgPool2d", "output_size", 1)),
                c("AdaptiveAvgPool2d divisible", img, node("pool", "AdaptiveAvgPool2d", "output_size",
                        new int[] {3, 4})),
                c("AdaptiveAvgPool2d uneven", img, node("pool", "AdaptiveAvgPool2d", "output_size",
                        new int[] {4, 3})),
                c("AdaptiveMaxPool2d global", img, node("pool", "AdaptiveMaxPool2d", "output_size", 1)),
                c("AdaptiveMaxPool2d uneven", img, node("pool", "AdaptiveMaxPool2d", "output_size", 5)),
                c("Linear", vec, node("fc", "Linear", "out_features", 5)),
                c("Linear no bias", vec, node("fc", "Linear", "out_features", 5, "bias", false)),
                c("Linear on a sequence", seq, node("fc", "Linear", "out_features", 3)),
                c("Linear on a sequence no bias", seq, node("fc", "Linear", "out_features", 3, "bias", false)),
                c("ReLU", img, node("act", "ReLU")),
                c("LeakyReLU", img, node("act", "LeakyReLU", "negative_slope", 0.2)),
                c("ELU", img, node("act", "ELU", "alpha", 0.7)),
                c("GELU", img, node("act", "GELU")),
                c("GELU tanh", img, node("act", "GELU", "approximate", "tanh")),
                c("SiLU", img, node("act", "SiLU")),
                c("Sigmoid", img, node("act", "Sigmoid")),
                c("Tanh", img, node("act", "Tanh")),
                c("Softmax", vec, node("act", "Softmax")),
                c("Softmax over channels", img, node("act", "Softmax", "dim", 1)),
                c("Softmax last dim", img, node("act", "Softmax", "dim", -1)),
                c("LogSoftmax", vec, node("act", "LogSoftmax")),
                c("LogSoftmax dim 2", img, node("act", "LogSoftmax", "dim", 2)),
                c("PReLU shared", img, node("act", "PReLU")),
                c("PReLU per channel", img, node("act", "PReLU", "num_parameters", 3)),
                c("PReLU per feature", vec, node("act", "PReLU", "num_parameters", 12)),
                c("BatchNorm2d", img, node("bn", "BatchNorm2d")),
                c("BatchNorm2d no affine", img, node("bn", "BatchNorm2d", "affine", false, "eps", 1e-3)),
                c("BatchNorm2d batch statistics", img, node("bn", "BatchNorm2d", "track_running_stats", false)),
                c("BatchNorm1d", vec, node("bn", "BatchNorm1d")),
                c("BatchNorm1d sequence", seq, node("bn", "BatchNorm1d")),
                c("BatchNorm1d batch statistics", seq, node("bn", "BatchNorm1d", "track_running_stats", false)),
                c("LayerNorm", img, node("ln", "LayerNorm")),
                c("LayerNorm last dim", img, node("ln", "LayerNorm", "normalized_shape", new int[] {8})),
                c("LayerNorm no affine", seq, node("ln", "LayerNorm", "elementwise_affine", false)),
                c("Dropout", img, node("drop", "Dropout", "p", 0.3)),
                c("Dropout2d", img, node("drop", "Dropout2d")),
                c("Flatten", img, node("flat", "Flatten")),
                c("Flatten middle", img, node("flat", "Flatten", "start_dim", 2)),
                c("Reshape", img, node("reshape", "Reshape", "shape", new int[] {-1, 24})),
                c("Identity", img, node("id", "Identity")),
                c("Upsample nearest", img, node("up", "Upsample")),
                c("Upsample nearest 1.5", img, node("up", "Upsample", "scale_factor", 1.5)),
                c("Upsample bilinear", img, node("up", "Upsample", "mode", "bilinear")),
                c("Upsample bilinear 3", img, node("up", "Upsample", "mode", "bilinear", "scale_factor", 3.0)),
                c("ZeroPad2d", img, node("pad", "ZeroPad2d", "padding", new int[] {1})),
                c("ZeroPad2d sides", img, node("pad", "ZeroPad2d", "padding", new int[] {1, 2, 0, 3})));
    }

    private static Arguments c(String name, InputSpec in, Node... layers) {
        return Arguments.of(name, chain(name, in, layers));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void everyLayerMatchesOurEngine(String name, Design d) {
        assertMatches(d, OnnxOptions.MAX_OPSET, 5);
    }

    @ParameterizedTest(name = "{0} at opset 13")
    @MethodSource("layers")
    void everyLayerMatchesOurEngineAtOpset13(String name, Design d) {
        assertMatches(d, OnnxOptions.MIN_OPSET, 6);
    }

    static Stream<Arguments> merges() {
        InputSpec img = InputSpec.image(3, 6, 6);
        return Stream.of(
                Arguments.of("Add of three", branches(img, node("m", "Add"), 3)),
                Arguments.of("Multiply", branches(img, node("m", "Multiply"), 2)),
                Arguments.of("Concat channels", branches(img, node("m", "Concat"), 3)),
                Arguments.of("Concat width", branches(img, node("m", "Concat", "dim", -1), 2)));
    }

    /** Input → {@code n} 1×1 convolutions → merge → Output. */
    private static Design branches(InputSpec in, Node merge, int n) {
        List<Node> nodes = new java.util.ArrayList<>(List.of(Node.of("input", "Input")));
        List<Edge> edges = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(node("b" + i, "Conv2d", "out_channels", 2, "kernel_size", 1));
            edges.add(Edge.of("input", "b" + i));
            edges.add(Edge.of("b" + i, merge.id(), i));
        }
        nodes.add(merge);
        nodes.add(Node.of("output", "Output"));
        edges.add(Edge.of(merge.id(), "output"));
        return ExportFixtures.graph(merge.type(), in, nodes, edges);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("merges")
    void mergesMatchOurEngine(String name, Design d) {
        assertMatches(d, OnnxOptions.MAX_OPSET, 7);
    }

    @org.junit.jupiter.api.Test
    void embeddingReadsInt64Indices() {
        Design d = chain("embed", InputSpec.of(5), node("embed", "Embedding", "num_embeddings", 11,
                "embedding_dim", 4), node("flat", "Flatten"), node("fc", "Linear", "out_features", 3));
        GraphModule m = ExportFixtures.compiled(d, 3);
        byte[] bytes = OnnxExporter.toModel(ExportSource.of(d, m, List.of()), OnnxOptions.defaults()).toByteArray();
        long[] idx = {0, 3, 10, 7, 7, 1, 2, 9, 4, 5};
        Tensor x = Tensor.ofLongs(idx, 2, 5);
        try (OnnxRun run = OnnxRun.load(bytes)) {
            float[] ours = ExportFixtures.forward(m, x).toFloatArray();
            assertNull(ExportFixtures.mismatch(run.run(x).get("logits").toFloatArray(), ours, ABS, REL));
        }
    }

    /** Exports {@code d} with random weights and compares ONNX Runtime with our engine for batches 1 and 7. */
    static void assertMatches(Design d, int opset, long seed) {
        GraphModule m = ExportFixtures.compiled(d, seed);
        byte[] bytes = OnnxExporter.toModel(ExportSource.of(d, m, List.of()), new OnnxOptions(opset, false))
                .toByteArray();
        try (OnnxRun run = OnnxRun.load(bytes)) {
            for (int batch : new int[] {1, 7}) {
                int[] shape = new int[d.input().dims().length + 1];
                shape[0] = batch;
                System.arraycopy(d.input().dims(), 0, shape, 1, shape.length - 1);
                Tensor x = Tensor.randn(new Generator(seed * 31 + batch), shape);
                Tensor ours = ExportFixtures.forward(m, x);
                Map<String, Tensor> theirs = run.run(x);
                Tensor logits = theirs.get(OnnxExporter.LOGITS);
                assertTrue(Arrays.equals(ours.sizes(), logits.sizes()), () -> d.metadata().name() + ": shape "
                        + Arrays.toString(logits.sizes()) + ", ours " + Arrays.toString(ours.sizes()));
                String bad = ExportFixtures.mismatch(logits.toFloatArray(), ours.toFloatArray(), ABS, REL);
                assertNull(bad, () -> d.metadata().name() + " (opset " + opset + ", batch " + batch + "): " + bad);
            }
            assertEquals(List.of(OnnxExporter.INPUT), run.inputNames());
        }
    }
}
