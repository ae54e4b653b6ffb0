package io.netwright.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;
import io.netwright.graph.Design;
import io.netwright.graph.GraphModule;
import io.netwright.tensor.Generator;
import io.netwright.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Triton repository: config.pbtxt parses as Triton's ModelConfig and agrees with the ONNX graph. */
class TritonExportTest {

    @TempDir
    Path tmp;

    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @Test
    void repositoryAgreesWithTheOnnxGraph() throws Exception {
        Design d = ExportFixtures.read(ExportFixtures.SAMPLES.resolve("lenet5.json"));
        GraphModule m = ExportFixtures.compiled(d, 2);
        ExportSource src = ExportSource.of(d, m, FASHION);
        Path repo = tmp.resolve("repo");
        TritonOptions o = new TritonOptions("lenet", 16, "cpu", 2, OnnxOptions.defaults(), false);
        Path model = TritonExporter.write(src, o, repo, false).model();

        assertEquals(repo.resolve("lenet"), model);
        Path onnx = model.resolve("1").resolve("model.onnx");
        assertTrue(Files.isRegularFile(onnx));
        DynamicMessage config = TritonConfigSchema.parse(Files.readString(model.resolve("config.pbtxt")));
        assertEquals("lenet", field(config, "name"));
        assertEquals("onnxruntime_onnx", field(config, "platform"));
        assertEquals(16, field(config, "max_batch_size"));
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(onnx));
        assertTensor(one(config, "input"), proto.getGraph().getInput(0), "TYPE_FP32");
        assertTensor(one(config, "output"), proto.getGraph().getOutput(0), "TYPE_FP32");
        assertEquals("labels.txt", field(one(config, "output"), "label_filename"));
        DynamicMessage group = one(config, "instance_group");
        assertEquals(2, field(group, "count"));
        assertEquals("KIND_CPU", ((com.google.protobuf.Descriptors.EnumValueDescriptor) field(group, "kind"))
                .getName());
        assertTrue(config.hasField(config.getDescriptorForType().findFieldByName("dynamic_batching")));

        List<String> labels = Files.readAllLines(model.resolve("labels.txt"));
        assertEquals(FASHION, labels);

        // the model in the repository is the exported one: ONNX Runtime gives our outputs
        Tensor x = Tensor.randn(new Generator(5), 3, 1, 28, 28);
        try (OnnxRun run = OnnxRun.load(Files.readAllBytes(onnx))) {
            assertNull(ExportFixtures.mismatch(run.run(x).get("logits").toFloatArray(),
                    ExportFixtures.forward(m, x).toFloatArray(), 1e-5, 1e-4));
        }
    }

    @Test
    void unknownClassesAreNumberedOnePerLine() throws Exception {
        Design d = ExportFixtures.read(ExportFixtures.SAMPLES.resolve("simple_cnn.json"));
        ExportSource src = ExportSource.of(d, ExportFixtures.compiled(d, 1), List.of());
        Path model = TritonExporter.write(src, TritonOptions.defaults(), tmp.resolve("r"), false).model();
        int classes = src.outputShape()[0];
        assertEquals(IntStream.range(0, classes).mapToObj(Integer::toString).toList(),
                Files.readAllLines(model.resolve("labels.txt")));
        DynamicMessage config = TritonConfigSchema.parse(Files.readString(model.resolve("config.pbtxt")));
        assertEquals(model.getFileName().toString(), field(config, "name"));
        assertEquals("KIND_AUTO", ((com.google.protobuf.Descriptors.EnumValueDescriptor) field(one(config,
                "instance_group"), "kind")).getName());
    }

    @Test
    void anExistingRepositoryIsKeptUnlessForced() throws Exception {
        Design d = ExportFixtures.read(ExportFixtures.SAMPLES.resolve("lenet5.json"));
        ExportSource src = ExportSource.of(d, ExportFixtures.compiled(d, 1), List.of());
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("keep.txt"), "mine");
        ExportException e = assertThrows(ExportException.class,
                () -> TritonExporter.write(src, TritonOptions.defaults(), repo, false));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals("mine", Files.readString(repo.resolve("keep.txt")));
        TritonExporter.write(src, TritonOptions.defaults(), repo, true);
        assertTrue(Files.notExists(repo.resolve("keep.txt")));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("repo"), s.map(p -> p.getFileName().toString()).filter(n -> n.contains("repo"))
                    .toList(), "no temporary folders");
        }
    }

    @Test
    void theRepositoryGetsTheFolderPermissionsOfAnyNewFolder() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews()
                .contains("posix"), "skipped: not a POSIX file system");
        Design d = ExportFixtures.read(ExportFixtures.SAMPLES.resolve("lenet5.json"));
        ExportSource src = ExportSource.of(d, ExportFixtures.compiled(d, 1), List.of());
        Path repo = tmp.resolve("perm-repo");
        TritonExporter.write(src, TritonOptions.defaults(), repo, false);
        Path plain = Files.createDirectory(tmp.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(repo),
                "not the 0700 of a temporary folder");
    }

    @Test
    void aConfigWithAFieldTritonDoesNotKnowFailsToParse() {
        assertThrows(TextFormat.ParseException.class, () -> TritonConfigSchema.parse("name: \"a\"\nmax_batch: 3\n"));
    }

    @Test
    void badOptionsSayWhatToChange() {
        assertTrue(assertThrows(ExportException.class, () -> new TritonOptions("a b", 8, "cpu", 1, null, false))
                .getMessage().contains("folder name"));
        assertTrue(assertThrows(ExportException.class, () -> new TritonOptions(null, 0, "cpu", 1, null, false))
                .getMessage().contains("at least 1"));
        assertTrue(assertThrows(ExportException.class, () -> new TritonOptions(null, 4, "tpu", 1, null, false))
                .getMessage().contains("auto, cpu, gpu"));
    }

    /** Triton's dims are ONNX's without the batch dimension (which ONNX has symbolic). */
    private static void assertTensor(DynamicMessage triton, ValueInfoProto onnx, String type) {
        assertEquals(onnx.getName(), field(triton, "name"));
        assertEquals(type, ((com.google.protobuf.Descriptors.EnumValueDescriptor) field(triton, "data_type"))
                .getName());
        List<TensorShapeProto.Dimension> dims = onnx.getType().getTensorType().getShape().getDimList();
        assertEquals("N", dims.get(0).getDimParam());
        List<Long> expected = new ArrayList<>();
        for (int i = 1; i < dims.size(); i++) {
            expected.add(dims.get(i).getDimValue());
        }
        assertEquals(expected, field(triton, "dims"));
    }

    private static Object field(DynamicMessage m, String name) {
        FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
        return m.getField(f);
    }

    private static DynamicMessage one(DynamicMessage m, String name) {
        @SuppressWarnings("unchecked")
        List<DynamicMessage> l = (List<DynamicMessage>) field(m, name);
        assertEquals(1, l.size(), name);
        return l.get(0);
    }
}
