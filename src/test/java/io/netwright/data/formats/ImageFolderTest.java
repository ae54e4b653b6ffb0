package io.netwright.data.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.CorruptDataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path root;

    /** A 5x4 RGB image with distinct, smooth-ish colours (so JPEG stays close). */
    private static ByteImage rgb(int seed) {
        byte[] d = new byte[5 * 4 * 3];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 4; x++) {
                int p = (y * 4 + x) * 3;
                d[p] = (byte) (40 * y + seed);
                d[p + 1] = (byte) (50 * x + 10);
                d[p + 2] = (byte) (200 - 10 * x - 5 * y);
            }
        }
        return new ByteImage(3, 5, 4, d);
    }

    private static ByteImage gray() {
        byte[] d = new byte[6 * 3];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) (i * 14);
        }
        return new ByteImage(1, 6, 3, d);
    }

    private Path write(String rel, ByteImage img, String format) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        ImageFiles.write(img, format, p);
        return p;
    }

    @Test
    void classesAreSortedFolderNamesAndFilesAreFoundRecursively() throws IOException {
        write("dog/b.png", rgb(1), "png");
        write("dog/a.PNG", rgb(2), "png");
        write("cat/x.bmp", rgb(3), "bmp");
        write("bird/deep/nested/y.png", rgb(4), "png");
        Files.writeString(root.resolve("cat/readme.txt"), "not an image");
        write(".hidden/z.png", rgb(5), "png");
        write("cat/.thumbs/t.png", rgb(6), "png");
        ImageFolder f = ImageFolder.open(root, ColorMode.RGB);
        assertEquals(List.of("bird", "cat", "dog"), f.classes());
        assertEquals(4, f.size());
        assertEquals(List.of("y.png", "x.bmp", "a.PNG", "b.png"),
                f.files().stream().map(p -> p.getFileName().toString()).toList());
        assertArrayEquals(new int[]{0, 1, 2, 2}, new int[]{f.label(0), f.label(1), f.label(2), f.label(3)});
        assertEquals(rgb(2), f.get(2).input());
        assertEquals(rgb(3), f.get(1).input());
        assertArrayEquals(new int[]{1, 1, 2}, f.classCounts());
    }

    @Test
    void pngAndBmpRoundTripExactlyAndJpegClosely() throws IOException {
        write("a/img.png", rgb(0), "png");
        write("b/img.bmp", rgb(0), "bmp");
        write("c/img.jpg", rgb(0), "jpeg");
        write("d/gray.png", gray(), "png");
        write("e/gray.gif", gray(), "gif");
        assertEquals(rgb(0), ImageFiles.read(root.resolve("a/img.png"), ColorMode.RGB));
        assertEquals(rgb(0), ImageFiles.read(root.resolve("b/img.bmp"), ColorMode.RGB));
        ByteImage jpg = ImageFiles.read(root.resolve("c/img.jpg"), ColorMode.RGB);
        double err = 0;
        for (int i = 0; i < jpg.data().length; i++) {
            err += Math.abs((jpg.data()[i] & 0xFF) - (rgb(0).data()[i] & 0xFF));
        }
        assertTrue(err / jpg.data().length < 20, "mean JPEG error " + err / jpg.data().length);
        assertEquals(gray(), ImageFiles.read(root.resolve("d/gray.png"), ColorMode.GRAYSCALE));
        assertEquals(gray(), ImageFiles.read(root.resolve("e/gray.gif"), ColorMode.GRAYSCALE));
        ByteImage grayAsRgb = ImageFiles.read(root.resolve("d/gray.png"), ColorMode.RGB);
        assertEquals(3, grayAsRgb.channels());
        assertEquals(gray().get(0, 2, 1), grayAsRgb.get(2, 2, 1));
    }

    @Test
    void rgbToGrayscaleUsesPilLuma() throws IOException {
        Path p = write("a/img.png", rgb(0), "png");
        ByteImage g = ImageFiles.read(p, ColorMode.GRAYSCALE);
        ByteImage c = rgb(0);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 4; x++) {
                int expected = (c.get(0, y, x) * 19595 + c.get(1, y, x) * 38470 + c.get(2, y, x) * 7471 + 0x8000)
                        >> 16;
                assertEquals(expected, g.get(0, y, x));
            }
        }
    }

    @Test
    void unreadableImageNamesTheFileOnGetAndOnPreload() throws IOException {
        write("cat/good.png", rgb(0), "png");
        Path bad = root.resolve("cat/broken.png");
        Files.writeString(bad, "this is not a png");
        Path cut = write("dog/cut.png", rgb(1), "png");
        byte[] png = Files.readAllBytes(cut);
        Files.write(cut, Arrays.copyOf(png, 40));
        ImageFolder f = ImageFolder.open(root, ColorMode.RGB);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> f.get(0));
        assertTrue(e.getMessage().startsWith("broken.png: not an image format javax.imageio can read (PNG, JPEG, "
                + "BMP, GIF); the file starts with bytes 74 68 69 73"), e.getMessage());
        assertTrue(e.getMessage().contains(bad.toString()));
        UncheckedIOException e2 = assertThrows(UncheckedIOException.class, () -> f.get(2));
        assertTrue(e2.getMessage().startsWith("cut.png: cannot decode the image"), e2.getMessage());
        CorruptDataException e3 = assertThrows(CorruptDataException.class, f::preload);
        assertEquals(bad, e3.file());
    }

    @Test
    void preloadDecodesOnceAndServesCopies() throws IOException {
        write("a/1.png", rgb(0), "png");
        write("b/2.png", rgb(9), "png");
        ImageFolder f = ImageFolder.open(root, ColorMode.RGB).preload();
        Files.delete(root.resolve("a/1.png"));
        ByteImage first = f.get(0).input();
        first.data()[0] = 0;
        assertEquals(rgb(0), f.get(0).input());
    }

    @Test
    void emptyClassesAndMissingClassFoldersAreErrors() throws IOException {
        IOException none = assertThrows(IOException.class, () -> ImageFolder.open(root, ColorMode.RGB));
        assertTrue(none.getMessage().contains("couldn't find any class folder"), none.getMessage());
        write("cat/a.png", rgb(0), "png");
        Files.createDirectories(root.resolve("dog"));
        Files.writeString(root.resolve("dog/notes.txt"), "x");
        IOException empty = assertThrows(IOException.class, () -> ImageFolder.open(root, ColorMode.RGB));
        assertTrue(empty.getMessage().contains("found no valid file for the classes dog. Supported extensions are: "
                + "bmp, gif, jpeg, jpg, png"), empty.getMessage());
    }
}
