package io.netwright.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.application.Application;

/**
 * Keeps JavaFX on the module path, the only configuration OpenJFX supports. The packaged app starts with JavaFX
 * there (jpackage {@code --java-options}); {@code java -jar netwright.jar studio} loads it from the class path, so
 * the studio is started again in a child JVM with the JavaFX jars on {@code --module-path}, the same class path for
 * everything else, the parent's JVM options and {@link #OPTIONS_RESOURCE}'s options. Setting
 * {@code -Dnetwright.studio.relaunch=false} opens the studio in the running JVM instead (the tests do).
 */
final class JavaFxModulePath {

    /** The system property that turns the relaunch off ({@code false}). */
    static final String RELAUNCH = "netwright.studio.relaunch";

    /** The JVM options JavaFX on the module path needs, one a line (also read by {@code installer/jpackage.sh}). */
    static final String OPTIONS_RESOURCE = "javafx-jvm-options.txt";

    /** One class of each JavaFX module the studio uses: their code sources are the jars for the module path. */
    private static final List<String> MODULE_CLASSES = List.of("javafx.beans.Observable",
            "javafx.application.Application", "javafx.scene.control.Control", "javafx.embed.swing.SwingNode");

    private JavaFxModulePath() {
    }

    /** Whether JavaFX was loaded as named modules (from the module path or a runtime image). */
    static boolean onModulePath() {
        return Application.class.getModule().isNamed();
    }

    /** Whether the studio should start again with JavaFX on the module path. */
    static boolean shouldRelaunch() {
        return !onModulePath() && !"false".equalsIgnoreCase(System.getProperty(RELAUNCH, "true"))
                && jars().size() == MODULE_CLASSES.size();
    }

    /** The child JVM's command line that runs {@code mainClass} with {@code args} and JavaFX as modules. */
    static List<String> command(String mainClass, List<String> args) {
        List<Path> fx = jars();
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("--module-path") && !a.startsWith("-Djava.class.path")) {
                cmd.add(a);
            }
        }
        cmd.add("-D" + RELAUNCH + "=false");
        cmd.add("--module-path=" + String.join(java.io.File.pathSeparator, fx.stream().map(Path::toString).toList()));
        cmd.addAll(options());
        cmd.add("-cp");
        cmd.add(classPath(fx));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Runs {@link #command} with this process's standard streams and returns the child's exit code. */
    static int relaunch(String mainClass, List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(command(mainClass, args)).inheritIO();
        try {
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy, "studio-child-stop"));
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the studio's JVM (" + pb.command().get(0) + "): "
                    + e.getMessage() + " — run with -D" + RELAUNCH + "=false to open it in this JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** The options of {@link #OPTIONS_RESOURCE}, comments and blank lines left out. */
    static List<String> options() {
        try (InputStream in = JavaFxModulePath.class.getResourceAsStream(OPTIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPTIONS_RESOURCE + " is missing from the jar — rebuild it");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jars of the JavaFX modules the studio uses, as loaded now (fewer when one is not a plain jar). */
    static List<Path> jars() {
        Set<Path> out = new LinkedHashSet<>();
        for (String name : MODULE_CLASSES) {
            try {
                location(Class.forName(name, false, JavaFxModulePath.class.getClassLoader())).ifPresent(out::add);
            } catch (ClassNotFoundException e) {
                return List.of();
            }
        }
        return List.copyOf(out);
    }

    /** This JVM's class path with the JavaFX jars left out, the jar's manifest {@code Class-Path} spelled out. */
    private static String classPath(List<Path> fx) {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (e.isEmpty()) {
                continue;
            }
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (!fx.contains(p)) {
                out.add(p.toString());
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private static Optional<Path> location(Class<?> c) {
        try {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return Optional.empty();
            }
            Path p = Path.of(cs.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path java = bin.resolve("java");
        return Files.isExecutable(java) ? java.toString() : bin.resolve("java.exe").toString();
    }
}
