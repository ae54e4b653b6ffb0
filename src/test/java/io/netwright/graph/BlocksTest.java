package io.netwright.graph;

import static io.netwright.graph.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Generator;
import io.netwright.tensor.Shape;
import io.netwright.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlocksTest {

    /** conv-bn-relu-conv-bn + identity shortcut, channels inferred ("auto" in_channels, out_channels 16). */
    static Block basicBlock() {
        return new Block("BasicBlock", "two 3x3 convs with an identity shortcut", List.of(
                Node.of("x", "Input"),
                node("conv1", "Conv2d", "out_channels", 16, "kernel_size", 3, "padding", 1, "bias", false)
                        .withPosition(0, 90),
                node("bn1", "BatchNorm2d").withPosition(0, 180),
                node("relu1", "ReLU").withPosition(0, 270),
                node("conv2", "Conv2d", "out_channels", 16, "kernel_size", 3, "padding", 1, "bias", false)
                        .withPosition(0, 360),
                node("bn2", "BatchNorm2d").withPosition(0, 450),
                Node.of("add", "Add").withPosition(0, 540),
                node("relu2", "ReLU").withPosition(0, 630),
                Node.of("y", "Output").withPosition(0, 720)),
                List.of(Edge.of("x", "conv1"), Edge.of("conv1", "bn1"), Edge.of("bn1", "relu1"),
                        Edge.of("relu1", "conv2"), Edge.of("conv2", "bn2"), Edge.of("bn2", "add", 0),
                        Edge.of("x", "add", 1), Edge.of("add", "relu2"), Edge.of("relu2", "y")));
    }

    /** Input → stem conv 16 → res1 → res2 → pool → flatten → fc → Output. */
    static Design resnet() {
        Block b = basicBlock();
        return Fixtures.chain("blocks", InputSpec.image(3, 16, 16),
                node("stem", "Conv2d", "out_channels", 16, "kernel_size", 3, "padding", 1),
                b.instance("res1", 0, 1000), b.instance("res2", 0, 2000),
                node("pool", "AdaptiveAvgPool2d", "output_size", 1), node("flat", "Flatten"), node("fc", "Linear", "out_features", 10))
                .withBlock(b);
    }

    @Test
    void instancesExpandWithPrefixedIdsAndRewiredEdges() {
        Blocks.Expansion x = Blocks.expand(resnet());
        assertEquals(List.of(), x.problems());
        Design flat = x.design();
        assertTrue(flat.blocks().isEmpty());
        assertEquals(List.of("input", "stem", "res1_conv1", "res1_bn1", "res1_relu1", "res1_conv2", "res1_bn2",
                "res1_add", "res1_relu2", "res2_conv1", "res2_bn1", "res2_relu1", "res2_conv2", "res2_bn2", "res2_add",
                "res2_relu2", "pool", "flat", "fc", "output"), flat.nodes().stream().map(Node::id).toList());
        assertEquals(List.of(Edge.of("stem", "res1_add", 1)), flat.incoming("res1_add").subList(1, 2));
        assertEquals(List.of(Edge.of("res1_relu2", "res2_conv1")), flat.incoming("res2_conv1"));
        assertEquals(List.of(Edge.of("res2_relu2", "pool")), flat.incoming("pool"));
        assertEquals(240 + 90, flat.requireNode("res2_conv1").y()); // instance y + inner y
        assertEquals("res2", x.visibleId("res2_bn1"));
        assertEquals("pool", x.visibleId("pool"));
    }

    @Test
    void analysisAndCompilationSeeTheExpandedGraph() {
        DesignAnalysis a = new Analyzer().analyze(resnet());
        assertEquals(List.of(), a.problems());
        long block = 2 * (16 * 16 * 9) + 2 * 32;
        assertEquals(448 + 2 * block + 170, a.totalParams());
        assertEquals(Shape.of(16, 16, 16), a.node("res2_relu2").orElseThrow().outputShape());
        GraphModule net = DesignCompiler.compile(resnet(), new Generator(1));
        assertTrue(net.stateDict().containsKey("res1_conv1.weight"));
        assertTrue(net.stateDict().containsKey("res2_bn2.running_var"));
        assertArrayEquals(new int[] {2, 10}, net.call(Tensor.randn(new Generator(2), 2, 3, 16, 16)).sizes());
    }

    @Test
    void problemsInsideAnInstanceAttachToTheInstance() {
        Block narrow = new Block("Narrow", "", List.of(Node.of("x", "Input"),
                node("conv", "Conv2d", "in_channels", 8, "out_channels", 4, "kernel_size", 1), Node.of("y", "Output")),
                List.of(Edge.of("x", "conv"), Edge.of("conv", "y")));
        Design d = Fixtures.chain("n", InputSpec.image(3, 8, 8), narrow.instance("n1", 0, 0), node("f", "Flatten"),
                node("fc", "Linear", "out_features", 2)).withBlock(narrow);
        Problem p = new Analyzer().analyze(d).errors().get(0);
        assertEquals("n1", p.nodeId());
        assertEquals("Conv2d 'n1_conv': input has 3 channels, layer expects 8 — set in_channels=3 or insert a 1x1 "
                + "Conv2d", p.text());
    }

    @Test
    void multiInputAndNestedBlocks() {
        Block join = new Block("Join", "", List.of(Node.of("a", "Input"), Node.of("b", "Input"),
                Node.of("cat", "Concat"), node("mix", "Conv2d", "out_channels", 16, "kernel_size", 1),
                Node.of("y", "Output")),
                List.of(Edge.of("a", "cat", 0), Edge.of("b", "cat", 1), Edge.of("cat", "mix"), Edge.of("mix", "y")));
        Block stage = new Block("Stage", "", List.of(Node.of("x", "Input"), basicBlock().instance("b1", 0, 0),
                basicBlock().instance("b2", 0, 0), Node.of("y", "Output")),
                List.of(Edge.of("x", "b1"), Edge.of("b1", "b2"), Edge.of("b2", "y")));
        Design d = Fixtures.chain("nested", InputSpec.image(16, 8, 8), stage.instance("s1", 0, 0),
                node("pool", "AdaptiveAvgPool2d", "output_size", 1), node("flat", "Flatten"), node("fc", "Linear", "out_features", 2))
                .withBlock(basicBlock()).withBlock(stage).withBlock(join)
                .withNode(join.instance("j", 0, 0)).connect(Edge.of("input", "j", 0)).connect(Edge.of("s1", "j", 1))
                .connect("j", "pool");
        DesignAnalysis a = new Analyzer().analyze(d);
        assertEquals(List.of(), a.problems());
        assertEquals(Shape.of(32, 8, 8), a.node("j_cat").orElseThrow().outputShape());
        assertTrue(a.node("s1_b2_conv2").isPresent());
        assertEquals("s1", Blocks.expand(d).visibleId("s1_b1_bn1"));
    }

    @Test
    void blockMistakesAreReported() {
        Block loop = new Block("Loop", "", List.of(Node.of("x", "Input"), Node.of("inner", "Loop"),
                Node.of("y", "Output")), List.of(Edge.of("x", "inner"), Edge.of("inner", "y")));
        Design d = Fixtures.chain("loop", InputSpec.of(4), loop.instance("l1", 0, 0)).withBlock(loop);
        assertTrue(new Analyzer().analyze(d).errors().stream().anyMatch(p -> p.message().equals(
                "block 'Loop' contains itself")));
        Design badPort = resnet().connect(Edge.of("stem", "res1", 1));
        assertTrue(new Analyzer().analyze(badPort).errors().stream().anyMatch(p -> p.text().equals(
                "block instance 'res1' has 1 input, but 'stem' is wired to port 1 — remove the wire stem -> res1:1")));
        assertThrows(IllegalArgumentException.class, () -> new Block("Conv2d", "", List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Block("NoOut", "", List.of(Node.of("x", "Input")),
                List.of()));
    }

    @Test
    void blocksRoundTripThroughFiles() throws Exception {
        Design d = resnet();
        String json = DesignFiles.toJson(d);
        assertTrue(json.contains("\"blocks\": {\n    \"BasicBlock\": {\n      \"description\": \"two 3x3 convs"),
                json);
        assertEquals(d, DesignFiles.parse(json, "r.json"));
        var e = assertThrows(DesignFileException.class, () -> DesignFiles.parse(json.replace(
                "\"id\": \"bn2\", \"type\": \"BatchNorm2d\"", "\"id\": \"bn2\", \"type\": \"BatchNorm3d\""), "r.json"));
        assertTrue(e.errors().get(0).matches("r\\.json: line \\d+: block 'BasicBlock' node 'bn2': unknown layer type "
                + "'BatchNorm3d' — did you mean 'BatchNorm1d'\\?"), e.errors().toString());
    }
}
