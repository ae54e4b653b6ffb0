package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.io.CheckpointIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during checkpointing: a child JVM trains with a checkpoint every step and halts dead at the K-th rename
 * or fsync of its file writes ({@code netwright.fault.halt-at}), for K over every such point of the first
 * checkpoints (the first one, with nothing to replace, and swaps of last and best). After each kill, opening the
 * run finds a complete {@code checkpoints/last} whenever one had been written, leaves no temporary files, says the
 * run was interrupted, and the run resumes to the end.
 */
class CheckpointKillTest {

    @TempDir
    Path tmp;

    private record Trial(int k, int exit, List<String> saved) {
    }

    private Trial trial(int k, Path run) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dnetwright.fault.halt-at=" + k, "-Dnetwright.cpu.poison=true",
                "-cp", System.getProperty("java.class.path"), KillTrialChild.class.getName(), run.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child " + k + " did not end");
        List<String> saved = out.lines().filter(l -> l.startsWith("saved ")).toList();
        return new Trial(k, p.exitValue(), saved);
    }

    private static List<String> leftovers(Path run) throws IOException {
        try (Stream<Path> s = Files.walk(run)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(".new-") || n.contains(".old-") || n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void everyKillPointLeavesACompleteCheckpointAndAResumableRun() throws Exception {
        int killed = 0;
        int lost = 0;
        List<String> problems = new ArrayList<>();
        for (int k = 1; k <= 44; k += (k < 30 ? 1 : 3)) {
            Path run = tmp.resolve("run-" + k);
            Trial t = trial(k, run);
            if (t.exit() != 137) {
                continue; // finished before reaching point k
            }
            killed++;
            if (!Files.exists(run.resolve(RunFolder.CONFIG))) {
                continue; // killed before the run folder existed
            }
            RunFolder f = RunFolder.open(run); // repairs what the kill left
            boolean hadLast = t.saved().stream().anyMatch(s -> s.startsWith("saved last"));
            Path last = f.checkpoint("last");
            if (hadLast) {
                try {
                    CheckpointIO.load(last);
                } catch (IOException e) {
                    lost++;
                    problems.add("k=" + k + ": " + e.getMessage());
                }
            }
            List<String> left = leftovers(run);
            if (!left.isEmpty()) {
                problems.add("k=" + k + ": leftovers " + left);
            }
            var status = f.readStatus();
            if (status.isPresent() && !List.of(RunFolder.INTERRUPTED, "finished").contains(status.get().state())) {
                problems.add("k=" + k + ": status " + status.get().state());
            }
            if (Files.exists(last.resolve("checkpoint.json")) && k % 5 == 0) {
                Trainer r = Trainer.resumeRun(run, c -> c, TrainFixtures.data(32, 8, 0, 4, 3));
                r.start();
                assertTrue(r.join(java.time.Duration.ofSeconds(60)));
                if (r.state() != Trainer.State.FINISHED) {
                    problems.add("k=" + k + ": resume ended " + r.state());
                }
            }
        }
        System.out.println("kill -9 trials: " + killed + " killed, " + lost + " lost checkpoints");
        assertTrue(killed >= 20, "too few kills: " + killed);
        assertEquals(List.of(), problems);
    }
}
