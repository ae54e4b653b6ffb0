package io.netwright.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a peer benchmark script (NumPy, PyTorch) in the same run as ours and parses its
 * {@code name key=value ...} lines, so figures are reported as ratios measured side by side on a noisy machine.
 */
final class Peer {

    private Peer() {
    }

    /** Parsed lines: the first token → its {@code key=value} pairs as numbers (non-numeric values are skipped). */
    record Output(List<Map<String, String>> lines, String raw) {
        /** The line whose tokens include all {@code key=value} pairs of {@code match}. */
        Map<String, String> find(Map<String, String> match) {
            for (Map<String, String> l : lines) {
                if (match.entrySet().stream().allMatch(e -> e.getValue().equals(l.get(e.getKey())))) {
                    return l;
                }
            }
            return null;
        }
    }

    /** Locates {@code scripts/NAME} relative to the working directory or the jar's folder. */
    static Path script(String name) throws IOException {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("scripts", name)));
        try {
            Path jar = Path.of(Peer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            candidates.add(jar.getParent().resolve("../scripts").resolve(name).normalize());
        } catch (Exception e) {
            // no code source: the working directory is the only place to look
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("cannot find scripts/" + name + " — run from the repository root, or pass --no-compare");
    }

    /** Runs {@code command}; each output line becomes {@code {"name": first token, key: value, ...}}. */
    static Output run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Map<String, String>> lines = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                raw.append(line).append('\n');
                String[] parts = line.trim().split("\\s+");
                if (parts.length < 2 || line.startsWith("#")) {
                    continue;
                }
                Map<String, String> m = new HashMap<>();
                m.put("name", parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    String[] kv = parts[i].split("=", 2);
                    if (kv.length == 2) {
                        m.put(kv[0], kv[1]);
                    }
                }
                lines.add(m);
            }
        }
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + rc + ":\n" + raw.toString().trim());
        }
        return new Output(lines, raw.toString());
    }
}
