package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.netwright.backend.Device;
import io.netwright.backend.Devices;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --device} on eval, predict and resume: the same figures on cuda as on the CPU, and a run moving between
 * devices (checkpoints are device-neutral). On machines without a GPU, cuda is the host test driver.
 */
@Tag("cuda")
class DeviceCommandsTest {

    private static final String LENET = "samples/designs/lenet5.json";

    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void train() {
        run = dir.resolve("run");
        Cli.Result t = Cli.run("train", LENET, "--epochs", "1", "--limit", "128", "--out", run.toString());
        assertEquals(0, t.code(), t.err());
    }

    private static void needCuda() {
        Assumptions.assumeTrue(Devices.shared().isAvailable(Device.cuda(0)), "skipped: cuda:0 is not available");
    }

    private static JsonObject eval(String device) {
        Cli.Result r = Cli.run("eval", run.toString(), "--limit", "32", "--json", "--device", device);
        assertEquals(0, r.code(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    @Test
    void evalOnCudaGivesTheCpuFigures() {
        needCuda();
        JsonObject cpu = eval("cpu");
        JsonObject cuda = eval("cuda");
        assertEquals(cpu.get("accuracy").getAsDouble(), cuda.get("accuracy").getAsDouble(), cpu.toString());
        assertEquals(cpu.get("loss").getAsDouble(), cuda.get("loss").getAsDouble(), 1e-4);
    }

    @Test
    void predictOnCudaGivesTheCpuProbabilities() throws Exception {
        needCuda();
        Path png = dir.resolve("shirt.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(28, 28,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 6; y < 22; y++) {
            for (int x = 8; x < 20; x++) {
                img.getRaster().setSample(x, y, 0, 200);
            }
        }
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        Cli.Result cpu = Cli.run("predict", run.toString(), png.toString(), "--device", "cpu");
        Cli.Result cuda = Cli.run("predict", run.toString(), png.toString(), "--device", "cuda:0");
        assertEquals(0, cuda.code(), cuda.err());
        assertEquals(cpu.out(), cuda.out());
    }

    @Test
    void aRunTrainedOnCudaResumesOnTheCpu() {
        needCuda();
        Path r = dir.resolve("gpu-run");
        Cli.Result t = Cli.run("train", LENET, "--epochs", "1", "--limit", "64", "--batch", "32", "--device", "cuda",
                "--out", r.toString());
        assertEquals(0, t.code(), t.err());
        Cli.Result resumed = Cli.run("resume", r.toString(), "--epochs", "2", "--device", "cpu", "--json");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(Files.isDirectory(r.resolve("checkpoints/last")));
        JsonObject s = JsonParser.parseString(resumed.out()).getAsJsonObject();
        assertEquals(2, s.get("epochs").getAsInt(), s.toString());
    }

    @Test
    void autoSaysWhyItRunsOnTheCpu() {
        Cli.Result r = Cli.run("eval", run.toString(), "--limit", "16", "--device", "auto");
        assertEquals(0, r.code(), r.err());
        if (Devices.shared().auto().kind() == Device.Kind.CPU) {
            assertTrue(r.err().contains("device auto: running on the CPU"), r.err());
        }
    }

    @Test
    void anUnknownDeviceIsAUsageError() {
        Cli.Result r = Cli.run("eval", run.toString(), "--device", "tpu");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.firstErrorLine().contains("use cpu, cuda, cuda:N or auto"), r.err());
    }
}
