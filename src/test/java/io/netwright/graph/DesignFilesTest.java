package io.netwright.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesignFilesTest {

    private static final String SMALL = """
            {
              "format": 1,
              "metadata": {"name": "small", "author": "Ada", "created": "2024-05-01T10:00:00Z"},
              "input": {"shape": [1, 28, 28], "dataset": "fashion-mnist-small", "mean": [0.286], "std": [0.353]},
              "head": {"loss": "cross_entropy", "metrics": ["accuracy"]},
              "nodes": [
                {"id": "input", "type": "Input", "x": 0, "y": 0},
                {
                  "id": "conv1",
                  "type": "Conv2d",
                  "params": {"out_channels": 6, "kernel_size": 5, "padding": 2},
                  "x": 0,
                  "y": 80
                },
                {"id": "conv2", "type": "Conv2d", "params": {"out_channels": 16, "kernel_size": -1}, "x": 0, "y": 160},
                {"id": "output", "type": "Output", "x": 0, "y": 240}
              ],
              "edges": [{"from": "input", "to": "conv1"}, {"from": "conv1", "to": "conv2"}, {"from": "conv2", "to": "output"}]
            }
            """;

    private static DesignFileException failure(String json) {
        return assertThrows(DesignFileException.class, () -> DesignFiles.parse(json, "lenet5.json"));
    }

    @Test
    void roundTripKeepsTheDesign() throws Exception {
        Design d = Fixtures.lenet5().withMetadata(Metadata.named("LeNet-5").withAuthor("Ada")
                .withDescription("line one\n\"two\"").withTimes(Instant.parse("2024-05-01T10:00:00Z"), null))
                .withParam("conv1", "stride", ParamValue.ofInts(1, 1))
                .withParam("fc1", "in_features", ParamValue.AUTO)
                .updateNode("relu1", n -> n.withLabel("ReLU ①").withNotes("keep").withPosition(12.5, -3))
                .updateNode("conv2", n -> n.withFrozen(true))
                .withNode(Node.of("drop", "Dropout").withParam("p", 0.25))
                .withInput(InputSpec.image(1, 28, 28).withNormalization(List.of(0.5), List.of(0.25)));
        String json = DesignFiles.toJson(d);
        Design back = DesignFiles.parse(json, "x.json");
        assertEquals(d, back);
        assertEquals(json, DesignFiles.toJson(back));
    }

    @Test
    void layoutIsDiffFriendly() throws Exception {
        String json = DesignFiles.toJson(Fixtures.lenet5());
        assertTrue(json.startsWith("{\n  \"format\": 1,\n  \"metadata\": {\n    \"name\": \"LeNet-5\"\n  },\n"
                + "  \"input\": {\n    \"shape\": [1, 28, 28]\n  },\n"), json);
        assertTrue(json.contains("""
                    {"id": "input", "type": "Input", "x": 0, "y": 0},
                    {"id": "conv1", "type": "Conv2d", "params": {"out_channels": 6, "kernel_size": 5, "padding": 2}, "x": 100, "y": 80},
                    {"id": "relu1", "type": "ReLU", "x": 100, "y": 160},
                """), json);
        // a node too long for one line gets one field per line
        String wide = DesignFiles.toJson(Fixtures.lenet5().updateNode("conv1", n -> n.withParam("stride", 1)
                .withParam("bias", true)));
        assertTrue(wide.contains("""
                    {
                      "id": "conv1",
                      "type": "Conv2d",
                      "params": {"out_channels": 6, "kernel_size": 5, "stride": 1, "padding": 2, "bias": true},
                      "x": 100,
                      "y": 80
                    },
                """), wide);
        assertTrue(json.contains("""
                  "edges": [
                    {"from": "input", "to": "conv1"},
                """), json);
        assertTrue(json.endsWith("}\n"));
    }

    @Test
    void parametersAreWrittenInSchemaOrder() throws Exception {
        Design d = Fixtures.lenet5().updateNode("conv1", n -> n.withParams(Map.of()).withParam("padding", 2)
                .withParam("kernel_size", 5).withParam("out_channels", 6));
        assertTrue(DesignFiles.toJson(d).contains("\"params\": {\"out_channels\": 6, \"kernel_size\": 5, "
                + "\"padding\": 2}"));
    }

    @Test
    void errorsNameTheLineAndTheField() {
        var e = failure(SMALL);
        assertEquals(List.of("lenet5.json: line 15: node 'conv2': parameter kernel_size must be a positive integer "
                + "or pair, got -1"), e.errors());
    }

    @Test
    void everyErrorIsListed() {
        String json = SMALL.replace("\"kernel_size\": -1", "\"kernel_size\": 3, \"kernal\": 2")
                .replace("\"x\": 0, \"y\": 240", "\"x\": \"left\", \"y\": 240")
                .replace("\"cross_entropy\"", "\"hinge\"")
                .replace("{\"from\": \"conv2\", \"to\": \"output\"}", "{\"from\": \"conv3\", \"to\": \"output\"}");
        assertEquals(List.of(
                "lenet5.json: line 5: head: unknown loss \"hinge\" (known: cross_entropy, nll, mse, l1, smooth_l1, "
                        + "bce, bce_with_logits)",
                "lenet5.json: line 16: node 'output': \"x\" must be a number, got \"left\"",
                "lenet5.json: line 18: edge 3 (conv3 -> output): no node 'conv3'",
                "lenet5.json: line 15: node 'conv2': unknown parameter 'kernal' for Conv2d (known: in_channels, "
                        + "out_channels, kernel_size, stride, padding, dilation, groups, bias)"),
                failure(json).errors());
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertEquals(List.of("lenet5.json: line 8: expected ',' or ']', got '{'"),
                failure(SMALL.replace("\"x\": 0, \"y\": 0},", "\"x\": 0, \"y\": 0}")).errors());
        assertEquals(List.of("lenet5.json: line 2: field \"format\" appears twice"),
                failure("{\n\"format\": 1, \"format\": 1}").errors());
        assertEquals(List.of("lenet5.json: line 1: a design file must hold an object {...}"), failure("[]").errors());
    }

    @Test
    void duplicateIdsAndDoubleWiresNameBothPlaces() {
        String dup = SMALL.replace("\"id\": \"conv2\"", "\"id\": \"conv1\"");
        assertTrue(failure(dup).errors().get(0).startsWith("lenet5.json: line 15: node 'conv1': the id 'conv1' is "
                + "already used by the node at line 8"), failure(dup).errors().toString());
        String twice = SMALL.replace("{\"from\": \"conv1\", \"to\": \"conv2\"}", "{\"from\": \"input\", \"to\": "
                + "\"conv1\"}").replace("\"kernel_size\": -1", "\"kernel_size\": 3");
        assertEquals(List.of("lenet5.json: line 18: edge 2 (input -> conv1): input port 0 of 'conv1' already has a "
                + "wire (an input takes one wire)"), failure(twice).errors());
    }

    @Test
    void newerFormatsAreRefusedClearly() {
        assertEquals(List.of("lenet5.json: line 1: format 7 is newer than this version of Netwright reads (1) — "
                + "update Netwright"), failure("{\"format\": 7}").errors());
    }

    @Test
    void lenientLoadReturnsCatalogueProblems(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("lenet5.json");
        Files.writeString(f, SMALL);
        DesignFiles.Loaded loaded = DesignFiles.load(f);
        assertEquals(ParamValue.of(-1), loaded.design().requireNode("conv2").param("kernel_size"));
        assertEquals(1, loaded.problems().size());
        assertThrows(DesignFileException.class, () -> DesignFiles.read(f));
        // the analyzer reports the same problem on the node
        assertEquals("conv2", new Analyzer().analyze(loaded.design()).errors().get(0).nodeId());
    }

    @Test
    void unknownFieldsSurviveARoundTrip() throws Exception {
        String json = SMALL.replace("\"kernel_size\": -1}", "\"kernel_size\": 3}, \"color\": \"#ff0\"")
                .replace("\"author\": \"Ada\"", "\"author\": \"Ada\", \"license\": {\"spdx\": \"MIT\"}")
                .replace("{\"from\": \"input\", \"to\": \"conv1\"}", "{\"from\": \"input\", \"to\": \"conv1\", "
                        + "\"style\": [1, 2]}")
                .replace("\"format\": 1,", "\"format\": 1,\n  \"studio\": {\"zoom\": 1.5, \"grid\": true},");
        Design d = DesignFiles.parse(json, "x.json");
        assertEquals(Map.of("studio", "{\"zoom\": 1.5, \"grid\": true}"), d.extras());
        assertEquals(Map.of("color", "\"#ff0\""), d.requireNode("conv2").extras());
        assertEquals(Map.of("license", "{\"spdx\": \"MIT\"}"), d.metadata().extras());
        assertEquals(Map.of("style", "[1, 2]"), d.edges().get(0).extras());
        String out = DesignFiles.toJson(d);
        assertTrue(out.contains("\"studio\": {\n    \"zoom\": 1.5,\n    \"grid\": true\n  }\n}"), out);
        assertTrue(out.contains("{\"from\": \"input\", \"to\": \"conv1\", \"style\": [1, 2]}"), out);
        assertEquals(d, DesignFiles.parse(out, "x.json"));
    }

    @Test
    void formatZeroIsMigrated() throws Exception {
        String old = """
                {
                  "name": "old LeNet",
                  "author": "Ada",
                  "input_shape": [1, 28, 28],
                  "dataset": "fashion-mnist-small",
                  "layers": [
                    {"id": "input", "type": "Input", "pos": [0, 0]},
                    {"id": "conv1", "type": "Conv2d", "pos": [0, 80],
                     "params": [{"name": "out_channels", "value": 6}, {"name": "kernel_size", "value": 5}]},
                    {"id": "add1", "type": "Add", "pos": [0, 160]},
                    {"id": "output", "type": "Output", "pos": [0, 240]}
                  ],
                  "connections": ["input -> conv1", "conv1 -> add1", "conv1 -> add1:1", "add1 -> output"],
                  "comment": "kept"
                }
                """;
        Design d = DesignFiles.parse(old, "old.json");
        Design expected = new Design(1, Metadata.named("old LeNet").withAuthor("Ada"),
                InputSpec.image(1, 28, 28).withDataset("fashion-mnist-small"), new Head(Loss.CROSS_ENTROPY,
                        List.of(), Map.of()),
                List.of(Node.of("input", "Input"), Node.of("conv1", "Conv2d").withParam("out_channels", 6)
                                .withParam("kernel_size", 5).withPosition(0, 80),
                        Node.of("add1", "Add").withPosition(0, 160), Node.of("output", "Output").withPosition(0, 240)),
                List.of(Edge.of("input", "conv1"), Edge.of("conv1", "add1"), Edge.of("conv1", "add1", 1),
                        Edge.of("add1", "output")),
                Map.of("comment", "\"kept\""));
        assertEquals(expected, d);
        assertTrue(DesignFiles.toJson(d).startsWith("{\n  \"format\": 1,"));
        // errors in an old file still name the old lines
        String bad = old.replace("{\"name\": \"kernel_size\", \"value\": 5}", "{\"name\": \"kernel_size\", \"value\": 0}")
                .replace("\"add1 -> output\"", "\"add1 => output\"");
        assertEquals(List.of("old.json: line 13: a connection must be \"from -> to\" or \"from -> to:port\" "
                        + "(format 0), got \"add1 => output\"",
                "old.json: line 9: node 'conv1': parameter kernel_size must be a positive integer or pair, got 0"),
                failure(bad).errors().stream().map(s -> s.replace("lenet5.json", "old.json")).toList());
    }

    @Test
    void writeIsAtomicAndReadable(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("designs").resolve("lenet5.json");
        DesignFiles.write(f, Fixtures.lenet5());
        DesignFiles.write(f, Fixtures.lenet5().withParam("fc3", "out_features", ParamValue.of(2)));
        assertEquals(ParamValue.of(2), DesignFiles.read(f).requireNode("fc3").param("out_features"));
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void writtenDesignGetsThePermissionsOfAPlainlyCreatedFile(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.writeString(dir.resolve("plain.json"), "{}");
        Path f = dir.resolve("lenet5.json");
        DesignFiles.write(f, Fixtures.lenet5());
        assertEquals(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }
}
