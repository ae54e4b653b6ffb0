package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.DesignFiles;
import io.netwright.train.DataSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample design trains out of the box, on data that ships with the app (no download, no --data). */
class SampleDesignsTrainTest {

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples", "designs"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void trainsOneStepOnItsOwnDataset(String file, @TempDir Path dir) throws IOException {
        Path design = Path.of("samples", "designs", file);
        String dataset = DesignFiles.read(design).input().dataset();
        assertTrue(DataSpec.isBundled(dataset), file + ": input.dataset '" + dataset + "' must ship with the app ("
                + String.join(", ", DataSpec.BUNDLED) + ")");
        Cli.Result t = Cli.run("train", design.toString(), "--epochs", "1", "--limit", "8", "--batch", "8", "--out",
                dir.resolve("run").toString());
        assertEquals(0, t.code(), file + ": " + t.err());
        assertTrue(t.out().contains("epoch 1/1"), t.out());
        assertTrue(Files.isRegularFile(dir.resolve("run/weights.safetensors")), file);
    }
}
