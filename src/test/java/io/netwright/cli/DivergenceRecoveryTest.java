package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.netwright.train.RunFolder;
import io.netwright.train.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that diverges on the bundled sample data can be resumed with the suggested learning rate, and recovers. */
class DivergenceRecoveryTest {

    private static final String LENET = "samples/designs/lenet5.json";

    @Test
    void theSuggestedResumeRecoversFromTheCheckpointBeforeTheDivergence(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET, "--optimizer", "sgd", "--lr", "1e9", "--epochs", "1", "--limit",
                "256", "--out", run.toString());
        assertEquals(1, t.code(), t.err());

        RunStatus status = RunFolder.open(run).readStatus().orElseThrow();
        assertEquals("diverged", status.state(), "not 'stopped by the user'");
        assertTrue(status.message().startsWith("step 2: loss is NaN"), status.message());
        assertTrue(status.message().endsWith("checkpoints/last is from step 0, before the divergence"),
                status.message());

        Matcher m = Pattern.compile("'netwright resume (\\S+) --lr (\\S+)'").matcher(t.err());
        assertTrue(m.find(), t.err());
        assertEquals(run.toString(), m.group(1));
        Cli.Result r = Cli.run("resume", run.toString(), "--lr", m.group(2), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("SGD(lr=" + m.group(2) + ", momentum=0.9)"), "the header shows the rate in "
                + "effect: " + r.err());
        assertFalse(r.err().contains("NaN"), r.err());
        JsonObject metrics = com.google.gson.JsonParser.parseString(r.out()).getAsJsonObject()
                .getAsJsonObject("metrics");
        double loss = metrics.get("train_loss").getAsDouble();
        assertTrue(Double.isFinite(loss) && loss < 2.5, "trains from sound weights: loss " + loss);
        assertEquals("finished", RunFolder.open(run).readStatus().orElseThrow().state());
    }

    @Test
    void resumeWithAnotherRateTrainsAtThatRate(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        assertEquals(0, Cli.run("train", LENET, "--epochs", "1", "--limit", "128", "--optimizer", "adam", "--out",
                run.toString()).code());
        Cli.Result r = Cli.run("resume", run.toString(), "--epochs", "2", "--lr", "0.0005");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Resuming LeNet-5"), r.out());
        assertTrue(r.out().lines().findFirst().orElseThrow().contains("Adam(lr=0.0005)"), r.out());
        List<JsonObject> batches = RunFolder.open(run).readEvents().stream()
                .filter(e -> e.get("type").getAsString().equals("batch")).toList();
        JsonObject lastBatch = batches.get(batches.size() - 1);
        assertEquals(2, lastBatch.get("epoch").getAsInt() + 1);
        assertEquals(0.0005, lastBatch.get("lr").getAsDouble(), 1e-12, "the new rate is applied, not the "
                + "checkpoint's 0.001");
    }
}
