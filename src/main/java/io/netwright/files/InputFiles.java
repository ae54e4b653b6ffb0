package io.netwright.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads whole files the user gave us with the checks every reader needs: the path must be a regular file (a FIFO
 * would block forever, {@code /dev/zero} would never end), no larger than a cap, and text must be UTF-8.
 *
 * <pre>{@code String json = InputFiles.readUtf8(file, InputFiles.TEXT_LIMIT, "design");}</pre>
 */
public final class InputFiles {

    /** The largest JSON or text file read whole: 256 MiB. */
    public static final long TEXT_LIMIT = 256L << 20;

    private InputFiles() {
    }

    /**
     * Checks that {@code file} is an existing regular file.
     *
     * @param what what the file should be, for the message ("design", "checkpoint index")
     * @throws IOException naming the file, when it is missing, a folder, or a pipe or device
     */
    public static void requireRegularFile(Path file, String what) throws IOException {
        if (Files.isRegularFile(file)) {
            return;
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file — give the path of a " + what);
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a folder — give the path of a " + what + " file");
        }
        throw new IOException(file + ": is not a regular file (a pipe, socket or device) — give the path of a "
                + what + " file");
    }

    /**
     * The bytes of {@code file}, after {@link #requireRegularFile} and a size check against {@code maxBytes}.
     *
     * @throws IOException naming the file
     */
    public static byte[] readBytes(Path file, long maxBytes, String what) throws IOException {
        requireRegularFile(file, what);
        long size = Files.size(file);
        if (size > maxBytes || size > Integer.MAX_VALUE - 16) {
            throw new IOException(file + ": " + size + " bytes, more than a " + what + " can be (at most "
                    + Math.min(maxBytes, Integer.MAX_VALUE - 16) + ") — is this the right file?");
        }
        return Files.readAllBytes(file);
    }

    /** {@link #readBytes} decoded as strict UTF-8 (a leading byte-order mark is dropped). */
    public static String readUtf8(Path file, long maxBytes, String what) throws IOException {
        return utf8(readBytes(file, maxBytes, what), file.toString());
    }

    /**
     * {@code bytes} decoded as strict UTF-8 (a leading byte-order mark is dropped).
     *
     * @throws IOException naming {@code source} and the byte offset of the first invalid sequence
     */
    public static String utf8(byte[] bytes, String source) throws IOException {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new IOException(source + ": is not UTF-8 text (invalid bytes near offset " + firstBad(bytes)
                    + ") — save it as UTF-8");
        }
    }

    private static int firstBad(byte[] bytes) {
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
        dec.decode(in, out, true);
        return in.position();
    }
}
