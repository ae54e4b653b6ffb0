package io.netwright.io;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.netwright.files.JsonFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Stores a {@link Checkpoint} as a folder: {@code model.safetensors}, {@code optimizer.safetensors} and
 * {@code checkpoint.json} (format version, SHA-256 and size of each file, metadata). Saving builds the new folder
 * beside the old one and swaps it in only when complete, so the previous checkpoint survives a crash mid-write.
 * Loading verifies every checksum and names the file that does not match.
 */
public final class CheckpointIO {

    /** Current folder format version. */
    public static final int FORMAT = 1;
    static final String MODEL = "model.safetensors";
    static final String OPTIMIZER = "optimizer.safetensors";
    static final String INDEX = "checkpoint.json";

    private CheckpointIO() {
    }

    /** Writes {@code checkpoint} to folder {@code dir}, replacing any previous one only once the new one is whole. */
    public static void save(Path dir, Checkpoint checkpoint) throws IOException {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        String stamp = Long.toString(System.nanoTime(), 36);
        Path tmp = parent.resolve("." + abs.getFileName() + ".new-" + stamp);
        Path old = parent.resolve("." + abs.getFileName() + ".old-" + stamp);
        try {
            Files.createDirectories(tmp);
            byte[] model = Safetensors.toBytes(checkpoint.model(), Map.of("format", "pt"));
            byte[] optim = Safetensors.toBytes(checkpoint.optimizerTensors(), Map.of());
            AtomicFiles.write(tmp.resolve(MODEL), out -> out.write(model));
            AtomicFiles.write(tmp.resolve(OPTIMIZER), out -> out.write(optim));
            JsonObject index = new JsonObject();
            index.addProperty("format", FORMAT);
            JsonObject files = new JsonObject();
            files.add(MODEL, fileEntry(model));
            files.add(OPTIMIZER, fileEntry(optim));
            index.add("files", files);
            index.add("meta", checkpoint.meta());
            AtomicFiles.writeString(tmp.resolve(INDEX), new GsonBuilder().setPrettyPrinting().create().toJson(index));
            syncDir(tmp);
            // The swap keeps a complete checkpoint at every instant: the old one moves aside (still whole), the new
            // one moves in, then the old one goes. Killed in between, recover() finds the newest complete one.
            if (Files.exists(abs)) {
                FaultPoints.reach();
                Files.move(abs, old);
                syncDir(parent);
            }
            FaultPoints.reach();
            AtomicFiles.move(tmp, abs);
            syncDir(parent);
            FaultPoints.reach();
        } finally {
            deleteTree(tmp);
            deleteTree(old);
        }
    }

