package io.netwright.export;

import io.netwright.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Atomic export outputs. A file is written to a temporary sibling and renamed over the target; a folder (a Triton
 * repository, PyTorch code) is filled in a temporary sibling folder and renamed into place, so a failed or
 * interrupted export leaves either the old output or the new one, never a mix. An existing output is refused
 * unless {@code force} is set.
 */
public final class ExportOutput {

    private ExportOutput() {
    }

    /** Fills a folder. */
    @FunctionalInterface
    public interface FolderWriter {
        /** Writes the output's files under {@code dir} (empty, existing). */
        void write(Path dir) throws IOException;
    }

    /**
     * Writes the file {@code target} atomically.
     *
     * @throws ExportException when it exists and {@code force} is false, or it cannot be written
     */
    public static void file(Path target, boolean force, AtomicFiles.Writer writer) {
        refuseExisting(target, force);
        if (Files.isDirectory(target)) {
            throw new ExportException(target + " is a folder — give a file name such as model.onnx");
        }
        try {
            AtomicFiles.write(target, writer);
        } catch (IOException e) {
            throw new ExportException(target + ": cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the folder {@code target} atomically: {@code writer} fills a temporary sibling that then replaces it.
     *
     * @throws ExportException when it exists and {@code force} is false, or it cannot be written
     */
    public static void folder(Path target, boolean force, FolderWriter writer) {
        refuseExisting(target, force);
        if (Files.isRegularFile(target)) {
            throw new ExportException(target + " is a file — give a folder name for this format");
        }
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(parent);
            tmp = sibling(parent, abs.getFileName() + ".tmp");
            Files.createDirectory(tmp); // not createTempDirectory: that makes it 0700, and the rename keeps it
            writer.write(tmp);
            if (Files.exists(abs)) {
                old = sibling(parent, abs.getFileName() + ".old");
                Files.move(abs, old);
            }
            Files.move(tmp, abs);
            tmp = null;
        } catch (IOException e) {
            if (old != null && !Files.exists(abs)) {
                try {
                    Files.move(old, abs);
                    old = null;
                } catch (IOException ignored) {
                    // the old output stays under its temporary name; the message says where
                }
            }
            throw new ExportException(target + ": cannot be written: " + e.getMessage()
                    + (old != null ? " (the previous output is in " + old + ")" : ""), e);
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(old);
        }
    }

    /** A name beside {@code target} that does not exist yet: {@code .NAME.<random>}. */
    private static Path sibling(Path parent, String name) {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        Path p;
        do {
            p = parent.resolve("." + name + "." + Long.toHexString(r.nextLong() & Long.MAX_VALUE));
        } while (Files.exists(p));
        return p;
    }

    private static void refuseExisting(Path target, boolean force) {
        if (!force && Files.exists(target)) {
            throw new ExportException(target + " exists — pass --force to replace it, or choose another --out");
        }
    }

    /** Deletes {@code dir} and everything in it; quietly does nothing for null or a missing path. */
    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless; the export's own result has been reported
        }
    }
}
