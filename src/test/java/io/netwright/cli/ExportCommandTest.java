package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netwright export}: formats, the check report, and what it refuses. */
class ExportCommandTest {

    private static final String LENET = "samples/designs/lenet5.json";

    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void train() {
        run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET, "--epochs", "1", "--limit", "200", "--out", run.toString());
        assertEquals(0, t.code(), t.err());
    }

    @Test
    void aRunExportsToOnnxWithItsWeightsClassNamesAndACheckOnItsData() throws Exception {
        Path file = dir.resolve("lenet.onnx");
        Cli.Result r = Cli.run("export", run.toString(), "--format", "onnx", "--out", file.toString(),
                "--probabilities");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Export check (onnx, opset 17): PASSED"), r.out());
        assertTrue(r.out().contains("test samples of Fashion-MNIST"), r.out());
        assertTrue(r.out().contains("probabilities"), r.out());
        assertTrue(r.out().contains("top-1       100.0% of samples agree"), r.out());
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(file));
        assertEquals(8, m.getIrVersion());
        assertEquals(17, m.getOpsetImport(0).getVersion());
        Map<String, String> meta = m.getMetadataPropsList().stream().collect(Collectors.toMap(
                StringStringEntryProto::getKey, StringStringEntryProto::getValue));
        assertTrue(meta.get("netwright.classes").contains("Ankle boot"), meta.toString());
        assertEquals("[1,28,28]", meta.get("netwright.input_shape"));
        // the weights are the run's: the initializer equals the safetensors entry
        var init = m.getGraph().getInitializerList().stream().filter(t -> t.getName().equals("conv1.bias"))
                .findFirst().orElseThrow();
        var saved = io.netwright.io.Safetensors.read(run.resolve("weights.safetensors")).tensors().get("conv1.bias");
        float[] expected = saved.toFloatArray();
        java.nio.FloatBuffer fb = init.getRawData().asReadOnlyByteBuffer().order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], fb.get(i));
        }
    }

    @Test
    void aDesignWithoutWeightsExportsItsInitialWeightsAndSaysSo() {
        Path file = dir.resolve("init.onnx");
        Cli.Result r = Cli.run("export", "samples/designs/resnet_small.json", "--out", file.toString(),
                "--opset", "13");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("no --weights"), r.err());
        assertTrue(r.out().contains("opset 13): PASSED"), r.out());
    }

    @Test
    void tritonWritesARepository() {
        Path repo = dir.resolve("repo");
        Cli.Result r = Cli.run("export", run.toString(), "--format", "triton", "--out", repo.toString(), "--name",
                "fashion", "--max-batch", "8", "--no-check");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(repo.resolve("fashion/1/model.onnx")));
        assertTrue(Files.isRegularFile(repo.resolve("fashion/config.pbtxt")));
        assertFalse(r.out().contains("Export check"), "--no-check skips the check");
    }

    @Test
    void pytorchCodeFromARunWithItsTrainingRecipeAndTheStrictLoadCheck() throws Exception {
        Path code = dir.resolve("code");
        Cli.Result r = Cli.run("export", run.toString(), "--format", "pytorch", "--out", code.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("model.py", "weights.safetensors", "predict.py", "to_torchscript.py", "train_ddp.py",
                "README.md")) {
            assertTrue(Files.isRegularFile(code.resolve(f)), f);
        }
        assertTrue(Files.readString(code.resolve("train_ddp.py")).contains("DistributedDataParallel"));
        if (io.netwright.export.PythonTorch.find().isPresent()) {
            assertTrue(r.out().contains("Export check (pytorch): PASSED"), r.out());
            assertTrue(r.out().contains("weights loaded strictly: yes"), r.out());
        } else {
            assertTrue(r.out().contains("Export check (pytorch): NOT CHECKED"), r.out());
            assertTrue(r.out().contains("no python3 with torch"), r.out());
        }
    }

    @Test
    void tritonWithTorchScriptAddsALibtorchModel() throws Exception {
        Path repo = dir.resolve("repo-ts");
        Cli.Result r = Cli.run("export", run.toString(), "--format", "triton", "--out", repo.toString(), "--name",
                "lenet", "--torchscript", "--no-check");
        assertEquals(0, r.code(), r.err());
        Path ts = repo.resolve("lenet_torchscript");
        String config = Files.readString(ts.resolve("config.pbtxt"));
        assertTrue(config.contains("platform: \"pytorch_libtorch\"") && config.contains("\"INPUT__0\"")
                && config.contains("\"OUTPUT__0\""), config);
        assertTrue(Files.isRegularFile(ts.resolve("build_model_pt.sh")));
        if (io.netwright.export.PythonTorch.find().isPresent()) {
            assertTrue(Files.size(ts.resolve("1/model.pt")) > 100_000, r.err());
        } else {
            assertTrue(r.err().contains("TorchScript model not built: no python3 with torch"), r.err());
        }
    }

    @Test
    void anExistingOutputIsKeptWithoutForce() throws Exception {
        Path file = dir.resolve("keep.onnx");
        Files.writeString(file, "not mine to overwrite");
        Cli.Result r = Cli.run("export", LENET, "--out", file.toString());
        assertEquals(1, r.code());
        assertTrue(r.firstErrorLine().contains("exists — pass --force"), r.err());
        assertEquals("not mine to overwrite", Files.readString(file));
        assertEquals(0, Cli.run("export", LENET, "--out", file.toString(), "--force", "--no-check").code());
        assertTrue(Files.size(file) > 1000);
    }

    @Test
    void badOptionsAreUsageErrors() {
        for (List<String> args : List.of(List.of("--opset", "12"), List.of("--format", "tflite"),
                List.of("--format", "triton", "--max-batch", "0"), List.of("--samples", "0"))) {
            String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("export", LENET, "--out",
                    dir.resolve("x.onnx").toString()), args.stream()).toArray(String[]::new);
            Cli.Result r = Cli.run(all);
            assertEquals(2, r.code(), args + ": " + r.err());
            assertEquals(1, r.err().lines().count(), args + ": one line: " + r.err());
        }
    }

    @Test
    void anInvalidDesignNamesTheNode() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(LENET)).replace("\"out_features\": 120",
                "\"out_features\": 0"));
        Cli.Result r = Cli.run("export", bad.toString(), "--out", dir.resolve("bad.onnx").toString());
        assertEquals(1, r.code());
        assertTrue(r.firstErrorLine().contains("fc1"), r.err());
        assertFalse(Files.exists(dir.resolve("bad.onnx")));
    }
}
