package io.netwright.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code java -jar ... studio} starts the studio again with JavaFX as named modules. */
class JavaFxModulePathTest {

    /** The child's entry point in {@link #theChildJvmLoadsJavaFxAsNamedModules}: prints what it loaded JavaFX as. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println(javafx.application.Application.class.getModule().getName() + " "
                    + javafx.scene.control.Control.class.getModule().getName() + " " + String.join(",", args));
        }
    }

    @Test
    void testsLoadJavaFxFromTheClassPathAndTurnTheRelaunchOff() {
        assertFalse(JavaFxModulePath.onModulePath());
        assertEquals("false", System.getProperty(JavaFxModulePath.RELAUNCH), "set by the surefire configuration");
        assertFalse(JavaFxModulePath.shouldRelaunch());
    }

    @Test
    void theOptionsAddTheStudiosModules() {
        List<String> opts = JavaFxModulePath.options();
        assertEquals("--add-modules=javafx.controls,javafx.swing", opts.get(0));
        assertTrue(opts.stream().allMatch(o -> o.startsWith("--add-")), opts.toString());
    }

    @Test
    void theCommandPutsTheFourJavaFxJarsOnTheModulePathAndNotOnTheClassPath() {
        List<Path> jars = JavaFxModulePath.jars();
        assertEquals(4, jars.size(), jars.toString());
        List<String> cmd = JavaFxModulePath.command("x.Main", List.of("a.json"));
        String modulePath = cmd.stream().filter(a -> a.startsWith("--module-path=")).findFirst().orElseThrow();
        jars.forEach(j -> assertTrue(modulePath.contains(j.toString()), modulePath));
        String classPath = cmd.get(cmd.indexOf("-cp") + 1);
        jars.forEach(j -> assertFalse(classPath.contains(j.toString()), classPath));
        assertTrue(cmd.contains("-D" + JavaFxModulePath.RELAUNCH + "=false"), "the child must not relaunch again");
        assertEquals(List.of("x.Main", "a.json"), cmd.subList(cmd.size() - 2, cmd.size()));
    }

    @Test
    void theChildJvmLoadsJavaFxAsNamedModules() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(JavaFxModulePath.command(Probe.class.getName(), List.of("d.json")))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("javafx.graphics javafx.controls d.json"), out);
    }
}
