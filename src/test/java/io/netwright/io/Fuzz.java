package io.netwright.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded mutation fuzzing of file readers: mutates a valid file (bytes, or the JSON tree), runs the reader on each
 * mutant and sorts the outcomes. A reader passes when every mutant is either read or refused with an
 * {@link IOException} or {@link IllegalArgumentException} whose one-line message names the file and shows no raw
 * JVM or Gson exception text; anything else (another exception, an {@link Error} such as
 * {@code OutOfMemoryError} or {@code StackOverflowError}) is a crash.
 */
public final class Fuzz {

    /** A reader under test: reads {@code file}, throwing what a user would see. */
    @FunctionalInterface
    public interface Reader {
        void read(Path file) throws Exception;
    }

    /** The outcomes of one campaign. */
    public static final class Report {
        public int tried;
        public int read;
        public int refused;
        public final List<String> crashes = new ArrayList<>();
        public final List<String> badMessages = new ArrayList<>();
        final Map<String, Integer> kinds = new TreeMap<>();

        /** Whether nothing crashed and every refusal was clean. */
        public boolean clean() {
            return crashes.isEmpty() && badMessages.isEmpty();
        }

        @Override
        public String toString() {
            return tried + " inputs: " + read + " read, " + refused + " refused cleanly, " + crashes.size()
                    + " crashes, " + badMessages.size() + " unclear messages" + (clean() ? "" : "\n  crashes: "
                    + crashes.stream().limit(8).toList() + "\n  unclear: " + badMessages.stream().limit(8).toList());
        }
    }

    /** Hostile replacement values for JSON mutations. */
    static final List<String> HOSTILE = List.of("1e2147483648", "-1e-2147483649", "9223372036854775807",
            "-9223372036854775808", "1e400", "-1", "0", "2147483648", "1048576", "1.5", "\"x\"", "\"\"", "\"🙂\"",
            "null", "true", "[]", "{}", "[1,2]", "{\"a\":1}", "\"NaN\"", "-0.0", "123456789012345678901234567890");

    private static final List<String> RAW_JVM = List.of("java.lang.", "java.util.", "com.google.gson",
            "Exception:", "NullPointerException", "ClassCastException", "Cannot invoke", "Index ", "out of bounds",
            "because \"");

    private Fuzz() {
    }

    /** Runs {@code count} byte-level mutants of {@code seed} (named {@code name} in {@code dir}) through {@code r}. */
    public static Report bytes(Path dir, String name, byte[] seed, int count, long rngSeed, Reader r)
            throws IOException {
        Random rnd = new Random(rngSeed);
        Report rep = new Report();
        for (int i = 0; i < count; i++) {
            byte[] m = mutateBytes(seed, rnd);
            run(dir, name, m, r, rep, "bytes#" + i);
        }
        return rep;
    }

    /** Runs {@code count} JSON-tree mutants (and some raw-text ones) of {@code json} through {@code r}. */
    public static Report json(Path dir, String name, String json, int count, long rngSeed, Reader r)
            throws IOException {
        Random rnd = new Random(rngSeed);
        Report rep = new Report();
        for (int i = 0; i < count; i++) {
            String m = rnd.nextInt(25) == 0 ? deeplyNested(json, rnd.nextBoolean() ? 50_000 : 2_000, rnd)
                    : rnd.nextInt(5) == 0 ? new String(mutateBytes(json.getBytes(StandardCharsets.UTF_8), rnd),
                    StandardCharsets.UTF_8) : mutateJson(json, rnd);
            run(dir, name, m.getBytes(StandardCharsets.UTF_8), r, rep, "json#" + i);
        }
        return rep;
    }

