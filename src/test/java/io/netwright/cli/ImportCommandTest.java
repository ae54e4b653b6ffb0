package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.netwright.graph.Design;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.DesignFiles;
import io.netwright.io.Safetensors;
import io.netwright.io.SafetensorsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netwright import}: design and weights written, existing outputs kept, unsupported operators refused. */
class ImportCommandTest {

    @TempDir
    static Path dir;
    static Path onnx;

    @BeforeAll
    static void exportLenet() {
        onnx = dir.resolve("lenet.onnx");
        Cli.Result r = Cli.run("export", "samples/designs/lenet5.json", "--out", onnx.toString(), "--no-check");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void writesTheDesignAndItsWeights() throws Exception {
        Path out = dir.resolve("imported.json");
        Cli.Result r = Cli.run("import", onnx.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Imported") && r.out().contains("parameters"), r.out());
        Design d = DesignFiles.read(out);
        SafetensorsFile w = Safetensors.read(dir.resolve("imported.safetensors"));
        DesignCompiler.compile(d).loadStateDict(w.tensors(), true);
        assertEquals(d.metadata().name(), w.metadata().get("netwright.design"));
    }

    @Test
    void refusesExistingOutputsWithoutForce() throws Exception {
        Path out = dir.resolve("twice.json");
        Path weights = dir.resolve("w.safetensors");
        assertEquals(0, Cli.run("import", onnx.toString(), "--out", out.toString(), "--weights",
                weights.toString()).code());
        Cli.Result again = Cli.run("import", onnx.toString(), "--out", out.toString(), "--weights",
                weights.toString());
        assertEquals(1, again.code());
        assertTrue(again.firstErrorLine().contains("--force"), again.err());
        assertEquals(0, Cli.run("import", onnx.toString(), "--out", out.toString(), "--weights",
                weights.toString(), "--force").code());
    }

    @Test
    void unsupportedOperatorIsOneLineAndExitOne() throws Exception {
        Path cos = dir.resolve("cos.onnx");
        Files.write(cos, cosModel().toByteArray());
        Path out = dir.resolve("cos.json");
        Cli.Result r = Cli.run("import", cos.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("Cos") && r.err().contains("opset 17"), r.err());
        assertFalse(Files.exists(out));
        Cli.Result partial = Cli.run("import", cos.toString(), "--out", out.toString(), "--partial");
        assertEquals(0, partial.code(), partial.err());
        assertTrue(partial.out().contains("not imported"), partial.out());
    }

    /** input [N, 4] → Relu → Cos → output. */
    static ModelProto cosModel() {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(4)).build();
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        GraphProto g = GraphProto.newBuilder().setName("trig")
                .addNode(NodeProto.newBuilder().setName("relu").setOpType("Relu").addInput("x").addOutput("r"))
                .addNode(NodeProto.newBuilder().setName("cos").setOpType("Cos").addInput("r").addOutput("y"))
                .addInput(ValueInfoProto.newBuilder().setName("x").setType(type))
                .addOutput(ValueInfoProto.newBuilder().setName("y").setType(type)).build();
        return ModelProto.newBuilder().setIrVersion(8)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(17)).setGraph(g).build();
    }
}
