package io.netwright.graph;

import static io.netwright.graph.Fixtures.chain;
import static io.netwright.graph.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.nn.Parameter;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignCompilerTest {

    @Test
    void lenetCompilesWithPyTorchStateDictKeys() {
        GraphModule net = DesignCompiler.compile(Fixtures.lenet5(), new Generator(1));
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
                "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"), List.copyOf(net.stateDict().keySet()));
        assertArrayEquals(new int[] {120, 400}, net.stateDict().get("fc1.weight").sizes());
        assertEquals(61_706, net.numParameters(false));
        Tensor y = net.call(Tensor.randn(new Generator(2), 3, 1, 28, 28));
        assertArrayEquals(new int[] {3, 10}, y.sizes());
    }

    @Test
    void sameSeedSameWeights() {
        var a = DesignCompiler.compile(Fixtures.lenet5(), new Generator(7)).stateDict();
        var b = DesignCompiler.compile(Fixtures.lenet5(), new Generator(7)).stateDict();
        for (String k : a.keySet()) {
            assertTrue(a.get(k).equal(b.get(k)), k);
        }
    }

    @Test
    void gradientsReachEveryTrainableParameterButNotFrozenOnes() {
        GraphModule net = DesignCompiler.compile(Fixtures.lenet5().updateNode("conv1", n -> n.withFrozen(true)),
                new Generator(3));
        net.call(Tensor.randn(new Generator(4), 2, 1, 28, 28)).sum().backward();
        for (var e : net.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            if (e.getKey().startsWith("conv1.")) {
                assertFalse(p.requiresGrad(), e.getKey());
                assertNull(p.grad(), e.getKey());
            } else {
                assertNotNull(p.grad(), e.getKey());
            }
        }
        assertEquals(61_706 - 156, net.numParameters(true));
    }

    @Test
    void residualAndInceptionGraphsRun() {
        Design residual = Fixtures.deep(30);
        GraphModule r = DesignCompiler.compile(residual, new Generator(5));
        assertEquals(new Analyzer().analyze(residual).totalParams(), r.numParameters(false));
        assertArrayEquals(new int[] {2, 10}, r.call(Tensor.randn(new Generator(6), 2, 3, 32, 32)).sizes());

        Design inception = chain("inc", InputSpec.image(3, 8, 8), node("a", "Conv2d", "out_channels", 4,
                "kernel_size", 1))
                .withNode(node("b", "Conv2d", "out_channels", 2, "kernel_size", 3, "padding", "same"))
                .withNode(node("c", "MaxPool2d", "kernel_size", 3, "stride", 1, "padding", 1))
                .withNode(Node.of("cat", "Concat"))
                .withNode(node("flat", "Flatten"))
                .withNode(node("fc", "Linear", "out_features", 3))
                .connect("input", "b").connect("input", "c")
                .connect(Edge.of("a", "cat", 0)).connect(Edge.of("b", "cat", 1)).connect(Edge.of("c", "cat", 2))
                .connect("cat", "flat").connect("flat", "fc").connect("fc", "output");
        DesignAnalysis a = new Analyzer().analyze(inception);
        assertEquals(List.of(), a.problems());
        assertEquals(io.netwright.tensor.Shape.of(9, 8, 8), a.node("cat").orElseThrow().outputShape());
        GraphModule m = DesignCompiler.compile(inception, new Generator(8));
        assertArrayEquals(new int[] {4, 3}, m.call(Tensor.randn(new Generator(9), 4, 3, 8, 8)).sizes());
    }

    @Test
    void forwardHooksSeeEachNodesOutput() {
        GraphModule net = DesignCompiler.compile(Fixtures.lenet5(), new Generator(1));
        List<int[]> seen = new ArrayList<>();
        net.layer("pool2").registerForwardHook((m, in, out) -> seen.add(out.sizes()));
        net.call(Tensor.randn(new Generator(2), 2, 1, 28, 28));
        assertEquals(1, seen.size());
        assertArrayEquals(new int[] {2, 16, 5, 5}, seen.get(0));
        assertNull(net.layer("output"));
    }

    @Test
    void aDesignWithErrorsIsRefusedWithAllOfThem() {
        Design bad = Fixtures.lenet5().withParam("fc1", "in_features", ParamValue.of(256))
                .withParam("conv2", "in_channels", ParamValue.of(3));
        var e = assertThrows(InvalidDesignException.class, () -> DesignCompiler.compile(bad));
        assertEquals(2, e.errors().size());
        assertEquals("design 'LeNet-5' cannot be compiled: 2 errors\n"
                + "  - Conv2d 'conv2': input has 6 channels, layer expects 3 — set in_channels=6 or insert a 1x1 Conv2d\n"
                + "  - Linear 'fc1': input has 400 features, layer expects 256 — set in_features=400", e.getMessage());
    }

    @Test
    void aWrongInputShapeIsNamed() {
        GraphModule net = DesignCompiler.compile(Fixtures.lenet5());
        var e = assertThrows(IllegalArgumentException.class, () -> net.call(Tensor.zeros(2, 3, 32, 32)));
        assertEquals("design 'LeNet-5': input [2, 3, 32, 32] does not match the design input [N, 1, 28, 28]",
                e.getMessage());
    }

    @Test
    void everyCatalogueTypeCompiles() {
        // one design per type, each between Input and Output with an input that suits it
        for (LayerType t : Catalogue.standard().all()) {
            if (t.minInputs() != 1 || t.name().equals("Output")) {
                continue;
            }
            boolean vector = t.name().equals("BatchNorm1d") || t.name().equals("Linear");
            InputSpec in = t.name().equals("Embedding") ? InputSpec.of(5) : vector ? InputSpec.of(6)
                    : InputSpec.image(4, 6, 6);
            Design d = chain(t.name(), in, t.newNode("x", 0, 0), node("flat", "Flatten"),
                    node("fc", "Linear", "out_features", 3));
            if (t.name().equals("Flatten")) {
                d = chain(t.name(), in, t.newNode("x", 0, 0), node("fc", "Linear", "out_features", 3));
            }
            DesignAnalysis a = new Analyzer().analyze(d);
            assertFalse(a.hasErrors(), () -> t.name() + ": " + a.problems());
            GraphModule m = DesignCompiler.compile(a, new Generator(1));
            assertEquals(a.totalParams(), m.numParameters(false), t.name());
            if (!t.name().equals("Embedding")) {
                int[] shape = new int[in.dims().length + 1];
                shape[0] = 2;
                System.arraycopy(in.dims(), 0, shape, 1, in.dims().length);
                m.eval();
                Tensor y = m.call(Tensor.randn(new Generator(2), shape));
                assertArrayEquals(new int[] {2, 3}, y.sizes(), t.name());
            }
            assertSame(m.layer("x").getClass(), m.layer("x").getClass());
        }
    }
}
