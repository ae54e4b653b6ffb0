package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.data.ImageDataset;
import io.netwright.data.formats.ImageFiles;
import io.netwright.data.formats.Mnist;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Shapes;
import io.netwright.data.formats.Split;
import io.netwright.io.Safetensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainPredictCommandTest {

    private static final String LENET = "samples/designs/lenet5.json";
    private static final String CIFAR_NET = "samples/designs/cifar10_tutorial.json";

    @Test
    void trainsOnTheBundledSampleAndPredictLoadsTheWeights(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET, "--data", "fashion-mnist-small", "--epochs", "1", "--limit", "256",
                "--batch", "32", "--out", run.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("Training LeNet-5 (61,706 parameters) on Fashion-MNIST (small): 256 train / "
                + "256 validation / 256 test samples, batch 32, SGD(lr=0.01, momentum=0.9), 1 epoch, cpu"), t.out());
        assertTrue(t.out().contains("epoch 1/1 [====================] 8/8  loss "), t.out());
        assertTrue(t.out().lines().anyMatch(l -> l.matches("epoch 1/1  train loss [0-9.]+ acc [0-9.]+%  validation "
                + "loss [0-9.]+ acc [0-9.]+%  \\(.*\\)")), t.out());
        assertTrue(t.out().lines().anyMatch(l -> l.matches("test: 256 samples  loss [0-9.]+  accuracy [0-9.]+%  "
                + "top-5 [0-9.]+%")), t.out());
        assertFalse(t.out().contains("\r"), "plain lines when not a terminal");
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/last/checkpoint.json")));
        assertTrue(Files.isRegularFile(run.resolve("design.json")));
        assertTrue(Files.isRegularFile(run.resolve("evaluation.json")));
        assertTrue(Files.isRegularFile(run.resolve("metrics.csv")));
        Map<String, String> meta = Safetensors.read(run.resolve("weights.safetensors")).metadata();
        assertEquals("pt", meta.get("format"));
        assertEquals(WeightsArgs.classes(meta).orElseThrow(), Mnist.FASHION_CLASSES);
        assertTrue(Safetensors.read(run.resolve("weights.safetensors")).tensors().containsKey("conv1.weight"));

        ImageDataset test = SampleData.fashionMnist(Split.TEST);
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        ImageFiles.write(test.image(0), "png", a);
        ImageFiles.write(test.image(1), "png", b);
        Cli.Result p = Cli.run("predict", LENET, "--weights", run.resolve("weights.safetensors").toString(),
                a.toString(), b.toString(), "--top", "3");
        assertEquals(0, p.code(), p.err());
        List<String> lines = p.out().lines().toList();
        assertEquals(8, lines.size(), p.out());
        assertEquals(a + ":", lines.get(0));
        assertTrue(lines.get(1).matches("  1\\. .+ +[0-9. ]+%"), lines.get(1));
        assertTrue(Mnist.FASHION_CLASSES.stream().anyMatch(c -> lines.get(1).contains(c)), p.out());
        assertEquals(b + ":", lines.get(4));
        // the run folder works as --weights too
        assertEquals(0, Cli.run("predict", LENET, "--weights", run.toString(), a.toString()).code());
    }

    @Test
    void jsonPrintsAMachineReadableSummaryAndProgressGoesToStderr(@TempDir Path dir) {
        Path run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET, "--epochs", "1", "--limit", "128", "--optimizer", "sgd", "--out",
                run.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        JsonObject o = JsonParser.parseString(t.out()).getAsJsonObject();
        assertEquals("LeNet-5", o.get("design").getAsString());
        assertEquals("fashion-mnist-small", o.get("data").getAsString(), "--data defaults to the design's dataset");
        assertEquals(1, o.get("epochs").getAsInt());
        assertEquals(2, o.get("steps").getAsLong(), "128 samples in batches of 64");
        assertEquals("SGD(lr=0.01, momentum=0.9)", o.get("optimizer").getAsString());
        JsonObject eval = o.getAsJsonObject("evaluation");
        assertEquals("test", eval.get("split").getAsString());
        assertEquals(128, eval.get("samples").getAsInt());
        assertTrue(eval.get("accuracy").getAsDouble() >= 0);
        assertTrue(o.getAsJsonObject("metrics").has("val_accuracy"), o.toString());
        assertEquals(run.resolve("weights.safetensors").toString(), o.get("weights").getAsString());
        assertEquals(10, o.getAsJsonArray("classes").size());
        assertEquals(1, o.getAsJsonArray("history").size());
        assertTrue(t.err().contains("epoch 1/1"), t.err());
    }

    @Test
    void trainsOnACsvFileWithAValidationHoldout(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,d,species\n");
        for (int i = 0; i < 60; i++) {
            int k = i % 3;
            csv.append(k + 0.1 * (i % 5)).append(',').append(2 - k).append(',').append(k * 0.5).append(",1,")
                    .append(List.of("setosa", "versicolor", "virginica").get(k)).append('\n');
        }
        Path data = dir.resolve("iris.csv");
        Files.writeString(data, csv);
        Path design = dir.resolve("mlp.json");
        Files.writeString(design, """
                {
                  "format": 1,
                  "metadata": {"name": "MLP"},
                  "input": {"shape": [4]},
                  "head": {"loss": "cross_entropy", "metrics": ["accuracy"]},
                  "nodes": [
                    {"id": "input", "type": "Input", "x": 0, "y": 0},
                    {"id": "fc1", "type": "Linear", "params": {"out_features": 8}, "x": 0, "y": 1},
                    {"id": "relu", "type": "ReLU", "x": 0, "y": 2},
                    {"id": "fc2", "type": "Linear", "params": {"out_features": 3}, "x": 0, "y": 3},
                    {"id": "output", "type": "Output", "x": 0, "y": 4}
                  ],
                  "edges": [{"from": "input", "to": "fc1"}, {"from": "fc1", "to": "relu"},
                    {"from": "relu", "to": "fc2"}, {"from": "fc2", "to": "output"}]
                }
                """);
        Cli.Result t = Cli.run("train", design.toString(), "--data", data.toString(), "--epochs", "2", "--batch",
                "16", "--lr", "0.05", "--out", dir.resolve("run").toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("54 train / 6 validation / 0 test samples"), t.out());
        assertTrue(t.out().contains("validation loss"), t.out());
        assertTrue(t.out().contains("validation: 6 samples"), t.out());
        // a design expecting another feature count is refused with the fix
        Files.writeString(design, Files.readString(design).replace("[4]", "[5]"));
        Cli.Result bad = Cli.run("train", design.toString(), "--data", data.toString(), "--out",
                dir.resolve("run2").toString());
        assertEquals(1, bad.code());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("netwright train: cannot start training: the data has 4 features per sample "
                + "but the design input is [5] — set the input shape to [4]"), bad.err());
    }

    @Test
    void trainsOnAnImageFolderResizingToTheDesignInput(@TempDir Path dir) throws IOException {
        ImageDataset shapes = Shapes.generate(24, 7, 40);
        for (int i = 0; i < shapes.size(); i++) {
            String cls = shapes.classes().get(shapes.label(i));
            if (cls.equals("circle") || cls.equals("square")) {
                Path f = dir.resolve("images").resolve(cls).resolve(i + ".png");
                Files.createDirectories(f.getParent());
                ImageFiles.write(shapes.image(i), "png", f);
            }
        }
        String images = dir.resolve("images").toString();
        Cli.Result mismatch = Cli.run("train", CIFAR_NET, "--data", images, "--out", dir.resolve("r0").toString());
        assertEquals(1, mismatch.code());
        assertTrue(mismatch.err().contains("has 2 classes but cifar10_tutorial.json outputs 10 — set "
                + "out_features=2 on node 'fc3'"), mismatch.err());

        Path design = dir.resolve("two.json");
        Files.writeString(design, Files.readString(Path.of(CIFAR_NET)).replace("\"out_features\": 10}",
                "\"out_features\": 2}"));
        Cli.Result t = Cli.run("train", design.toString(), "--data", images, "--epochs", "1", "--out",
                dir.resolve("run").toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("warning: images are 40x40 but the design input is 32x32: resizing"), t.out());
        Cli.Result p = Cli.run("predict", design.toString(), "--weights", dir.resolve("run").toString(),
                dir.resolve("images/circle/0.png").toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("circle") && p.out().contains("square"), p.out());
        assertTrue(p.err().contains("note: resizing 40×40 images to 32×32"), p.err());
    }

    @Test
    void badDataAndPathsAreOneLineErrors(@TempDir Path dir) throws IOException {
        Cli.Result unknown = Cli.run("train", LENET, "--data", "no-such-data", "--out", dir.resolve("r").toString());
        assertEquals(1, unknown.code());
        assertEquals("netwright train: --data no-such-data: no such file or folder, and not a bundled sample "
                + "(fashion-mnist-small, shapes10)", unknown.err().strip());

        Cli.Result notBundled = Cli.run("train", CIFAR_NET, "--data", "cifar10", "--out", dir.resolve("r").toString());
        assertEquals(1, notBundled.code());
        assertTrue(notBundled.firstErrorLine().startsWith("netwright train: --data cifar10: this dataset is not "
                + "bundled"), notBundled.err());

        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full/x.txt"), "x");
        Cli.Result full = Cli.run("train", LENET, "--limit", "10", "--out", dir.resolve("full").toString());
        assertEquals(1, full.code());
        assertTrue(full.err().contains("the folder is not empty"), full.err());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(LENET)).replace("\"out_features\": 120}",
                "\"in_features\": 256, \"out_features\": 120}"));
        Cli.Result invalid = Cli.run("train", bad.toString(), "--out", dir.resolve("r").toString());
        assertEquals(1, invalid.code());
        assertEquals("netwright train: bad.json: the design is invalid: Linear 'fc1': input has 400 features, layer "
                + "expects 256 — set in_features=400; run 'netwright summary " + bad + "' to see every problem",
                invalid.err().strip());

        Cli.Result missingDesign = Cli.run("train", "nope.json", "--data", "fashion-mnist-small");
        assertEquals("netwright train: nope.json: no such design file", missingDesign.err().strip());

        Cli.Result noWeights = Cli.run("predict", LENET, "--weights", dir.resolve("w.safetensors").toString(),
                "x.png");
        assertEquals(1, noWeights.code());
        assertEquals("netwright predict: " + dir.resolve("w.safetensors") + ": no such weights file",
                noWeights.err().strip());

        Path notWeights = dir.resolve("fake.safetensors");
        Files.writeString(notWeights, "not safetensors");
        Cli.Result corrupt = Cli.run("predict", LENET, "--weights", notWeights.toString(), "x.png");
        assertEquals(1, corrupt.code());
        assertEquals(1, corrupt.err().lines().count(), corrupt.err());
        assertTrue(corrupt.err().startsWith("netwright predict: " + notWeights + ": cannot be read as safetensors"),
                corrupt.err());

        Cli.Result noImages = Cli.run("predict", LENET, "--weights", notWeights.toString());
        assertEquals(2, noImages.code(), "a missing IMAGE is a usage error");
    }

    @Test
    void aNanLossStopsTheRunWithOneLineSayingHowToResume(@TempDir Path dir) {
        Path run = dir.resolve("run");
        Cli.Result r = Cli.run("train", LENET, "--optimizer", "sgd", "--lr", "1e9", "--limit", "256", "--out",
                run.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("netwright train: training diverged: step 2: loss is NaN"), r.err());
        assertTrue(r.err().endsWith("; checkpoints/last is from step 0, before the divergence: 'netwright resume "
                + run + " --lr 0.001' continues from there\n"), r.err());
        assertTrue(Files.isDirectory(run.resolve("checkpoints/last")));
    }

    @Test
    void predictRefusesWeightsOfAnotherDesign(@TempDir Path dir) {
        Path run = dir.resolve("run");
        assertEquals(0, Cli.run("train", LENET, "--epochs", "1", "--limit", "64", "--out", run.toString()).code());
        Cli.Result r = Cli.run("predict", CIFAR_NET, "--weights", run.toString(), "x.png");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("the weights do not fit design 'CIFAR-10 tutorial net': size mismatch for "
                + "conv1.weight"), r.err());
    }

    @Test
    void helpForEveryNewCommand() {
        for (String cmd : List.of("summary", "train", "predict", "eval")) {
            Cli.Result r = Cli.run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().startsWith("Usage: netwright " + cmd), r.out());
        }
        assertTrue(Cli.run("--help").out().contains("predict"));
    }
}
