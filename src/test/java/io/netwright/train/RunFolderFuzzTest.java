package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.io.CheckpointIO;
import io.netwright.io.Fuzz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real run folder with every file mutated in turn (config.json, run.json, metrics.csv, events.jsonl, the last
 * checkpoint's index and weights), read the ways users do — the Runs list, history, predict's model loading and a
 * resume: each mutant is read or refused with one line naming the file; nothing crashes or hangs.
 */
class RunFolderFuzzTest {

    @TempDir
    Path tmp;

    private Path pristine;
    private TrainingData data;

    @BeforeEach
    void trainOnce() throws Exception {
        data = TrainFixtures.data(40, 8, 0, 4, 3);
        TrainingConfig cfg = TrainFixtures.config(TrainFixtures.mlp(4, 6, 3)).withEpochs(2);
        pristine = tmp.resolve("pristine");
        Trainer t = Trainer.create(cfg, pristine, data);
        t.start();
        assertTrue(t.join(Duration.ofSeconds(60)));
        assertEquals(Trainer.State.FINISHED, t.state());
    }

    /** A fresh copy of the run, so a resume of one mutant does not change the next. */
    private Path copy(String name) throws IOException {
        Path to = tmp.resolve(name);
        if (Files.exists(to)) {
            try (Stream<Path> s = Files.walk(to)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> s = Files.walk(pristine)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(pristine.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }

    private static void readTheWaysUsersDo(Path run) throws IOException {
        RunStore store = new RunStore(run.getParent());
        store.summary(run);
        RunStore.history(run);
        RunModel.load(run, "last");
    }

    private void resume(Path run) throws Exception {
        Trainer t = Trainer.resumeRun(run, c -> c.withEpochs(3), data);
        var rec = new TrainFixtures.Recorder();
        t.addListener(rec);
        t.addListener(e -> {
            if (e instanceof TrainingEvent.Paused) {
                t.stop(); // damaged weights diverge: the trainer pauses for the user, who stops it here
            }
        });
        t.start();
        assertTrue(t.join(Duration.ofSeconds(20)), "resume hung");
        if (t.state() == Trainer.State.FAILED) {
            throw new IOException(((TrainingEvent.Failed) rec.last()).message());
        }
    }

    private Fuzz.Report fuzzFile(String relative, int count, boolean json, boolean alsoResume) throws Exception {
        Path seedFile = pristine.resolve(relative);
        byte[] seed = Files.readAllBytes(seedFile);
        Fuzz.Report r = new Fuzz.Report();
        java.util.Random rnd = new java.util.Random(relative.hashCode());
        for (int i = 0; i < count; i++) {
            Path run = copy("run");
            byte[] m = json && rnd.nextInt(4) != 0
                    ? (i % 25 == 0 ? Fuzz.deeplyNested(new String(seed, StandardCharsets.UTF_8), 30_000, rnd)
                            : mutateJson(new String(seed, StandardCharsets.UTF_8), rnd)).getBytes(StandardCharsets.UTF_8)
                    : mutateBytes(seed, rnd);
            Path target = run.resolve(relative);
            boolean resumeThis = alsoResume && i % 3 == 0;
            Fuzz.run(target.getParent(), target.getFileName().toString(), m, f -> {
                if (relative.endsWith("model.safetensors")) {
                    rehash(f);
                }
                readTheWaysUsersDo(run);
                if (resumeThis) {
                    resume(run);
                }
            }, r, relative + "#" + i);
        }
        System.out.println("run folder " + relative + ": " + r);
        return r;
    }

    /** Records the mutated weights' size and hash in the index, so the reader gets past the checksum to parse. */
    private static void rehash(Path weights) throws IOException {
        Path index = weights.resolveSibling("checkpoint.json");
        var o = com.google.gson.JsonParser.parseString(Files.readString(index)).getAsJsonObject();
        byte[] b = Files.readAllBytes(weights);
        var e = o.getAsJsonObject("files").getAsJsonObject("model.safetensors");
        e.addProperty("bytes", b.length);
        e.addProperty("sha256", CheckpointIO.sha256(b));
        Files.writeString(index, o.toString());
    }

    private static String mutateJson(String s, java.util.Random rnd) {
        return io.netwright.io.FuzzAccess.mutateJson(s, rnd);
    }

    private static byte[] mutateBytes(byte[] b, java.util.Random rnd) {
        return io.netwright.io.FuzzAccess.mutateBytes(b, rnd);
    }

    @Test
    void everyFileOfARunFolderSurvivesMutation() throws Exception {
        int tried = 0;
        for (Fuzz.Report r : new Fuzz.Report[] {
                fuzzFile(RunFolder.CONFIG, 200, true, true),
                fuzzFile(RunFolder.STATUS, 200, true, false),
                fuzzFile(RunFolder.METRICS, 200, false, false),
                fuzzFile(RunFolder.EVENTS, 200, true, true),
                fuzzFile("checkpoints/last/checkpoint.json", 250, true, true),
                fuzzFile("checkpoints/last/model.safetensors", 150, false, true)}) {
            assertTrue(r.clean(), r.toString());
            tried += r.tried;
        }
        System.out.println("run folder: " + tried + " mutants in all");
    }
}
