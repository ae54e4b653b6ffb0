package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeCommandTest {

    @Test
    void extendsAFinishedRunByMoreEpochs(@TempDir Path dir) {
        Path run = dir.resolve("run");
        assertEquals(0, Cli.run("train", "samples/designs/lenet5.json", "--epochs", "1", "--limit", "128", "--out",
                run.toString()).code());
        Cli.Result again = Cli.run("resume", run.toString());
        assertEquals(1, again.code());
        assertEquals("netwright resume: " + run + ": the run already finished its 1 epochs — give --epochs with more "
                + "to continue it", again.err().strip());

        Cli.Result r = Cli.run("resume", run.toString(), "--epochs", "2", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("Resuming LeNet-5 (61,706 parameters) from epoch 2, step 2 on "
                + "fashion-mnist-small"), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(o.get("resumed").getAsBoolean());
        assertEquals(2, o.get("epochs").getAsInt());
        assertEquals(4, o.get("steps").getAsLong());
    }

    @Test
    void aFolderThatIsNotARunIsOneLine(@TempDir Path dir) {
        Cli.Result r = Cli.run("resume", dir.toString());
        assertEquals(1, r.code());
        assertEquals("netwright resume: " + dir + ": not a run folder (no config.json)", r.err().strip());
    }
}
