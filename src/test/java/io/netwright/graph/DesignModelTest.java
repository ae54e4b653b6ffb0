package io.netwright.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesignModelTest {

    private static Design chain() {
        return Design.empty("chain", InputSpec.image(1, 28, 28))
                .withNode(Node.of("input", "Input"))
                .withNode(Node.of("conv1", "Conv2d").withParam("out_channels", 6).withParam("kernel_size", 5))
                .withNode(Node.of("output", "Output"))
                .connect("input", "conv1")
                .connect("conv1", "output");
    }

    @Test
    void nodeKeepsParameterOrderAndIsImmutable() {
        Map<String, ParamValue> p = new LinkedHashMap<>();
        p.put("out_channels", ParamValue.of(6));
        p.put("kernel_size", ParamValue.ofInts(3, 5));
        p.put("bias", ParamValue.of(false));
        Node n = new Node("conv1", "Conv2d", p, 10, 20);
        p.put("stride", ParamValue.of(2));
        assertEquals(List.of("out_channels", "kernel_size", "bias"), List.copyOf(n.params().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> n.params().put("x", ParamValue.of(1)));
        Node m = n.withParam("out_channels", 8);
        assertEquals(List.of("out_channels", "kernel_size", "bias"), List.copyOf(m.params().keySet()));
        assertEquals(ParamValue.of(8), m.param("out_channels"));
        assertEquals(ParamValue.of(6), n.param("out_channels"));
        assertEquals(n, n.withoutParam("stride"));
        assertSame(n, n.withoutParam("stride"));
    }

    @Test
    void nodeIdMustBeAnIdentifier() {
        var e = assertThrows(IllegalArgumentException.class, () -> Node.of("conv.1", "Conv2d"));
        assertTrue(e.getMessage().contains("'conv.1' is not a valid identifier"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Node.of("1conv", "Conv2d"));
        assertThrows(IllegalArgumentException.class, () -> Node.of("conv1", "Conv 2d"));
        assertThrows(IllegalArgumentException.class, () -> Node.of("c", "Conv2d").withPosition(Double.NaN, 0));
    }

    @Test
    void paramValuesPrintAsInFiles() {
        assertEquals("6", ParamValue.of(6).toString());
        assertEquals("0.5", ParamValue.of(0.5).toString());
        assertEquals("[3, 5]", ParamValue.ofInts(3, 5).toString());
        assertEquals("\"same\"", ParamValue.of("same").toString());
        assertSame(ParamValue.AUTO, ParamValue.of("auto"));
        assertThrows(IllegalArgumentException.class, () -> ParamValue.of(Double.NaN));
        assertThrows(IllegalArgumentException.class, ParamValue::ofInts);
    }

    @Test
    void designRejectsDuplicateIdsAndDanglingEdges() {
        Design d = chain();
        var dup = assertThrows(IllegalArgumentException.class,
                () -> d.withGraph(List.of(Node.of("a", "ReLU"), Node.of("a", "ReLU")), List.of()));
        assertTrue(dup.getMessage().contains("two nodes have the id 'a'"));
        var dangling = assertThrows(IllegalArgumentException.class,
                () -> d.withGraph(d.nodes(), List.of(Edge.of("input", "nowhere"))));
        assertTrue(dangling.getMessage().contains("no node 'nowhere'"), dangling.getMessage());
    }

    @Test
    void anInputPortTakesOneWireAndConnectReplacesIt() {
        Design d = chain().withNode(Node.of("relu", "ReLU"));
        assertThrows(IllegalArgumentException.class,
                () -> d.withGraph(d.nodes(), List.of(Edge.of("input", "conv1"), Edge.of("relu", "conv1"))));
        Design rewired = d.connect("relu", "conv1");
        assertEquals(List.of(Edge.of("relu", "conv1")), rewired.incoming("conv1"));
        // the old design is unchanged (undo keeps it)
        assertEquals(List.of(Edge.of("input", "conv1")), d.incoming("conv1"));
    }

    @Test
    void fanOutAndMultiInputPorts() {
        Design d = chain().withNode(Node.of("add", "Add"))
                .connect(Edge.of("conv1", "add", 0))
                .connect(Edge.of("conv1", "add", 1));
        assertEquals(2, d.incoming("add").size());
        assertEquals(2, d.outgoing("conv1").size() - 1);
    }

    @Test
    void removingAndRenamingANodeCarriesItsWires() {
        Design d = chain();
        Design without = d.withoutNode("conv1");
        assertEquals(2, without.nodes().size());
        assertTrue(without.edges().isEmpty());
        Design renamed = d.renameNode("conv1", "features");
        assertEquals(List.of(Edge.of("input", "features"), Edge.of("features", "output")), renamed.edges());
        assertThrows(IllegalArgumentException.class, () -> d.renameNode("conv1", "output"));
    }

    @Test
    void withersKeepNodeOrder() {
        Design d = chain().withParam("conv1", "out_channels", ParamValue.of(16)).moveNode("conv1", 5, 6);
        assertEquals(List.of("input", "conv1", "output"), d.nodes().stream().map(Node::id).toList());
        Node c = d.requireNode("conv1");
        assertEquals(5, c.x());
        assertEquals(ParamValue.of(16), c.param("out_channels"));
        assertNotEquals(chain(), d);
        assertEquals(chain(), chain());
    }

    @Test
    void freshIdSkipsUsedOnes() {
        Design d = chain().withNode(Node.of("relu1", "ReLU"));
        assertEquals("relu2", d.freshId("relu"));
        assertEquals("pool1", d.freshId("pool"));
    }

    @Test
    void inputSpecValidatesNormalisation() {
        InputSpec s = InputSpec.image(3, 32, 32).withNormalization(List.of(0.5, 0.5, 0.5), List.of(0.2, 0.2, 0.2));
        assertEquals(3, s.channels());
        var e = assertThrows(IllegalArgumentException.class,
                () -> InputSpec.image(3, 32, 32).withNormalization(List.of(0.5, 0.5), List.of(0.2, 0.2)));
        assertTrue(e.getMessage().contains("2 mean/std values for 3 channels"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> InputSpec.image(1, 28, 28).withNormalization(List.of(0.5), List.of(0.0)));
        assertThrows(IllegalArgumentException.class, () -> InputSpec.of(0, 28, 28));
        assertThrows(IllegalArgumentException.class, () -> InputSpec.of(1, 2, 3, 4));
    }

    @Test
    void metadataAndHeadValidate() {
        assertThrows(IllegalArgumentException.class, () -> Metadata.named(" "));
        Instant t = Instant.parse("2024-05-01T10:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> Metadata.named("x").withTimes(t, t.minusSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Head.classification().withMetrics(List.of("accuracy", "accuracy")));
        assertEquals(Loss.NLL, Loss.byKey("nll").orElseThrow());
    }
}
