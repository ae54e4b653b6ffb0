package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.data.formats.ImageFiles;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line behaves the same way everywhere: exit codes, JSON on failure, run folders as arguments. */
class CliConsistencyTest {

    private static final String LENET = "samples/designs/lenet5.json";

    @Test
    void badOptionValuesAreUsageErrorsWithExitCodeTwo() {
        List<List<String>> cases = List.of(List.of("--batch", "0"), List.of("--lr", "-1"),
                List.of("--optimizer", "foo"), List.of("--validation", "1.5"), List.of("--device", "gpu"),
                List.of("--epochs", "0"));
        for (List<String> opt : cases) {
            Cli.Result r = Cli.run("train", LENET, opt.get(0), opt.get(1));
            assertEquals(2, r.code(), opt + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("netwright train: " + opt.get(0) + " "), r.err());
        }
        assertEquals(2, Cli.run("resume", ".", "--lr", "0").code(), "checked before the run folder");
        assertEquals(2, Cli.run("resume", ".", "--epochs", "0").code());
        assertEquals(2, Cli.run("predict", LENET, "--weights", "w", "--top", "0", "x.png").code());
        assertEquals("netwright train: --lr -1: must be a positive number",
                Cli.run("train", LENET, "--lr", "-1").err().strip(), "learning rates print as everywhere else");
    }

    @Test
    void anUnknownCommandSaysSoAndListsTheCommands() {
        Cli.Result r = Cli.run("foo");
        assertEquals(2, r.code());
        assertTrue(r.firstErrorLine().startsWith("netwright: unknown command 'foo' (commands: summary, train, "
                + "resume, predict, eval"), r.err());
        assertTrue(r.firstErrorLine().endsWith("run 'netwright --help' for usage"), r.err());
    }

    @Test
    void jsonPrintsAnErrorObjectOnStdoutOnFailure(@TempDir Path dir) {
        Cli.Result failed = Cli.run("train", LENET, "--data", "no-such-data", "--json", "--out",
                dir.resolve("r").toString());
        assertEquals(1, failed.code());
        JsonObject o = JsonParser.parseString(failed.out()).getAsJsonObject();
        assertEquals(1, o.get("exit_code").getAsInt());
        assertEquals("netwright train", o.get("command").getAsString());
        assertTrue(o.get("error").getAsString().startsWith("--data no-such-data: no such file or folder"), failed.out());

        Cli.Result usage = Cli.run("train", LENET, "--batch", "0", "--json");
        assertEquals(2, usage.code());
        JsonObject u = JsonParser.parseString(usage.out()).getAsJsonObject();
        assertEquals(2, u.get("exit_code").getAsInt());
        assertEquals("--batch 0: must be a positive number of samples", u.get("error").getAsString());

        Cli.Result parse = Cli.run("eval", "--json", "--no-such-option");
        assertEquals(2, parse.code());
        assertEquals(2, JsonParser.parseString(parse.out()).getAsJsonObject().get("exit_code").getAsInt());
    }

    @Test
    void predictTakesARunFolderInPlaceOfTheDesignAndAlignsTwoDigitRanks(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET, "--epochs", "1", "--limit", "64", "--out", run.toString());
        assertEquals(0, t.code(), t.err());
        Path image = dir.resolve("a.png");
        ImageFiles.write(SampleData.fashionMnist(Split.TEST).image(0), "png", image);

        Cli.Result p = Cli.run("predict", run.toString(), image.toString(), "--top", "20");
        assertEquals(0, p.code(), p.err());
        List<String> ranks = p.out().lines().skip(1).toList();
        assertEquals(10, ranks.size(), "the top 20 of 10 classes is all 10: " + p.out());
        assertTrue(ranks.get(0).startsWith("   1. "), p.out());
        assertTrue(ranks.get(9).startsWith("  10. "), p.out());
        Set<Integer> percentColumns = ranks.stream().map(l -> l.indexOf('%')).collect(Collectors.toSet());
        assertEquals(1, percentColumns.size(), "the probabilities line up: " + p.out());

        Cli.Result noWeights = Cli.run("predict", LENET, image.toString());
        assertEquals(2, noWeights.code());
        assertTrue(noWeights.err().startsWith("netwright predict: --weights is missing"), noWeights.err());
    }
}
