package io.netwright.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the studio: the one entry point the command line uses ({@code netwright studio}). It does not extend
 * {@code Application}, which lets the JavaFX runtime start from the class path of a non-modular jar.
 *
 * <pre>{@code StudioLauncher.launch(null, false);  // LeNet-5 on the bundled data, light theme}</pre>
 */
public final class StudioLauncher {

    private StudioLauncher() {
    }

    /** {@code java -cp ... io.netwright.ui.StudioLauncher [design.json] [--theme=dark]}. */
    public static void main(String[] args) {
        Application.launch(StudioApp.class, args);
    }

    /**
     * Opens the studio on {@code design} (null for the start design) and returns when its window is closed, with the
     * exit code for the command line. When JavaFX came from the class path ({@code java -jar}) the studio runs in a
     * child JVM with JavaFX on the module path (see {@link JavaFxModulePath}).
     */
    public static int launch(Path design, boolean dark) {
        List<String> args = new ArrayList<>();
        if (design != null) {
            args.add(design.toString());
        }
        if (dark) {
            args.add("--theme=dark");
        }
        if (JavaFxModulePath.shouldRelaunch()) {
            return JavaFxModulePath.relaunch(StudioLauncher.class.getName(), args);
        }
        Application.launch(StudioApp.class, args.toArray(String[]::new));
        return 0;
    }
}
