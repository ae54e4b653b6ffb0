package io.netwright.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Catalogue;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.GraphStep;
import io.netwright.graph.Head;
import io.netwright.graph.InputSpec;
import io.netwright.graph.LayerType;
import io.netwright.graph.Metadata;
import io.netwright.graph.Node;
import io.netwright.graph.ParamValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** model.py generation, without Python. */
class PyTorchCodeTest {

    private static final Pattern ATTRIBUTE = Pattern.compile("(?m)^        self\\.(\\w+) = nn\\.(\\w+)\\(");
    private static final Pattern KEY = Pattern.compile("(?m)^    '([^']+)',$");

    @Test
    void everyCatalogueTypeHasAMapping() {
        for (LayerType t : Catalogue.standard().all()) {
            Design d = ExportFixtures.forType(t);
            ExportSource src = ExportFixtures.source(d, 1);
            String py = PyTorchCode.modelPy(src);
            assertTrue(py.contains("def forward(self, x):"), t.name());
            GraphStep step = src.steps().stream().filter(s -> s.type() == t).findFirst().orElse(null);
            if (step != null && PyTorchLayers.constructor(step) != null) {
                assertTrue(py.contains("self." + step.id() + " = nn." + t.name() + "("), t.name() + ":\n" + py);
            }
        }
    }

    @Test
    void modulesMatchTheStateDictKeysForEverySampleDesign() {
        for (Path f : ExportFixtures.sampleFiles()) {
            ExportSource src = ExportFixtures.sample(f);
            String py = PyTorchCode.modelPy(src);
            Set<String> keys = src.model().stateDict().keySet();
            Set<String> owners = new LinkedHashSet<>();
            keys.forEach(k -> owners.add(k.substring(0, k.indexOf('.'))));
            Set<String> attrs = new LinkedHashSet<>();
            Matcher m = ATTRIBUTE.matcher(py);
            while (m.find()) {
                attrs.add(m.group(1));
            }
            assertTrue(attrs.containsAll(owners), f + ": modules " + attrs + " lack owners of " + owners);
            List<String> listed = new ArrayList<>();
            Matcher k = KEY.matcher(py);
            while (k.find()) {
                listed.add(k.group(1));
            }
            assertEquals(List.copyOf(keys), listed, f + ": STATE_DICT_KEYS");
            // one attribute per node that has a module, in topological order
            List<String> expected = src.steps().stream().filter(s -> PyTorchLayers.constructor(s) != null)
                    .map(GraphStep::id).toList();
            assertEquals(expected, List.copyOf(attrs), f.toString());
        }
    }

    @Test
    void hyperparametersAreWrittenExactly() {
        Design d = chain(InputSpec.image(3, 16, 16),
                node("conv1", "Conv2d", "out_channels", 8, "kernel_size", 3, "padding", "same", "bias", false,
                        "dilation", 2),
                node("bn1", "BatchNorm2d", "eps", 1e-3, "momentum", 0.01, "affine", false),
                node("pool1", "AvgPool2d", "kernel_size", 3, "stride", 2, "padding", 1, "ceil_mode", true,
                        "count_include_pad", false),
                node("pad1", "ZeroPad2d", "padding", new int[] {1, 2, 3, 4}),
                node("up1", "Upsample", "scale_factor", 2.0, "mode", "bilinear"),
                node("flat", "Flatten"),
                node("fc1", "Linear", "out_features", 5, "bias", false));
        String py = PyTorchCode.modelPy(ExportFixtures.source(d, 0));
        assertTrue(py.contains("self.conv1 = nn.Conv2d(3, 8, kernel_size=(3, 3), stride=(1, 1), padding='same', "
                + "dilation=(2, 2), groups=1, bias=False)"), py);
        assertTrue(py.contains("self.bn1 = nn.BatchNorm2d(8, eps=0.001, momentum=0.01, affine=False, "
                + "track_running_stats=True)"), py);
        assertTrue(py.contains("self.pool1 = nn.AvgPool2d(kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), "
                + "ceil_mode=True, count_include_pad=False)"), py);
        assertTrue(py.contains("self.pad1 = nn.ZeroPad2d((1, 2, 3, 4))"), py);
        assertTrue(py.contains("self.up1 = nn.Upsample(scale_factor=2.0, mode='bilinear')"), py);
        assertTrue(py.contains("self.fc1 = nn.Linear(6144, 5, bias=False)"), py);
        assertTrue(py.contains("class OnlyTest(nn.Module):"), py);
    }

