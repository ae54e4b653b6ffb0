package io.netwright.train;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Child JVM of {@link RunLockTest}: prints {@code held} when another process holds the lock file, else {@code free}. */
public final class LockProbeChild {

    private LockProbeChild() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            System.out.println(l == null ? "held" : "free");
        }
    }
}
