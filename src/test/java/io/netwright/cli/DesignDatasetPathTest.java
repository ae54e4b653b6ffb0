package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A design's {@code input.dataset} is a path relative to the design file, and its errors name that field. */
class DesignDatasetPathTest {

    private static Path mlp(Path file, String dataset) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, """
                {
                  "format": 1,
                  "metadata": {"name": "MLP"},
                  "input": {"shape": [4], "dataset": "%s"},
                  "head": {"loss": "cross_entropy", "metrics": ["accuracy"]},
                  "nodes": [
                    {"id": "input", "type": "Input", "x": 0, "y": 0},
                    {"id": "fc1", "type": "Linear", "params": {"out_features": 3}, "x": 0, "y": 1},
                    {"id": "output", "type": "Output", "x": 0, "y": 2}
                  ],
                  "edges": [{"from": "input", "to": "fc1"}, {"from": "fc1", "to": "output"}]
                }
                """.formatted(dataset));
    }

    private static void iris(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,d,species\n");
        for (int i = 0; i < 30; i++) {
            int k = i % 3;
            csv.append(k).append(',').append(2 - k).append(',').append(k * 0.5).append(",1,")
                    .append(List.of("setosa", "versicolor", "virginica").get(k)).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    @Test
    void relativeDatasetIsFoundNextToTheDesignWhateverTheWorkingFolder(@TempDir Path dir) throws IOException {
        Path design = mlp(dir.resolve("nets/mlp.json"), "data/iris.csv");
        iris(dir.resolve("nets/data/iris.csv"));
        Path run = dir.resolve("run");
        Cli.Result t = Cli.run("train", design.toString(), "--epochs", "1", "--out", run.toString());
        assertEquals(0, t.code(), t.err());
        String spec = JsonParser.parseString(Files.readString(run.resolve("config.json"))).getAsJsonObject()
                .getAsJsonObject("data").get("spec").getAsString();
        assertEquals(dir.resolve("nets/data/iris.csv").toAbsolutePath().normalize().toString(), spec,
                "the run keeps the resolved path, so resume works from anywhere");
    }

    @Test
    void missingDatasetNamesTheDesignFieldNotDashDashData(@TempDir Path dir) throws IOException {
        Path design = mlp(dir.resolve("nets/mlp.json"), "data/missing.csv");
        Cli.Result t = Cli.run("train", design.toString(), "--out", dir.resolve("r").toString());
        assertEquals(1, t.code());
        String line = t.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("netwright train: input.dataset 'data/missing.csv' in mlp.json: no such file or "
                + "folder"), line);
        assertTrue(line.contains(dir.resolve("nets/data/missing.csv").toAbsolutePath().normalize().toString()), line);
        assertTrue(line.contains("relative to the design's folder"), line);
        assertTrue(!line.contains("--data data/missing.csv"), line);
    }

    @Test
    void aKnownButUnbundledDatasetInTheDesignSaysHowToFixTheField(@TempDir Path dir) throws IOException {
        Path design = Files.writeString(dir.resolve("net.json"), Files.readString(
                Path.of("samples/designs/cifar10_tutorial.json")).replaceFirst("\"dataset\": \"[^\"]*\"",
                "\"dataset\": \"cifar10\""));
        Cli.Result t = Cli.run("train", design.toString(), "--out", dir.resolve("r").toString());
        assertEquals(1, t.code());
        assertTrue(t.firstErrorLine().startsWith("netwright train: input.dataset 'cifar10' in net.json: this dataset "
                + "is not bundled and Netwright does not download it — download it and set input.dataset to its "
                + "folder"), t.err());
        Cli.Result viaOption = Cli.run("train", design.toString(), "--data", "cifar10", "--out",
                dir.resolve("r").toString());
        assertTrue(viaOption.firstErrorLine().startsWith("netwright train: --data cifar10: this dataset is not "
                + "bundled"), viaOption.err());
    }
}
