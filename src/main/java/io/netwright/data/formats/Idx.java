package io.netwright.data.formats;

import io.netwright.data.CorruptDataException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The IDX format of MNIST and Fashion-MNIST (unsigned-byte arrays): a 4-byte magic number {@code 00 00 08 n}
 * ({@code n} dimensions), {@code n} big-endian 32-bit sizes, then the bytes in row-major order. Files may be
 * gzip-compressed; that is detected from the first two bytes ({@code 1f 8b}), not from the name. Offsets in error
 * messages count bytes of the (decompressed) IDX stream.
 */
public final class Idx {

    private static final int UBYTE = 0x08;
    private static final int STEP = 4096;

    private Idx() {
    }

    /**
     * An IDX array of unsigned bytes.
     *
     * @param file       where it was read from
     * @param dims       the sizes, e.g. {@code [60000, 28, 28]}
     * @param data       the values, row-major
     * @param dataOffset the offset of the first data byte in the stream (the header length)
     */
    public record Array(Path file, int[] dims, byte[] data, int dataOffset) {
    }

    /**
     * Reads an unsigned-byte IDX file with {@code expectedDims} dimensions.
     *
     * @param what the data described in messages, e.g. "image data"
     * @throws CorruptDataException naming the file, the offset and what was expected, for a bad magic number, a
     *                              short header, truncated or trailing data, or a corrupt gzip stream
     */
    public static Array read(Path file, int expectedDims, String what) throws IOException {
        io.netwright.files.InputFiles.requireRegularFile(file, "IDX file");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            Counter pos = new Counter();
            byte[] magic = readFully(in, 4, pos, file, gzip);
            if (magic.length < 4) {
                throw new CorruptDataException(file, "expected a 4-byte IDX magic number at offset 0 but the file"
                        + " ends after " + magic.length + " bytes" + where(gzip, pos));
            }
            int ndim = magic[3] & 0xFF;
            if (magic[0] != 0 || magic[1] != 0 || (magic[2] & 0xFF) != UBYTE || ndim != expectedDims) {
                throw new CorruptDataException(file, String.format("bad IDX magic number 0x%02x%02x%02x%02x at "
                        + "offset 0, expected 0x000008%02x (unsigned bytes, %d dimension%s)%s", magic[0], magic[1],
                        magic[2], magic[3], expectedDims, expectedDims, expectedDims == 1 ? "" : "s",
                        hint(magic, gzip)));
            }
            byte[] header = readFully(in, 4 * ndim, pos, file, gzip);
            if (header.length < 4 * ndim) {
                throw new CorruptDataException(file, "expected " + ndim + " dimension sizes (" + 4 * ndim
                        + " bytes) at offset 4 but the file ends after " + header.length + " of them"
                        + where(gzip, pos));
            }
            int[] dims = new int[ndim];
            long total = 1;
            for (int d = 0; d < ndim; d++) {
                dims[d] = ((header[4 * d] & 0xFF) << 24) | ((header[4 * d + 1] & 0xFF) << 16)
                        | ((header[4 * d + 2] & 0xFF) << 8) | (header[4 * d + 3] & 0xFF);
                if (dims[d] < 0) {
                    throw new CorruptDataException(file, "dimension " + d + " at offset " + (4 + 4 * d) + " is "
                            + Integer.toUnsignedString(dims[d]) + ", too large to be a real size");
                }
                total *= dims[d];
            }
            int dataOffset = 4 + 4 * ndim;
            if (total > Integer.MAX_VALUE - 16) {
                throw new CorruptDataException(file, "header at offset 4 declares " + Arrays.toString(dims) + " = "
                        + total + " bytes of " + what + ", more than one array can hold (2 GB)");
            }
            byte[] data = readFully(in, (int) total, pos, file, gzip);
            if (data.length < total) {
                throw new CorruptDataException(file, "expected " + total + " bytes of " + what + " " + shape(dims)
                        + " after the header at offset " + dataOffset + " but the file ends after " + data.length
                        + where(gzip, pos));
            }
            long extra = in.transferTo(OutputStream.nullOutputStream());
            if (extra > 0) {
                throw new CorruptDataException(file, extra + " unexpected bytes after the " + what + " at offset "
                        + (dataOffset + total) + where(gzip, pos) + "; the header " + shape(dims) + " promises " + total
                        + " bytes — is the header or the file wrong?");
            }
            return new Array(file, dims, data, dataOffset);
        } catch (ZipException e) {
            throw new CorruptDataException(file, "corrupt gzip data: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new CorruptDataException(file, "the gzip stream ends before its trailer (CRC and size) — the "
                    + "file is truncated", e);
        }
    }

    private static String shape(int[] dims) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "x").append(dims[i]);
        }
        return sb.append(")").toString();
    }

    private static String hint(byte[] magic, boolean gzip) {
        if (magic[0] == 0 && magic[1] == 0 && (magic[2] & 0xFF) != UBYTE) {
            return String.format(" — element type 0x%02x is not supported, only 0x08 (unsigned byte)", magic[2]);
        }
        if (magic[0] == 0 && magic[1] == 0 && (magic[2] & 0xFF) == UBYTE) {
            return " — " + (magic[3] & 0xFF) + " dimensions: is this an images file where labels were expected, "
                    + "or the other way round?";
        }
        return gzip ? " — the gzip stream does not hold an IDX file" : " — not an IDX file";
    }

    /** Reads up to {@code n} bytes; fewer only at the end of the stream (a truncated gzip stream counts as end). */
    private static byte[] readFully(InputStream in, int n, Counter pos, Path file, boolean gzip) throws IOException {
        // the buffer grows with the data actually read, so a header claiming 2 GB costs nothing until the bytes come
        byte[] buf = new byte[Math.min(n, 1 << 20)];
        int got = 0;
        try {
            while (got < n) {
                if (got == buf.length) {
                    buf = Arrays.copyOf(buf, (int) Math.min(n, 2L * buf.length));
                }
                // Small steps so a corrupt gzip stream can be located to within one step.
                int r = in.read(buf, got, Math.min(buf.length - got, STEP));
                if (r < 0) {
                    break;
                }
                got += r;
            }
        } catch (EOFException e) {
            if (!gzip) {
                throw e;
            }
            // "Unexpected end of ZLIB input stream": the compressed file was cut short. Report as a short file.
            pos.cutShort = true;
        } catch (ZipException e) {
            throw new CorruptDataException(file, "corrupt gzip data between decompressed offsets " + (pos.value + got)
                    + " and " + (pos.value + got + Math.min(n - got, STEP)) + ": " + e.getMessage(), e);
        }
        pos.value += got;
        return got == buf.length ? buf : Arrays.copyOf(buf, got);
    }

    private static final class Counter {
        long value;
        boolean cutShort;
    }

    /** How to read offsets in a message: decompressed bytes for gzip, and whether the compressed file was cut. */
    private static String where(boolean gzip, Counter pos) {
        if (!gzip) {
            return "";
        }
        return pos.cutShort ? " (decompressed bytes; the gzip file itself is cut short)" : " (decompressed bytes)";
    }

    /** Writes an unsigned-byte IDX file, gzip-compressed if {@code gzip} (for tools and tests). */
    public static void write(Path file, int[] dims, byte[] data, boolean gzip) throws IOException {
        long total = 1;
        for (int d : dims) {
            total *= d;
        }
        if (total != data.length) {
            throw new IllegalArgumentException("Idx.write: dims " + Arrays.toString(dims) + " need " + total
                    + " bytes but " + data.length + " were given");
        }
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            out.write(new byte[]{0, 0, UBYTE, (byte) dims.length});
            for (int d : dims) {
                out.write(new byte[]{(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
            }
            out.write(data);
        }
    }
}
