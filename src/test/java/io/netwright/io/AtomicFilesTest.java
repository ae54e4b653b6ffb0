package io.netwright.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    @Test
    void writtenFileGetsThePermissionsOfAPlainlyCreatedFile() throws IOException {
        assumePosix();
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "x");
        Path atomic = dir.resolve("atomic.txt");
        AtomicFiles.writeString(atomic, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(PosixFilePermissions.toString(expected),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)));
        // Under the usual 022 umask that is rw-r--r--: group and others can read it.
        if (expected.contains(PosixFilePermission.OTHERS_READ)) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(atomic)));
        }
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws IOException {
        assumePosix();
        Path f = dir.resolve("kept.txt");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(f, "new");
        assertEquals("new", Files.readString(f));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void failedWriteLeavesTargetAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("t.txt");
        Files.writeString(f, "old");
        try {
            AtomicFiles.write(f, out -> {
                out.write(1);
                throw new IOException("boom");
            });
        } catch (IOException expected) {
            assertEquals("boom", expected.getMessage());
        }
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }
}