    @Test
    void mergesAreExpressionsAndDeadNodesAreCreatedButNotComputed() {
        List<Node> nodes = List.of(Node.of("input", "Input"),
                node("conv1", "Conv2d", "out_channels", 4, "kernel_size", 1),
                node("conv2", "Conv2d", "out_channels", 4, "kernel_size", 1),
                node("cat", "Concat", "dim", 1), Node.of("add", "Add"),
                node("shape", "Reshape", "shape", new int[] {8, 16}),
                node("unused", "Conv2d", "out_channels", 2, "kernel_size", 1), Node.of("output", "Output"));
        List<Edge> edges = List.of(Edge.of("input", "conv1"), Edge.of("input", "conv2"), Edge.of("conv1", "cat", 0),
                Edge.of("conv2", "cat", 1), Edge.of("cat", "add", 0), Edge.of("cat", "add", 1),
                Edge.of("add", "shape"), Edge.of("input", "unused"), Edge.of("shape", "output"));
        Design d = new Design(Metadata.named("merge"), InputSpec.image(2, 4, 4), ExportFixtures.REGRESSION, nodes, edges);
        String py = PyTorchCode.modelPy(ExportFixtures.source(d, 0));
        assertTrue(py.contains("cat = torch.cat([conv1, conv2], dim=1)"), py);
        assertTrue(py.contains("add = cat + cat"), py);
        assertTrue(py.contains("shape = add.reshape(add.shape[0], 8, 16)"), py);
        assertTrue(py.contains("self.unused = nn.Conv2d(2, 2"), py);
        assertTrue(py.contains("# not computed"), py);
        assertFalse(py.contains("self.unused(x)"), py);
        assertTrue(py.contains("return shape"), py);
    }

    @Test
    void anIdThatIsAModuleAttributeIsRefusedNamingTheNode() {
        // the analyzer refuses some of these ids itself; model.py generation refuses all of them
        Design d = chain(InputSpec.of(4), node("lambda", "Linear", "out_features", 2));
        RuntimeException e = assertThrows(RuntimeException.class, () -> PyTorchCode.modelPy(ExportFixtures.source(d,
                0)));
        assertTrue(e.getMessage().contains("'lambda'"), e.getMessage());
        assertTrue(e.getMessage().contains("rename"), e.getMessage());
    }

    @Test
    void variablesAvoidTheNamesTheCodeUses() {
        Design d = chain(InputSpec.of(4), node("x", "ReLU"), node("torch", "Tanh"));
        String py = PyTorchCode.modelPy(ExportFixtures.source(d, 0));
        assertTrue(py.contains("x_ = self.x(x)"), py);
        assertTrue(py.contains("torch_ = self.torch(x_)"), py);
    }

    @Test
    void classNamesAreIdentifiers() {
        assertEquals("LeNet5", PyTorchCode.className("LeNet-5"));
        assertEquals("SimpleCnn", PyTorchCode.className("simple cnn"));
        assertEquals("Net3Layers", PyTorchCode.className("3 layers"));
        assertEquals("Model", PyTorchCode.className("—"));
        assertEquals("ModelNet", PyTorchCode.className("model"));
    }

    @Test
    void literalsArePython() {
        assertEquals("1.0e-5", PyLiteral.number(1e-5));
        assertEquals("0.1", PyLiteral.number(0.1));
        assertEquals("(0.9, 0.999)", PyLiteral.of(List.of(0.9, 0.999)));
        assertEquals("(3,)", PyLiteral.of(new int[] {3}));
        assertEquals("'it\\'s'", PyLiteral.string("it's"));
        assertEquals("{'a': True}", PyLiteral.of(java.util.Map.of("a", true)));
    }

    // ---------------------------------------------------------------- designs

    static Node node(String id, String type, Object... nameValues) {
        java.util.Map<String, ParamValue> p = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            ParamValue pv;
            if (v instanceof Integer x) {
                pv = ParamValue.of(x);
            } else if (v instanceof Double x) {
                pv = ParamValue.of(x);
            } else if (v instanceof Boolean x) {
                pv = ParamValue.of(x);
            } else if (v instanceof String x) {
                pv = ParamValue.of(x);
            } else {
                pv = ParamValue.ofInts((int[]) v);
            }
            p.put((String) nameValues[i], pv);
        }
        return new Node(id, type, p, 0, 0);
    }

    static Design chain(InputSpec input, Node... layers) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(Node.of("input", "Input"));
        nodes.addAll(List.of(layers));
        nodes.add(Node.of("output", "Output"));
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            edges.add(Edge.of(nodes.get(i - 1).id(), nodes.get(i).id()));
        }
        return new Design(Metadata.named("only test"), input, Head.classification(), nodes, edges);
    }
}
