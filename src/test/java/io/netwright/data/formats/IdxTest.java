package io.netwright.data.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.CorruptDataException;
import io.netwright.data.ImageDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    @TempDir
    Path dir;

    /** 5 images of 4x3 with pixel value 10*i + p, labels 0, 1, 2, 0, 1. */
    private static byte[] pixels() {
        byte[] px = new byte[5 * 12];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (10 * (i / 12) + i % 12);
        }
        return px;
    }

    private static final byte[] LABELS = {0, 1, 2, 0, 1};
    private static final java.util.List<String> ABC = java.util.List.of("a", "b", "c");

    private void writeSet(String prefix, boolean gzip) throws IOException {
        String ext = gzip ? ".gz" : "";
        Idx.write(dir.resolve(prefix + "-images-idx3-ubyte" + ext), new int[]{5, 4, 3}, pixels(), gzip);
        Idx.write(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), new int[]{5}, LABELS, gzip);
    }

    @Test
    void rawAndGzipFilesRoundTrip() throws IOException {
        writeSet("train", false);
        writeSet("t10k", true);
        for (Split split : Split.values()) {
            ImageDataset ds = Mnist.load(dir, split, ABC, "test");
            assertEquals(5, ds.size());
            assertEquals(1, ds.channels());
            assertEquals(4, ds.height());
            assertEquals(3, ds.width());
            assertArrayEquals(new int[]{0, 1, 2, 0, 1}, ds.labels());
            ByteImage img = ds.get(3).input();
            assertEquals(30 + 1 * 3 + 2, img.get(0, 1, 2));
            assertArrayEquals(new int[]{2, 2, 1}, ds.classCounts());
        }
    }

    @Test
    void gzipIsDetectedFromMagicBytesNotTheName() throws IOException {
        Path gzNamedRaw = dir.resolve("a.gz");
        Path rawNamedGz = dir.resolve("b.idx");
        Idx.write(gzNamedRaw, new int[]{5}, LABELS, false);
        Idx.write(rawNamedGz, new int[]{5}, LABELS, true);
        assertArrayEquals(LABELS, Idx.read(gzNamedRaw, 1, "label data").data());
        assertArrayEquals(LABELS, Idx.read(rawNamedGz, 1, "label data").data());
    }

    @Test
    void truncatedImageDataNamesFileOffsetAndExpectedSize() throws IOException {
        Path f = dir.resolve("train-images-idx3-ubyte");
        Idx.write(f, new int[]{10, 28, 28}, new byte[7840], false);
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 16 + 1200));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> Idx.read(f, 3, "image data"));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte: expected 7840 bytes of image data "
                + "(10x28x28) after the header at offset 16 but the file ends after 1200"), e.getMessage());
        assertEquals(f, e.file());
    }

    @Test
    void truncatedShippedGzipFileIsReportedInDecompressedBytes() throws IOException {
        Path src = SampleData.root().resolve(SampleData.FASHION_MNIST).resolve("train-images-idx3-ubyte.gz");
        Path f = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] all = Files.readAllBytes(src);
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> Idx.read(f, 3, "image data"));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte.gz: expected 2352000 bytes of image data "
                + "(3000x28x28) after the header at offset 16 but the file ends after "), e.getMessage());
        assertTrue(e.getMessage().contains("(decompressed bytes; the gzip file itself is cut short)"),
                e.getMessage());
    }

    @Test
    void gzipMissingItsTrailerIsTruncated() throws IOException {
        Path src = SampleData.root().resolve(SampleData.FASHION_MNIST).resolve("t10k-labels-idx1-ubyte.gz");
        Path f = dir.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] all = Files.readAllBytes(src);
        Files.write(f, Arrays.copyOf(all, all.length - 4)); // drop the ISIZE field of the trailer
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> Idx.read(f, 1, "label data"));
        assertTrue(e.getMessage().startsWith("t10k-labels-idx1-ubyte.gz: "), e.getMessage());
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void corruptGzipDataIsReported() throws IOException {
        Path src = SampleData.root().resolve(SampleData.FASHION_MNIST).resolve("t10k-images-idx3-ubyte.gz");
        Path f = dir.resolve("t10k-images-idx3-ubyte.gz");
        byte[] all = Files.readAllBytes(src);
        for (int i = 1000; i < 1100; i++) {
            all[i] ^= (byte) 0x5A;
        }
        Files.write(f, all);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> Idx.read(f, 3, "image data"));
        assertTrue(e.getMessage().startsWith("t10k-images-idx3-ubyte.gz: "), e.getMessage());
        assertTrue(e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void badMagicNumbersSayWhatWasExpected() throws IOException {
        Path labels = dir.resolve("labels");
        Idx.write(labels, new int[]{5}, LABELS, false);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> Idx.read(labels, 3, "image data"));
        assertTrue(e.getMessage().startsWith("labels: bad IDX magic number 0x00000801 at offset 0, expected "
                + "0x00000803 (unsigned bytes, 3 dimensions) — 1 dimensions: is this an images file where labels "
                + "were expected, or the other way round?"), e.getMessage());
        Path png = dir.resolve("picture.png");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        assertTrue(assertThrows(CorruptDataException.class, () -> Idx.read(png, 1, "label data")).getMessage()
                .contains("not an IDX file"));
        Path floats = dir.resolve("floats");
        Files.write(floats, new byte[]{0, 0, 0x0D, 1, 0, 0, 0, 0});
        assertTrue(assertThrows(CorruptDataException.class, () -> Idx.read(floats, 1, "label data")).getMessage()
                .contains("element type 0x0d is not supported"));
    }

    @Test
    void shortHeaderAndTrailingBytesAreReported() throws IOException {
        Path f = dir.resolve("short");
        Files.write(f, new byte[]{0, 0, 8, 3, 0, 0, 0, 5, 0, 0});
        assertTrue(assertThrows(CorruptDataException.class, () -> Idx.read(f, 3, "image data")).getMessage()
                .contains("expected 3 dimension sizes (12 bytes) at offset 4 but the file ends after 6 of them"));
        Path g = dir.resolve("long");
        Idx.write(g, new int[]{5}, LABELS, false);
        Files.write(g, new byte[]{1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertTrue(assertThrows(CorruptDataException.class, () -> Idx.read(g, 1, "label data")).getMessage()
                .contains("3 unexpected bytes after the label data at offset 13"));
    }

    @Test
    void imageAndLabelCountsMustMatch() throws IOException {
        writeSet("train", true);
        Idx.write(dir.resolve("train-labels-idx1-ubyte.gz"), new int[]{4}, Arrays.copyOf(LABELS, 4), true);
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> Mnist.load(dir, Split.TRAIN, ABC, "x"));
        assertTrue(e.getMessage().startsWith("train-labels-idx1-ubyte.gz: has 4 labels but "
                + "train-images-idx3-ubyte.gz has 5 images"), e.getMessage());
    }

    @Test
    void labelsOutsideTheClassesNameTheEntryAndOffset() throws IOException {
        writeSet("train", false);
        Idx.write(dir.resolve("train-labels-idx1-ubyte"), new int[]{5}, new byte[]{0, 1, 2, 3, 0}, false);
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> Mnist.load(dir, Split.TRAIN, ABC, "x"));
        assertTrue(e.getMessage().startsWith("train-labels-idx1-ubyte: label 3 at entry 3 (offset 11) is outside "
                + "0..2 (3 classes)"), e.getMessage());
    }

    @Test
    void missingFilesListWhatWasLookedFor() {
        IOException e = assertThrows(IOException.class, () -> Mnist.fashion(dir, Split.TEST));
        assertTrue(e.getMessage().contains("no t10k images file; looked for t10k-images-idx3-ubyte.gz, "
                + "t10k-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void writtenGzipIsStandardGzip() throws IOException {
        Path f = dir.resolve("x.gz");
        Idx.write(f, new int[]{5}, LABELS, true);
        try (var in = new GZIPInputStream(Files.newInputStream(f))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            assertArrayEquals(new byte[]{0, 0, 8, 1, 0, 0, 0, 5, 0, 1, 2, 0, 1}, out.toByteArray());
        }
    }
}
