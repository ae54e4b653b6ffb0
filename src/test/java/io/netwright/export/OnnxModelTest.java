package io.netwright.export;

import static io.netwright.export.ExportFixtures.chain;
import static io.netwright.export.ExportFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.netwright.graph.Catalogue;
import io.netwright.graph.Design;
import io.netwright.graph.GraphModule;
import io.netwright.graph.InputSpec;
import io.netwright.graph.LayerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX model's structure: versions, names, symbolic batch, initializers, metadata, and what is refused. */
class OnnxModelTest {

    @TempDir
    Path tmp;

    private static Design lenet() {
        return ExportFixtures.read(ExportFixtures.SAMPLES.resolve("lenet5.json"));
    }

    @Test
    void everyCatalogueLayerHasAnOnnxMapping() {
        Set<String> missing = new TreeSet<>();
        for (LayerType t : Catalogue.standard().all()) {
            if (!t.name().equals("Input") && !t.name().equals("Output") && OnnxLayers.of(t.name()).isEmpty()) {
                missing.add(t.name());
            }
        }
        assertEquals(Set.of(), missing, "add an ONNX mapping (and a case in OnnxExportTest) for each");
        Set<String> known = Catalogue.standard().all().stream().map(LayerType::name).collect(Collectors.toSet());
        assertTrue(known.containsAll(OnnxLayers.names()), "mappings of types the catalogue does not have");
    }

    @Test
    void theModelHasIr8TheOpsetASymbolicBatchAndStateDictNamedWeights() {
        Design d = lenet();
        GraphModule m = ExportFixtures.compiled(d, 1);
        ModelProto p = OnnxExporter.toModel(ExportSource.of(d, m, List.of()), new OnnxOptions(15, false));
        assertEquals(8, p.getIrVersion());
        assertEquals(1, p.getOpsetImportCount());
        assertEquals("", p.getOpsetImport(0).getDomain());
        assertEquals(15, p.getOpsetImport(0).getVersion());
        assertEquals("Netwright", p.getProducerName());
        ValueInfoProto in = p.getGraph().getInput(0);
        assertEquals("input", in.getName());
        assertEquals(TensorProto.DataType.FLOAT.getNumber(), in.getType().getTensorType().getElemType());
        List<TensorShapeProto.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
        assertEquals("N", dims.get(0).getDimParam());
        assertEquals(List.of(1L, 28L, 28L), dims.subList(1, 4).stream().map(TensorShapeProto.Dimension::getDimValue)
                .toList());
        assertEquals(List.of("logits"), p.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList());
        Set<String> inits = p.getGraph().getInitializerList().stream().map(TensorProto::getName)
                .collect(Collectors.toSet());
        Set<String> weights = inits.stream().filter(n -> !n.contains("/")).collect(Collectors.toSet());
        assertEquals(m.namedParameters().keySet(), weights, "weights are initializers named by state-dict keys; "
                + "constants of the mapping are named node/what");
        // every node input is a graph input, an initializer or an earlier node's output
        Set<String> seen = new java.util.HashSet<>(inits);
        seen.add("input");
        for (NodeProto n : p.getGraph().getNodeList()) {
            for (String i : n.getInputList()) {
                assertTrue(i.isEmpty() || seen.contains(i), n.getName() + " reads " + i + " before it exists");
            }
            seen.addAll(n.getOutputList());
        }
    }

    @Test
    void batchNormIsExportedInEvalFormWithItsRunningStatistics() {
        Design d = ExportFixtures.read(ExportFixtures.SAMPLES.resolve("resnet_small.json"));
        GraphModule m = ExportFixtures.compiled(d, 1);
        ModelProto p = OnnxExporter.toModel(ExportSource.of(d, m, List.of()), OnnxOptions.defaults());
        List<NodeProto> bn = p.getGraph().getNodeList().stream().filter(n -> n.getOpType()
                .equals("BatchNormalization")).toList();
        assertTrue(!bn.isEmpty());
        for (NodeProto n : bn) {
            assertEquals(1, n.getOutputCount(), "eval form: no running-statistics outputs");
            assertTrue(n.getInput(3).endsWith(".running_mean") && n.getInput(4).endsWith(".running_var"));
        }
    }

