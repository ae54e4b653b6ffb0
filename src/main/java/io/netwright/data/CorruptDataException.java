package io.netwright.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset file that does not hold what its format promises: bad magic number, truncated data, wrong counts,
 * an undecodable image. The message names the file, where the problem is (byte offset, record, line or entry) and
 * what was expected, e.g. {@code train-images-idx3-ubyte.gz: expected 47040000 bytes of image data after the header
 * at offset 16 but the file ends after 1200}.
 */
public class CorruptDataException extends IOException {

    private final transient Path file;

    /** A problem in {@code file}, described by {@code detail} (which should say where and what was expected). */
    public CorruptDataException(Path file, String detail) {
        super(file.getFileName() + ": " + detail + " (" + file + ")");
        this.file = file;
    }

    /** The same, with the underlying cause. */
    public CorruptDataException(Path file, String detail, Throwable cause) {
        super(file.getFileName() + ": " + detail + " (" + file + ")", cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
