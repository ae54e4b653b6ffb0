package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {

    private static final String LENET = "samples/designs/lenet5.json";

    @Test
    void lenet5ShowsEveryLayerAndTheParameterTotal() {
        Cli.Result r = Cli.run("summary", LENET);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("parameters: 61,706 total, 61,706 trainable"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("conv1\\s+Conv2d\\s+6×28×28\\s+156\\s+117,600")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("fc1\\s+Linear\\s+120\\s+48,120\\s+48,000")), r.out());
        assertTrue(r.out().contains("MACs: 416,520 per sample"), r.out());
        assertTrue(r.out().contains("training memory, batch 64, Adam on cpu:"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void batchAndOptimizerChangeTheMemoryEstimate() {
        String small = line(Cli.run("summary", LENET, "--batch", "1", "--optimizer", "sgd").out(), "training memory");
        String large = line(Cli.run("summary", LENET, "--batch", "512").out(), "training memory");
        assertTrue(small.startsWith("training memory, batch 1, SGD on cpu:"), small);
        assertTrue(large.startsWith("training memory, batch 512, Adam on cpu:"), large);
        assertTrue(large.contains("MiB"), large);
    }

    @Test
    void invalidDesignExitsOneNamingTheNodeAndTheFix(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(LENET)).replace("\"out_features\": 120}",
                "\"in_features\": 256, \"out_features\": 120}"));
        Cli.Result r = Cli.run("summary", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.firstErrorLine().contains("bad.json: the design is invalid (1 error)"), r.err());
        assertTrue(r.err().contains("Linear 'fc1': input has 400 features, layer expects 256 — set in_features=400"),
                r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("fc1") && l.endsWith("error")), r.out());
    }

    @Test
    void missingFileIsOneLine() {
        Cli.Result r = Cli.run("summary", "no/such/design.json");
        assertEquals(1, r.code());
        assertEquals("netwright summary: no/such/design.json: no such design file", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void brokenJsonNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": 1,\n");
        Cli.Result r = Cli.run("summary", broken.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("netwright summary: broken.json: line 2:"), r.err());
    }

    @Test
    void unavailableDeviceAndBadOptionsAreOneLineErrors() {
        Cli.Result cuda = Cli.run("summary", LENET, "--device", "cuda:7");
        assertEquals(1, cuda.code());
        assertEquals(1, cuda.err().lines().count(), cuda.err());
        assertTrue(cuda.err().contains("--device cuda:7"), cuda.err());
        Cli.Result batch = Cli.run("summary", LENET, "--batch", "0");
        assertEquals(2, batch.code(), "a usage error");
        assertTrue(batch.err().startsWith("netwright summary: --batch 0: must be"), batch.err());
        Cli.Result opt = Cli.run("summary", LENET, "--optimizer", "lbfgs");
        assertEquals(2, opt.code(), "a usage error");
        assertTrue(opt.err().contains("use sgd, adam, adamw, rmsprop or adagrad"), opt.err());
    }

    @Test
    void helpDescribesTheCommand() {
        Cli.Result r = Cli.run("summary", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: netwright summary"), r.out());
        assertTrue(r.out().contains("--batch"), r.out());
        assertFalse(r.out().contains("${"), r.out());
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line " + prefix + ")");
    }
}
