package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.data.formats.Mnist;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    private static final String LENET = "samples/designs/lenet5.json";

    @TempDir
    static Path dir;
    static Path run;
    static JsonObject trained;

    /** One short run shared by the tests: 300 training and test samples, the full 300-sample validation split. */
    @BeforeAll
    static void train() {
        run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET, "--epochs", "1", "--limit", "300", "--out", run.toString(), "--json");
        assertEquals(0, t.code(), t.err());
        trained = JsonParser.parseString(t.out()).getAsJsonObject();
    }

    @Test
    void runFolderPrintsTheSummaryTheClassReportAndTheConfusionMatrix() {
        Cli.Result r = Cli.run("eval", run.toString(), "--limit", "200");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Evaluating LeNet-5 (" + run.resolve("weights.safetensors")
                + ") on Fashion-MNIST (small), test split"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("test: 200 samples  loss [0-9.]+  accuracy [0-9.]+%  "
                + "top-5 [0-9.]+%")), r.out());
        assertTrue(r.out().contains("precision     recall   f1-score  support"), r.out());
        assertTrue(r.out().contains("confusion matrix (rows: true class, columns: predicted)"), r.out());
        for (String c : Mnist.FASHION_CLASSES) {
            assertTrue(r.out().contains(c), c);
        }
    }

    @Test
    void theRunsValidationSplitGivesTheTrainersOwnFigures() {
        Cli.Result r = Cli.run("eval", run.toString(), "--split", "validation", "--checkpoint", "last", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject e = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject lastEpoch = trained.getAsJsonArray("history").get(0).getAsJsonObject();
        assertEquals("validation", e.get("split").getAsString());
        assertEquals(300, e.get("samples").getAsInt());
        assertEquals(lastEpoch.get("val_accuracy").getAsDouble(), e.get("accuracy").getAsDouble(), 1e-9);
        assertEquals(lastEpoch.get("val_loss").getAsDouble(), e.get("loss").getAsDouble(), 1e-5);
        assertEquals(10, e.getAsJsonArray("confusion_matrix").size());
    }

    @Test
    void theRunsDefaultSplitGivesItsFinalEvaluation() {
        Cli.Result r = Cli.run("eval", run.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject e = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject fin = trained.getAsJsonObject("evaluation");
        assertEquals("test", e.get("split").getAsString());
        assertEquals(300, e.get("samples").getAsInt(), "the run's --limit applies to the run's own data");
        assertEquals(fin.get("accuracy").getAsDouble(), e.get("accuracy").getAsDouble(), 1e-9);
        assertEquals(fin.get("loss").getAsDouble(), e.get("loss").getAsDouble(), 1e-5);
    }

    @Test
    void aWeightsFileNeedsItsDesign() {
        String weights = run.resolve("weights.safetensors").toString();
        Cli.Result missing = Cli.run("eval", weights);
        assertEquals(1, missing.code());
        assertEquals("netwright eval: " + weights + ": not a run folder — give the design the weights belong to with "
                + "--design", missing.err().strip());
        Cli.Result r = Cli.run("eval", weights, "--design", LENET, "--data", "fashion-mnist-small", "--limit", "50",
                "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(50, JsonParser.parseString(r.out()).getAsJsonObject().get("samples").getAsInt());
    }

    @Test
    void badArgumentsAreOneLineErrors() {
        Cli.Result split = Cli.run("eval", run.toString(), "--split", "holdout");
        assertEquals("netwright eval: --split holdout: use test, validation or train", split.err().strip());
        Cli.Result nothing = Cli.run("eval", dir.resolve("nothing").toString());
        assertEquals("netwright eval: " + dir.resolve("nothing") + ": no such run folder or weights file",
                nothing.err().strip());
        Cli.Result wrongDesign = Cli.run("eval", run.toString(), "--design", "samples/designs/cifar10_tutorial.json");
        assertEquals(1, wrongDesign.code());
        assertEquals(1, wrongDesign.err().lines().count(), wrongDesign.err());
        assertTrue(wrongDesign.err().contains("the weights do not fit design"), wrongDesign.err());
        assertEquals(0, Cli.run("eval", "--help").code());
    }
}
