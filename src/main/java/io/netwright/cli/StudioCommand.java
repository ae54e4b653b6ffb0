package io.netwright.cli;

import io.netwright.ui.StudioLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code netwright studio [DESIGN] [--dark]}: opens the JavaFX studio (on LeNet-5 with the bundled dataset when no
 * design is given) and returns when its window is closed.
 */
@Command(name = "studio",
        mixinStandardHelpOptions = true,
        description = "Open the studio: design networks by drag and drop, then train them. Without DESIGN it opens "
                + "the LeNet-5 sample bound to the bundled Fashion-MNIST subset.")
final class StudioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DESIGN", description = "a design file (.json) to open")
    Path design;

    @Option(names = "--dark", description = "start with the dark theme")
    boolean dark;

    @Override
    public Integer call() {
        if (design != null && !Files.isRegularFile(design)) {
            throw new ParameterException(spec.commandLine(), "no design file " + design
                    + " — give the path of a .json design, e.g. samples/designs/lenet5.json");
        }
        if (java.awt.GraphicsEnvironment.isHeadless() && System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null && isLinux()) {
            spec.commandLine().getErr().println("netwright studio: no display (DISPLAY is not set) — run it on a "
                    + "desktop, or under a virtual display: xvfb-run -a java -jar target/netwright.jar studio");
            return 1;
        }
        return StudioLauncher.launch(design, dark);
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }
}