    /** Flushes a folder's entries (new names, renames) to disk, where the platform allows. */
    static void syncDir(Path dir) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir,
                java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a folder for sync (Windows); its renames are durable anyway
        }
        FaultPoints.reach();
    }

    /**
     * Makes {@code dir} (e.g. {@code checkpoints/last}) a complete checkpoint again after a process was killed while
     * replacing it: the newest complete one among {@code dir} and the swap's leftovers ({@code .last.new-*}, newer;
     * {@code .last.old-*}, older) is put in its place, the swap again keeping a complete one at every instant.
     * Leftovers, and the temporary {@code .tmp} files of interrupted writes, are then removed. Never deletes the only
     * complete checkpoint. Call only when no process is writing the checkpoint.
     *
     * @return whether {@code dir} now holds a checkpoint index
     */
    public static boolean recover(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return false;
        }
        String name = abs.getFileName().toString();
        java.util.List<Path> leftovers;
        try (Stream<Path> s = Files.list(parent)) {
            leftovers = s.filter(p -> p.getFileName().toString().startsWith("." + name + ".new-")
                    || p.getFileName().toString().startsWith("." + name + ".old-")).toList();
        }
        Path best = newestComplete(abs, leftovers);
        if (best != null && !best.equals(abs)) {
            // a complete newer copy (killed after writing it, before or during the swap), or the previous one when
            // the current is damaged: swap it in, keeping a complete checkpoint at every instant
            Path aside = parent.resolve("." + name + ".old-recovered-" + Long.toString(System.nanoTime(), 36));
            if (Files.exists(abs)) {
                Files.move(abs, aside);
                syncDir(parent);
            }
            AtomicFiles.move(best, abs);
            syncDir(parent);
            deleteTree(aside);
        }
        for (Path p : leftovers) {
            if (Files.exists(p)) {
                deleteTree(p);
            }
        }
        if (Files.isDirectory(abs)) {
            try (Stream<Path> s = Files.list(abs)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return Files.isRegularFile(abs.resolve(INDEX));
    }

    /**
     * The newest complete checkpoint among {@code abs} and the swap's leftovers: a new copy is newer than the current
     * one, which is newer than an old copy; null when none is complete.
     */
    private static Path newestComplete(Path abs, java.util.List<Path> leftovers) {
        java.util.List<Path> order = new java.util.ArrayList<>();
        leftovers.stream().filter(p -> p.getFileName().toString().contains(".new-"))
                .sorted(Comparator.comparing(CheckpointIO::indexTime).reversed()).forEach(order::add);
        order.add(abs);
        leftovers.stream().filter(p -> p.getFileName().toString().contains(".old-"))
                .sorted(Comparator.comparing(CheckpointIO::indexTime).reversed()).forEach(order::add);
        for (Path c : order) {
            if (Files.isRegularFile(c.resolve(INDEX)) && complete(c)) {
                return c;
            }
        }
        return null;
    }

    private static java.util.List<Path> leftovers(Path abs) throws IOException {
        Path parent = abs.getParent();
        String name = abs.getFileName().toString();
        if (parent == null || !Files.isDirectory(parent)) {
            return java.util.List.of();
        }
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + name + ".new-")
                    || p.getFileName().toString().startsWith("." + name + ".old-")).toList();
        }
    }

    private static boolean complete(Path dir) {
        try {
            loadChecked(dir);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static java.nio.file.attribute.FileTime indexTime(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve(INDEX));
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /**
     * Reads a checkpoint folder, verifying sizes and checksums.
     *
     * @throws IOException naming the folder or file and the fix
     */
    public static Checkpoint load(Path dir) throws IOException {
        return io.netwright.files.ReadGuard.read(dir, "checkpoint", "use another checkpoint (e.g. checkpoints/best)",
                () -> loadChecked(dir));
    }

    private static Checkpoint loadChecked(Path dir) throws IOException {
        Path index = dir.resolve(INDEX);
        if (!Files.exists(index)) {
            // a process killed mid-swap: read the newest complete copy it left (recover() puts it back in place)
            Path abs = dir.toAbsolutePath();
            Path best = newestComplete(abs, leftovers(abs));
            if (best != null) {
                return loadChecked(best);
            }

            throw new IOException(dir + ": not a checkpoint folder (" + INDEX + " is missing) — pass a folder such "
                    + "as RUN_DIR/checkpoints/last");
        }
        JsonFields json = JsonFields.of(index, io.netwright.files.JsonInput.readObject(index, "checkpoint index"));
        long format = json.wholeNumber("format", Long.MIN_VALUE, Long.MAX_VALUE);
        if (format != FORMAT) {
            throw new IOException(index + ": checkpoint format " + format + " is not supported (expected " + FORMAT
                    + ") — it was written by another version of Netwright");
        }
        JsonFields files = json.object("files");
        byte[] model = verified(dir, MODEL, files);
        byte[] optim = verified(dir, OPTIMIZER, files);
        return new Checkpoint(Safetensors.parse(dir.resolve(MODEL).toString(), model).tensors(),
                Safetensors.parse(dir.resolve(OPTIMIZER).toString(), optim).tensors(),
                json.has("meta") ? json.object("meta").json() : new JsonObject());
    }

    private static byte[] verified(Path dir, String name, JsonFields files) throws IOException {
        Path file = dir.resolve(name);
        if (!files.has(name)) {
            throw new IOException(dir.resolve(INDEX) + ": no entry for " + name + " — the checkpoint is incomplete");
        }
        JsonFields entry = files.object(name);
        long size = entry.wholeNumber("bytes", 0, Integer.MAX_VALUE - 16);
        String expected = entry.string("sha256");
        if (!Files.exists(file)) {
            throw new IOException(file + ": missing — the checkpoint is incomplete; use another checkpoint");
        }
        byte[] bytes = io.netwright.files.InputFiles.readBytes(file, size + 1, "checkpoint file of " + size
                + " bytes as " + INDEX + " records");
        if (bytes.length != size) {
            throw new IOException(file + ": " + bytes.length + " bytes but " + INDEX + " records " + size
                    + " — the file is truncated or was replaced; use another checkpoint");
        }
        String actual = sha256(bytes);
        if (!expected.equals(actual)) {
            throw new IOException(file + ": SHA-256 " + actual + " does not match " + expected + " recorded in "
                    + INDEX + " — the file is corrupt; use another checkpoint");
        }
        return bytes;
    }

    private static JsonObject fileEntry(byte[] bytes) {
        JsonObject o = new JsonObject();
        o.addProperty("bytes", bytes.length);
        o.addProperty("sha256", sha256(bytes));
        return o;
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
