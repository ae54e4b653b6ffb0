package io.netwright.data.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.Dataset;
import io.netwright.io.Fuzz;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset readers (IDX, CIFAR binary, CSV, image folders) on a few thousand seeded mutations of small valid
 * files: every mutant is read or refused with a one-line message naming the file; none crashes, hangs or allocates
 * what a header claims beyond the file's size.
 */
class DataReadersFuzzTest {

    private static final List<String> TEN = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");

    @TempDir
    Path tmp;

    private static void touchAll(Dataset<?> d) {
        for (int i = 0; i < d.size(); i++) {
            d.get(i);
        }
    }

    static byte[] idxImages(int n, int rows, int cols, Random rnd) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(0x00000803).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n * rows * cols; i++) {
            b.put((byte) rnd.nextInt(256));
        }
        return b.array();
    }

    static byte[] idxLabels(int n, Random rnd) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(0x00000801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) rnd.nextInt(10));
        }
        return b.array();
    }

    @Test
    void idxImagesAndLabels() throws IOException {
        Random rnd = new Random(1);
        Path dir = Files.createDirectories(tmp.resolve("idx"));
        byte[] images = idxImages(12, 6, 5, rnd);
        byte[] labels = idxLabels(12, rnd);
        Path labelFile = dir.resolve("labels-idx1-ubyte");
        Files.write(labelFile, labels);
        Fuzz.Report a = Fuzz.bytes(dir, "images-idx3-ubyte", images, 1500, 11,
                f -> touchAll(Mnist.load(f, labelFile, TEN, "idx")));
        Path imageFile = dir.resolve("images-ok-idx3-ubyte");
        Files.write(imageFile, images);
        Fuzz.Report b = Fuzz.bytes(dir, "labels-idx1-ubyte-m", labels, 700, 12,
                f -> touchAll(Mnist.load(imageFile, f, TEN, "idx")));
        System.out.println("IDX images: " + a + "\nIDX labels: " + b);
        assertTrue(a.clean(), a.toString());
        assertTrue(b.clean(), b.toString());
    }

    @Test
    void cifarBinaryBatches() throws IOException {
        Random rnd = new Random(2);
        byte[] batch = new byte[6 * 3073];
        rnd.nextBytes(batch);
        for (int i = 0; i < 6; i++) {
            batch[i * 3073] = (byte) rnd.nextInt(10);
        }
        Path dir = Files.createDirectories(tmp.resolve("cifar"));
        Fuzz.Report r = Fuzz.bytes(dir, "data_batch_1.bin", batch, 800, 21,
                f -> touchAll(Cifar.read(List.of(f), 1, 0, TEN, "cifar")));
        System.out.println("CIFAR: " + r);
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void csvFiles() throws IOException {
        StringBuilder sb = new StringBuilder("x1,x2,x3,label\n");
        Random rnd = new Random(3);
        for (int i = 0; i < 20; i++) {
            sb.append(rnd.nextGaussian()).append(',').append(rnd.nextInt(100)).append(",1e-3,")
                    .append(i % 3 == 0 ? "cat" : "dog").append('\n');
        }
        Path dir = Files.createDirectories(tmp.resolve("csv"));
        Fuzz.Report r = Fuzz.bytes(dir, "table.csv", sb.toString().getBytes(StandardCharsets.UTF_8), 1500, 31,
                f -> touchAll(CsvDataset.load(f)));
        System.out.println("CSV: " + r);
        assertTrue(r.clean(), r.toString());
    }

    @Test
    void imageFolderFiles() throws IOException {
        Random rnd = new Random(4);
        Path root = tmp.resolve("images");
        Path cat = Files.createDirectories(root.resolve("cat"));
        Path dog = Files.createDirectories(root.resolve("dog"));
        BufferedImage img = new BufferedImage(9, 7, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 9; x++) {
                img.setRGB(x, y, rnd.nextInt());
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        ByteArrayOutputStream bmp = new ByteArrayOutputStream();
        ImageIO.write(img, "bmp", bmp);
        Files.write(dog.resolve("ok.png"), png.toByteArray());
        Fuzz.Report p = Fuzz.bytes(cat, "x.png", png.toByteArray(), 600, 41,
                f -> touchAll(ImageFolder.open(root, ColorMode.RGB)));
        Files.delete(cat.resolve("x.png"));
        Fuzz.Report b = Fuzz.bytes(cat, "x.bmp", bmp.toByteArray(), 400, 42,
                f -> touchAll(ImageFolder.open(root, ColorMode.GRAYSCALE)));
        System.out.println("PNG: " + p + "\nBMP: " + b);
        assertTrue(p.clean(), p.toString());
        assertTrue(b.clean(), b.toString());
    }

    @Test
    void anImageDeclaringHugeDimensionsIsRefusedBeforeDecoding() throws IOException {
        Path root = tmp.resolve("huge");
        Path cat = Files.createDirectories(root.resolve("cat"));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
        byte[] b = png.toByteArray();
        ByteBuffer.wrap(b).putInt(16, 1 << 16).putInt(20, 1 << 16); // IHDR width and height: 65536 x 65536
        Path f = cat.resolve("huge.png");
        Files.write(f, b);
        ImageFolder folder = ImageFolder.open(root, ColorMode.RGB);
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class, () -> folder.get(0));
        assertTrue(e.getMessage().contains("huge.png") && e.getMessage().contains("65536x65536"), e.getMessage());
    }

    @Test
    void aPipeIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = tmp.resolve("data.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()
                == 0, "mkfifo is not available here");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> CsvDataset.load(fifo));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
