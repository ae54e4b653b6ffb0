package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netwright.train.TrainingEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C and SIGTERM: the run says where it stopped and how to resume, and the last progress line agrees. */
class StopReportTest {

    private static TrainingEvent.BatchEnd batch(int b) {
        return new TrainingEvent.BatchEnd(0, b, b, 100, 0.5f, 0.6, 0.4, 0.001, 500, 30);
    }

    @Test
    void stopShowsTheStepItStoppedAtEvenWhenTheBarWasThrottled() {
        StringWriter out = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(out), true, 2);
        ConsoleListener listener = new ConsoleListener(progress, null, 2, "data");
        for (int b = 1; b <= 37; b++) {
            listener.onEvent(batch(b)); // redrawn at most ten times a second: most are not drawn
        }
        TrainingEvent.Stopped stop = new TrainingEvent.Stopped(0, 37, Path.of("run/checkpoints/last"));
        listener.onEvent(stop);
        String[] frames = out.toString().split("[\r\n]");
        String lastBar = List.of(frames).stream().filter(f -> f.startsWith("epoch ")).reduce((a, b) -> b).orElse("");
        assertTrue(lastBar.startsWith("epoch 1/2 [=======>            ]  37/100  loss 0.6000"), lastBar);
        assertTrue(out.toString().endsWith("\n"), "the bar line is ended");
        assertEquals("stopped at epoch 1/2, batch 37/100 (step 37); checkpoints/last is from step 37 — continue "
                + "with 'netwright resume run'", listener.stopLine(stop, Path.of("run")));
    }

    @Test
    void sigtermPrintsWhereTheRunStoppedAndHowToResume(@TempDir Path dir) throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows"),
                "Process.destroy sends SIGTERM on Unix");
        Path run = dir.resolve("run");
        Path log = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "io.netwright.cli.Main", "train",
                "samples/designs/lenet5.json", "--epochs", "20", "--batch", "16", "--out", run.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(log).contains("epoch 1/20 [") && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(p.isAlive(), Files.readString(log));
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped within a minute");
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(log);
        String text = String.join("\n", lines);
        String stop = lines.stream().filter(l -> l.startsWith("stopped at ")).findFirst().orElse("");
        String resume = " — continue with 'netwright resume " + java.util.regex.Pattern.quote(run.toString()) + "'";
        if (stop.startsWith("stopped at the end of epoch")) { // the signal came as an epoch ended
            assertTrue(stop.matches("stopped at the end of epoch \\d+/20 \\(step (\\d+)\\); checkpoints/last is "
                    + "from step \\1" + resume), text);
            return;
        }
        assertTrue(stop.matches("stopped at epoch 1/20, batch (\\d+)/169 \\(step \\1\\); checkpoints/last is from "
                + "step \\1" + resume), text);
        String batch = stop.replaceAll(".*, batch (\\d+)/.*", "$1");
        String lastBar = lines.get(lines.indexOf(stop) - 1);
        assertTrue(lastBar.matches("epoch 1/20 \\[[=> ]+\\] +" + batch + "/169 .*"), text);
        assertEquals(1, lines.stream().filter(l -> l.contains("stopped at")).count(), "reported once: " + text);
        assertTrue(Files.isRegularFile(run.resolve("checkpoints/last/checkpoint.json")), text);
    }
}
