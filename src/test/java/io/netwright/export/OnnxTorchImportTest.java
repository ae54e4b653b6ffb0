package io.netwright.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.GraphModule;
import io.netwright.graph.Node;
import io.netwright.io.Safetensors;
import io.netwright.io.SafetensorsFile;
import io.netwright.tensor.Tensor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models exported by PyTorch itself ({@code scripts/onnx/make_fixtures.py}) import and give PyTorch's outputs, and
 * unsupported operators are refused with one report naming every one of them.
 */
class OnnxTorchImportTest {

    static final Path FIXTURES = Path.of("src", "test", "resources", "onnx");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"torch_small_cnn", "torch_blocks"})
    void pytorchExportsImportWithPyTorchsOutputs(String name) throws Exception {
        OnnxImport imp = OnnxImporter.read(FIXTURES.resolve(name + ".onnx"), false);
        assertTrue(imp.report().complete(), () -> String.join("\n", imp.report().lines()));
        SafetensorsFile expected = Safetensors.read(FIXTURES.resolve(name + ".safetensors"));
        GraphModule m = DesignCompiler.compile(imp.design());
        m.loadStateDict(imp.weights(), true);
        m.eval();
        Tensor out = ExportFixtures.forward(m, expected.tensors().get("input"));
        Tensor want = expected.tensors().get("output");
        assertTrue(Arrays.equals(want.sizes(), out.sizes()), Arrays.toString(out.sizes()));
        assertNull(ExportFixtures.mismatch(out.toFloatArray(), want.toFloatArray(), 1e-5, 1e-4));
    }

    @Test
    void viewOfSizeZeroFoldsToFlatten() throws Exception {
        OnnxImport imp = OnnxImporter.read(FIXTURES.resolve("torch_small_cnn.onnx"), false);
        List<String> types = imp.design().nodes().stream().map(Node::type).toList();
        assertTrue(types.contains("Flatten"), types::toString);
        assertFalse(types.contains("Reshape"), types::toString);
        assertTrue(imp.weights().containsKey("conv1.weight"), () -> imp.weights().keySet().toString());
    }

    @Test
    void erfGeluAndSigmoidPatternsBecomeLayers() throws Exception {
        OnnxImport imp = OnnxImporter.read(FIXTURES.resolve("torch_blocks.onnx"), false);
        List<String> types = imp.design().nodes().stream().map(Node::type).toList();
        assertTrue(types.contains("GELU"), types::toString);
        assertTrue(types.contains("Upsample"), types::toString);
        assertEquals("cross_entropy", imp.design().head().loss().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Input → Relu → Cos → LSTM-free Sin → Output: two unsupported operators. */
    static ModelProto unsupportedModel() {
        OnnxGraph g = new OnnxGraph("trig", 17);
        g.node("Relu", List.of("input"), "r");
        g.node("Cos", List.of("r"), "c");
        g.node("Sin", List.of("c"), "s");
        g.node("Relu", List.of("s"), "logits");
        return model(g, 4);
    }

    static ModelProto model(OnnxGraph g, int features) {
        var dims = ai.onnx.proto.OnnxMl.TensorShapeProto.newBuilder()
                .addDim(ai.onnx.proto.OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(ai.onnx.proto.OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(features));
        var type = ai.onnx.proto.OnnxMl.TypeProto.newBuilder().setTensorType(ai.onnx.proto.OnnxMl.TypeProto.Tensor
                .newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(dims));
        g.proto().addInput(ai.onnx.proto.OnnxMl.ValueInfoProto.newBuilder().setName("input").setType(type));
        g.proto().addOutput(ai.onnx.proto.OnnxMl.ValueInfoProto.newBuilder().setName("logits").setType(type));
        return ModelProto.newBuilder().setIrVersion(8).addOpsetImport(ai.onnx.proto.OnnxMl.OperatorSetIdProto
                .newBuilder().setDomain("").setVersion(g.opset())).setGraph(g.proto()).build();
    }

    @Test
    void unsupportedOperatorsAreAllReportedAndRefused() {
        OnnxImportException e = assertThrows(OnnxImportException.class,
                () -> OnnxImporter.importModel(unsupportedModel(), "trig", false));
        OnnxImportReport r = e.report().orElseThrow();
        assertEquals(List.of("Cos", "Sin"), r.unsupportedOps());
        assertEquals("c/Cos", r.unsupported().get(0).node());
        assertEquals(17, r.unsupported().get(0).opset());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("Cos") && e.getMessage().contains("--partial"), e.getMessage());
    }

    @Test
    void partialImportKeepsLabelledPlaceholders() {
        OnnxImport imp = OnnxImporter.importModel(unsupportedModel(), "trig", true);
        assertEquals(2, imp.report().unsupported().size());
        List<Node> placeholders = imp.design().nodes().stream().filter(n -> n.label().contains("not imported"))
                .toList();
        assertEquals(2, placeholders.size());
        assertEquals("Cos (not imported)", placeholders.get(0).label());
    }

    @Test
    void symbolicSampleDimIsAClearError() {
        OnnxGraph g = new OnnxGraph("sym", 17);
        g.node("Relu", List.of("input"), "logits");
        ModelProto m = model(g, 4);
        var in = m.getGraph().getInput(0).toBuilder();
        in.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(1).clearDimValue()
                .setDimParam("F");
        ModelProto sym = m.toBuilder().setGraph(m.getGraph().toBuilder().setInput(0, in)).build();
        OnnxImportException e = assertThrows(OnnxImportException.class,
                () -> OnnxImporter.importModel(sym, "sym", false));
        assertTrue(e.getMessage().contains("symbolic size 'F'"), e.getMessage());
    }
}
