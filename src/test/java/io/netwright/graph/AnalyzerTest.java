package io.netwright.graph;

import static io.netwright.graph.Fixtures.chain;
import static io.netwright.graph.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.tensor.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

    private static final Analyzer ANALYZER = new Analyzer();

    private static DesignAnalysis analyze(Design d) {
        return ANALYZER.analyze(d);
    }

    private static List<String> texts(List<Problem> ps) {
        return ps.stream().map(Problem::text).toList();
    }

    private static Problem only(DesignAnalysis a) {
        assertEquals(1, a.problems().size(), () -> texts(a.problems()).toString());
        return a.problems().get(0);
    }

    @Test
    void lenetShapesParamsAndMacs() {
        DesignAnalysis a = analyze(Fixtures.lenet5());
        assertEquals(List.of(), a.problems());
        assertEquals(61_706, a.totalParams());
        assertEquals(61_706, a.trainableParams());
        assertEquals(117_600 + 240_000 + 48_000 + 10_080 + 840, a.macs());
        assertEquals(Shape.of(6, 28, 28), a.node("conv1").orElseThrow().outputShape());
        assertEquals(Shape.of(16, 5, 5), a.node("pool2").orElseThrow().outputShape());
        assertEquals(Shape.of(400), a.node("flatten").orElseThrow().outputShape());
        assertEquals(Shape.of(10), a.outputShape().orElseThrow());
        assertEquals(List.of("input", "conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten", "fc1", "relu3",
                "fc2", "relu4", "fc3", "output"), a.order());
        assertEquals(48_120, a.node("fc1").orElseThrow().params());
        // flatten and output are views; everything else keeps its output
        long act = 784 + 2 * 4704 + 1176 + 2 * 1600 + 400 + 2 * 120 + 2 * 84 + 10;
        assertEquals(act * 4, a.activationBytesPerSample());
    }

    @Test
    void explicitWrongInFeaturesIsAnErrorWithTheFix() {
        Design d = Fixtures.lenet5().withParam("fc1", "in_features", ParamValue.of(256));
        Problem p = only(analyze(d));
        assertEquals(Problem.Severity.ERROR, p.severity());
        assertEquals("fc1", p.nodeId());
        assertEquals("Linear 'fc1': input has 400 features, layer expects 256 — set in_features=400", p.text());
        // the right explicit value is fine
        assertTrue(analyze(Fixtures.lenet5().withParam("fc1", "in_features", ParamValue.of(400))).problems()
                .isEmpty());
    }

    @Test
    void missingFlattenIsNamed() {
        Design noFlatten = Fixtures.lenet5().withoutNode("flatten").connect("pool2", "fc1")
                .withParam("fc1", "in_features", ParamValue.of(400));
        Problem p = only(analyze(noFlatten));
        assertEquals("Linear 'fc1': input is 16×5×5 (400 values) but Linear acts on the last dim only (5 "
                + "features) — insert Flatten before it", p.text());
        DesignAnalysis auto = analyze(Fixtures.lenet5().withoutNode("flatten").connect("pool2", "fc1"));
        assertTrue(texts(auto.warnings()).contains("Linear 'fc1': input is 16×5×5: Linear acts on the last dim "
                + "only (5 features) — insert Flatten before it to use all 400 values"), texts(auto.problems())
                .toString());
    }

    @Test
    void channelMismatchNamesBothCounts() {
        Design d = Fixtures.lenet5().withParam("conv2", "in_channels", ParamValue.of(3));
        assertEquals("Conv2d 'conv2': input has 6 channels, layer expects 3 — set in_channels=6 or insert a 1x1 "
                + "Conv2d", only(analyze(d)).text());
    }

    @Test
    void spatialCollapseIsAnError() {
        Design d = chain("tiny", InputSpec.image(1, 8, 8),
                node("conv1", "Conv2d", "out_channels", 4, "kernel_size", 5),
                node("pool1", "MaxPool2d", "kernel_size", 2),
                node("conv2", "Conv2d", "out_channels", 4, "kernel_size", 3),
                node("flatten", "Flatten"), node("fc", "Linear", "out_features", 10));
        DesignAnalysis a = analyze(d);
        Problem p = only(a);
        assertEquals("conv2", p.nodeId());
        assertTrue(p.message().startsWith("Conv2d 'conv2': output size would be 0×0 (input 2×2, kernel 3×3"),
                p.message());
        assertNull(a.node("fc").orElseThrow().outputShape());
    }

    @Test
    void invalidParameterValuesAreErrors() {
        Design d = Fixtures.lenet5().withParam("conv2", "kernel_size", ParamValue.of(-1))
                .withParam("pool1", "kernal_size", ParamValue.of(2))
                .updateNode("fc3", n -> n.withoutParam("out_features"));
        List<String> errors = texts(analyze(d).errors());
        assertTrue(errors.contains("Conv2d 'conv2': parameter kernel_size must be a positive integer or pair, got -1"
                + " — set kernel_size to a positive integer or pair"), errors.toString());
        assertTrue(errors.contains("MaxPool2d 'pool1': unknown parameter 'kernal_size' — remove it (known: "
                + "kernel_size, stride, padding, dilation, ceil_mode)"), errors.toString());
        assertTrue(errors.contains("Linear 'fc3': parameter out_features is required — set out_features (e.g. 10)"),
                errors.toString());
    }

    @Test
    void unknownTypeIsReportedWithASuggestion() {
        Design d = Fixtures.lenet5().withNode(Fixtures.lenet5().requireNode("relu1").withParams(java.util.Map.of()))
                .updateNode("relu1", n -> new Node(n.id(), "Relu", n.params(), 0, 0));
        assertEquals("Relu 'relu1': unknown layer type 'Relu' — did you mean 'ReLU'? — choose a layer type from "
                + "the palette", only(analyze(d)).text());
    }

    @Test
    void cyclesAreFoundAndNamed() {
        Design d = Fixtures.lenet5().withNode(Node.of("add", "Add"))
                .connect("relu1", "add").connect(Edge.of("relu2", "add", 1)).connect("add", "pool1");
        DesignAnalysis a = analyze(d);
        List<String> errors = texts(a.errors());
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("MaxPool2d 'pool1': is part of a cycle pool1 → conv2 → relu2 → add → pool1 — remove a wire "
                + "of the cycle, e.g. add → pool1", errors.get(0));
        assertFalse(a.order().contains("add"));
        assertEquals(List.of("input", "conv1", "relu1"), a.order());
    }

    @Test
    void structureProblems() {
        Design d = Fixtures.lenet5().withNode(Node.of("add", "Add")).connect("relu4", "add")
                .withNode(Node.of("spare", "ReLU"));
        List<Problem> ps = analyze(d).problems();
        assertTrue(ps.contains(new Problem(Problem.Severity.ERROR, "add", 1, "Add 'add': input port 1 is not "
                + "connected", "wire a layer's output to it")), texts(ps).toString());
        assertTrue(ps.contains(new Problem(Problem.Severity.WARNING, "add", -1, "Add 'add': its output is not used",
                "connect it to a layer, or delete it")), texts(ps).toString());
        assertTrue(ps.contains(new Problem(Problem.Severity.ERROR, "spare", 0, "ReLU 'spare': its input is not "
                + "connected", "wire a layer's output to it")), texts(ps).toString());
        DesignAnalysis bare = analyze(Design.empty("x", InputSpec.of(4)).withNode(Node.of("fc", "Linear")
                .withParam("out_features", 2)));
        assertTrue(texts(bare.errors()).contains("the design has no Input layer — add an Input layer and wire it "
                + "to the first layer"));
        assertTrue(texts(bare.errors()).contains("the design has no Output layer — add an Output layer after the "
                + "last layer"));
        Design wiredIntoInput = Fixtures.lenet5().connect("relu1", "input");
        assertTrue(texts(analyze(wiredIntoInput).errors()).contains("Input 'input': takes no inputs, but 'relu1' is "
                + "wired to it — remove the wire relu1 -> input"));
    }

    @Test
    void concatDisagreementNamesThePort() {
        Design d = chain("inc", InputSpec.image(3, 16, 16), node("a", "Conv2d", "out_channels", 8, "kernel_size", 1))
                .withNode(node("b", "Conv2d", "out_channels", 4, "kernel_size", 3, "stride", 2))
                .withNode(Node.of("cat", "Concat"))
                .connect("input", "b").connect(Edge.of("a", "cat", 0)).connect(Edge.of("b", "cat", 1))
                .connect("cat", "output");
        Problem p = analyze(d).errors().get(0);
        assertEquals("cat", p.nodeId());
        assertEquals(1, p.port());
        assertEquals("Concat 'cat': input 1 is 4×7×7 but input 0 is 8×16×16; all dims but dim 1 must agree", p.message());
    }

    @Test
    void lossMustSuitTheOutput() {
        Design oneClass = Fixtures.lenet5().withParam("fc3", "out_features", ParamValue.of(1));
        assertEquals("Output 'output': output has 1 value but cross_entropy needs one score per class — set "
                + "out_features to the number of classes, or use loss bce_with_logits for a yes/no output",
                only(analyze(oneClass)).text());
        assertTrue(analyze(oneClass.withHead(oneClass.head().withLoss(Loss.BCE_WITH_LOGITS))).problems().isEmpty());
        Design softmax = Fixtures.lenet5().withNode(Node.of("sm", "Softmax")).connect("fc3", "sm")
                .connect("sm", "output");
        Problem p = only(analyze(softmax));
        assertEquals(Problem.Severity.WARNING, p.severity());
        assertTrue(p.message().contains("cross_entropy applies log-softmax itself"), p.message());
        assertEquals(1, analyze(Fixtures.lenet5().withHead(Head.classification().withLoss(Loss.NLL))).warnings()
                .size());
        Design map = Fixtures.lenet5().withoutNode("flatten").withoutNode("fc1").withoutNode("relu3")
                .withoutNode("fc2").withoutNode("relu4").withoutNode("fc3").connect("pool2", "output");
        assertTrue(only(analyze(map)).message().contains("output is 16×5×5 but cross_entropy needs one score per "
                + "class"));
    }

    @Test
    void frozenNodesAreNotTrainable() {
        Design d = Fixtures.lenet5().updateNode("conv1", n -> n.withFrozen(true));
        DesignAnalysis a = analyze(d);
        assertEquals(61_706, a.totalParams());
        assertEquals(61_706 - 156, a.trainableParams());
    }

    @Test
    void reservedIdsAreErrors() {
        Design d = Fixtures.lenet5().renameNode("relu1", "forward");
        assertEquals("ReLU 'forward': the id 'forward' is reserved in PyTorch modules — rename it, e.g. "
                + "'forward_1'", only(analyze(d)).text());
    }

    @Test
    void memoryEstimateCountsWeightsGradsStateAndActivations() {
        DesignAnalysis a = analyze(Fixtures.lenet5());
        MemoryEstimate m = a.memory(64, OptimizerKind.ADAM, 0);
        assertEquals(61_706 * 4, m.weightBytes());
        assertEquals(61_706 * 4, m.gradientBytes());
        assertEquals(61_706 * 8, m.optimizerBytes());
        long perSample = a.activationBytesPerSample() + 4704 * 4;
        assertEquals(64 * perSample, m.activationBytes());
        assertNull(m.warning());
        MemoryEstimate tight = a.memory(4096, OptimizerKind.SGD, 8 << 20);
        assertTrue(tight.exceedsDevice());
        assertTrue(tight.warning().text().matches("training needs about [0-9.]+ MiB for batch 4096 but the device "
                + "has 8.0 MiB — reduce the batch size to [0-9]+ or less"), tight.warning().text());
    }

    @Test
    void batchNormBuffersAreNotParameters() {
        DesignAnalysis a = analyze(chain("bn", InputSpec.image(3, 8, 8), node("bn", "BatchNorm2d"),
                node("flat", "Flatten"), node("fc", "Linear", "out_features", 2)));
        assertEquals(6 + 192 * 2 + 2, a.totalParams());
        assertEquals(7, a.buffers());
    }

    @Test
    void analysisOfA200NodeDesignIsFast() {
        Design d = Fixtures.deep(200);
        assertTrue(d.nodes().size() >= 195, "nodes: " + d.nodes().size());
        DesignAnalysis first = analyze(d);
        assertEquals(List.of(), first.problems());
        long cold = System.nanoTime();
        analyze(d);
        cold = System.nanoTime() - cold;
        int runs = 2000;
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            analyze(d);
            t[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(t);
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        analyze(d);
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        System.out.printf("Analyzer on %d nodes/%d edges: second run %.3f ms, median %.3f ms, p95 %.3f ms "
                + "(%d runs), %d KiB allocated per run%n", d.nodes().size(), d.edges().size(), cold / 1e6,
                t[runs / 2] / 1e6, t[runs * 95 / 100] / 1e6, runs, allocated / 1024);
    }
}
