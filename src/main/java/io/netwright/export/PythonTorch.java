package io.netwright.export;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Python 3 with PyTorch importable, found on this machine: {@code /usr/bin/python3} first, then {@code python3}
 * on the {@code PATH}. Finding it runs {@code python3 -c "import torch"} (a second or two); nothing is cached.
 *
 * @param executable   the interpreter
 * @param torchVersion {@code torch.__version__}
 */
public record PythonTorch(Path executable, String torchVersion) {

    /** What {@link #run} gives back. */
    public record Outcome(int exitCode, boolean timedOut, String stdout, String stderr) {

        /** The first meaningful line of stderr (skipping a traceback header), or "" when there is none. */
        public String firstErrorLine() {
            List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                return "";
            }
            return lines.get(0).startsWith("Traceback") ? lines.get(lines.size() - 1) : lines.get(0);
        }
    }

    /** The first Python 3 with torch importable, or empty. */
    public static Optional<PythonTorch> find() {
        for (Path p : candidates()) {
            try {
                Outcome o = run(p, List.of("-c", "import torch; print(torch.__version__)"), null,
                        Duration.ofSeconds(60));
                if (o.exitCode() == 0 && !o.timedOut()) {
                    return Optional.of(new PythonTorch(p, o.stdout().strip()));
                }
            } catch (IOException e) {
                // not runnable: try the next one
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        Path system = Path.of("/usr/bin/python3");
        if (Files.isExecutable(system)) {
            out.add(system);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                for (String name : List.of("python3", "python3.exe")) {
                    Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                    if (Files.isExecutable(p) && !out.contains(p)) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** Runs this Python with {@code args} in {@code dir}, killing it after {@code timeout}. */
    public Outcome run(List<String> args, Path dir, Duration timeout) throws IOException {
        return run(executable, args, dir, timeout);
    }

    /** Runs {@code command} (a full command line) in {@code dir}, killing it after {@code timeout}. */
    public static Outcome exec(List<String> command, Path dir, Duration timeout) throws IOException {
        Path out = Files.createTempFile("netwright-py", ".out");
        Path err = Files.createTempFile("netwright-py", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
            Process proc = pb.start();
            boolean done;
            try {
                done = proc.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (!done) {
                proc.descendants().forEach(ProcessHandle::destroyForcibly);
                proc.destroyForcibly();
            }
            return new Outcome(done ? proc.exitValue() : -1, !done, text(out), text(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static Outcome run(Path python, List<String> args, Path dir, Duration timeout) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(python.toString());
        cmd.addAll(args);
        return exec(cmd, dir, timeout);
    }
}