    @Test
    void metadataNamesTheDesignClassesAndNormalisation() {
        Design d = lenet();
        d = d.withInput(d.input().withNormalization(List.of(0.2860), List.of(0.3530)));
        ModelProto p = OnnxExporter.toModel(ExportSource.of(d, ExportFixtures.compiled(d, 1), List.of("a", "b", "c",
                "d", "e", "f", "g", "h", "i", "j")), OnnxOptions.defaults());
        var meta = p.getMetadataPropsList().stream().collect(Collectors.toMap(e -> e.getKey(), e -> e.getValue()));
        assertEquals(d.metadata().name(), meta.get("netwright.design"));
        assertEquals("[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]", meta.get("netwright.classes"));
        assertEquals("[0.286]", meta.get("netwright.input.mean"));
        assertEquals("[0.353]", meta.get("netwright.input.std"));
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheLogits() {
        Design d = lenet();
        GraphModule m = ExportFixtures.compiled(d, 4);
        byte[] bytes = OnnxExporter.toModel(ExportSource.of(d, m, List.of()), new OnnxOptions(17, true))
                .toByteArray();
        var x = io.netwright.tensor.Tensor.randn(new io.netwright.tensor.Generator(1), 3, 1, 28, 28);
        try (OnnxRun run = OnnxRun.load(bytes)) {
            assertEquals(List.of("logits", "probabilities"), run.outputNames());
            float[] probs = run.run(x).get("probabilities").toFloatArray();
            float[] ours = ExportFixtures.forward(m, x).softmax(1).contiguous().toFloatArray();
            assertEquals(null, ExportFixtures.mismatch(probs, ours, 1e-6, 1e-4));
        }
    }

    @Test
    void probabilitiesNeedAVectorOutput() {
        Design d = chain("maps", InputSpec.image(1, 4, 4), node("conv", "Conv2d", "out_channels", 2,
                "kernel_size", 1));
        ExportException e = assertThrows(ExportException.class, () -> OnnxExporter.toModel(ExportSource.of(d,
                ExportFixtures.compiled(d, 1), List.of()), new OnnxOptions(17, true)));
        assertTrue(e.getMessage().contains("export without probabilities"), e.getMessage());
    }

    @Test
    void unsupportedOpsetsAreRefusedWithTheRange() {
        ExportException e = assertThrows(ExportException.class, () -> new OnnxOptions(11, false));
        assertEquals("opset 11 is not supported — choose 13 to 17 (default 17)", e.getMessage());
        assertThrows(ExportException.class, () -> new OnnxOptions(18, false));
    }

    @Test
    void anEmbeddingMustReadTheInputAndBeItsOnlyReader() {
        Design d = chain("late embed", InputSpec.of(4), node("fc", "Linear", "out_features", 4),
                node("embed", "Embedding", "num_embeddings", 5, "embedding_dim", 2));
        // our engine cannot run it either (Embedding needs int64 indices); the analysis accepts the shapes
        ExportSource src = new ExportSource(d, new io.netwright.graph.Analyzer().analyze(d),
                io.netwright.graph.DesignCompiler.compile(d), List.of());
        ExportException e = assertThrows(ExportException.class, () -> OnnxExporter.toModel(src,
                OnnxOptions.defaults()));
        assertTrue(e.getMessage().startsWith("node 'embed' (Embedding): "), e.getMessage());
        assertTrue(e.getMessage().contains("wire it to Input"), e.getMessage());
    }

    @Test
    void anInvalidDesignIsRefusedWithItsFirstError() {
        Design d = chain("bad", InputSpec.image(1, 4, 4), node("fc", "Linear", "out_features", 3));
        Design broken = d.withParam("fc", "out_features", io.netwright.graph.ParamValue.of(0));
        ExportException e = assertThrows(ExportException.class, () -> ExportSource.of(broken,
                io.netwright.graph.DesignCompiler.compile(d), List.of()));
        assertTrue(e.getMessage().contains("has errors"), e.getMessage());
    }

    @Test
    void theFileIsWrittenAtomicallyAndNotOverwrittenWithoutForce() throws Exception {
        Design d = lenet();
        ExportSource src = ExportSource.of(d, ExportFixtures.compiled(d, 1), List.of());
        Path f = tmp.resolve("m.onnx");
        OnnxExporter.write(src, OnnxOptions.defaults(), f, false);
        long size = Files.size(f);
        assertTrue(size > 200_000, "LeNet-5's 61,706 weights are in the file: " + size);
        assertThrows(ExportException.class, () -> OnnxExporter.write(src, OnnxOptions.defaults(), f, false));
        OnnxExporter.write(src, new OnnxOptions(13, false), f, true);
        assertEquals(13, ModelProto.parseFrom(Files.readAllBytes(f)).getOpsetImport(0).getVersion());
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("m.onnx"), s.map(p -> p.getFileName().toString()).toList());
        }
        ExportException dirErr = assertThrows(ExportException.class, () -> OnnxExporter.write(src,
                OnnxOptions.defaults(), tmp, true));
        assertTrue(dirErr.getMessage().contains("is a folder"), dirErr.getMessage());
    }
}