    /** Writes {@code content} to {@code dir/name} and sorts what {@code r} does with it into {@code rep}. */
    public static void run(Path dir, String name, byte[] content, Reader r, Report rep, String label)
            throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        rep.tried++;
        try {
            r.read(f);
            rep.read++;
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            String msg = String.valueOf(e.getMessage());
            String first = msg.lines().findFirst().orElse("");
            String fileName = f.getFileName().toString();
            boolean names = msg.contains(fileName) || msg.contains(dir.getFileName().toString());
            boolean raw = RAW_JVM.stream().anyMatch(msg::contains);
            if (!names || raw || first.isBlank()) {
                rep.badMessages.add(label + " " + e.getClass().getSimpleName() + ": " + first);
            } else {
                rep.refused++;
            }
        } catch (Throwable t) {
            rep.crashes.add(label + " " + t.getClass().getName() + ": " + String.valueOf(t.getMessage())
                    .lines().findFirst().orElse("") + " at " + where(t));
        }
    }

    private static String where(Throwable t) {
        return Arrays.stream(t.getStackTrace()).filter(s -> s.getClassName().startsWith("io.netwright")).findFirst()
                .map(StackTraceElement::toString).orElse("?");
    }

    // ================================================================ mutators

    static byte[] mutateBytes(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int kind = rnd.nextInt(7);
        if (b.length == 0) {
            return new byte[] {(byte) rnd.nextInt()};
        }
        int at = rnd.nextInt(b.length);
        switch (kind) {
            case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
            case 1 -> b[at] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, '"', '{', '[', '9'}[rnd.nextInt(8)];
            case 2 -> {
                int v = new int[] {0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0, 0x40000000, 0x10000}[rnd.nextInt(6)];
                for (int k = 0; k < 4 && at + k < b.length; k++) {
                    b[at + k] = (byte) (rnd.nextBoolean() ? v >>> (24 - 8 * k) : v >>> (8 * k));
                }
            }
            case 3 -> b = Arrays.copyOf(b, at);
            case 4 -> {
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = (byte) rnd.nextInt();
                System.arraycopy(b, at, out, at + 1, b.length - at);
                b = out;
            }
            case 5 -> {
                int len = Math.min(b.length - at, 1 + rnd.nextInt(16));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                b = out;
            }
            default -> {
                for (int k = 0; k < 1 + rnd.nextInt(8); k++) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt();
                }
            }
        }
        return b;
    }

    static String mutateJson(String json, Random rnd) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (RuntimeException e) {
            return json;
        }
        List<JsonElement> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return json;
        }
        JsonElement c = containers.get(rnd.nextInt(containers.size()));
        JsonElement value = rnd.nextInt(12) == 0 ? deep(rnd.nextBoolean() ? 100_000 : 300)
                : JsonParser.parseString(HOSTILE.get(rnd.nextInt(HOSTILE.size())));
        if (c.isJsonObject()) {
            JsonObject o = c.getAsJsonObject();
            List<String> keys = new ArrayList<>(o.keySet());
            if (keys.isEmpty()) {
                o.add("x", value);
            } else {
                String k = keys.get(rnd.nextInt(keys.size()));
                if (rnd.nextInt(4) == 0) {
                    o.remove(k);
                } else {
                    o.add(k, value);
                }
            }
        } else {
            JsonArray a = c.getAsJsonArray();
            if (a.isEmpty()) {
                a.add(value);
            } else if (rnd.nextInt(4) == 0) {
                a.remove(rnd.nextInt(a.size()));
            } else {
                a.set(rnd.nextInt(a.size()), value);
            }
        }
        String out = root.toString();
        // Gson writes big numbers as parsed; keep the hostile spellings literally
        return out;
    }

    private static void collect(JsonElement e, List<JsonElement> out) {
        if (e.isJsonObject()) {
            out.add(e);
            e.getAsJsonObject().entrySet().forEach(x -> collect(x.getValue(), out));
        } else if (e.isJsonArray()) {
            out.add(e);
            e.getAsJsonArray().forEach(x -> collect(x, out));
        }
    }

    private static JsonElement deep(int depth) {
        // a string standing in for deep nesting: the raw text is spliced in by the caller's serializer as a string,
        // so build the nesting as text and parse it lazily only when it is shallow enough for Gson itself
        if (depth > 1000) {
            return new JsonPrimitive("[".repeat(depth));
        }
        JsonArray a = new JsonArray();
        JsonArray cur = a;
        for (int i = 0; i < depth; i++) {
            JsonArray n = new JsonArray();
            cur.add(n);
            cur = n;
        }
        return a;
    }

    /** {@code text} with deep nesting ({@code depth} open brackets) spliced in at a random place. */
    public static String deeplyNested(String text, int depth, Random rnd) {
        int at = rnd.nextInt(Math.max(1, text.length()));
        return text.substring(0, at) + "[".repeat(depth) + text.substring(at);
    }
}
