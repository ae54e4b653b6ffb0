package io.netwright.data.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.CorruptDataException;
import io.netwright.data.ImageDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarTest {

    @TempDir
    Path dir;

    /** Records with the given label bytes; pixel (c, y, x) of record r = (r * 7 + c * 50 + y + 2 * x) mod 256. */
    private static byte[] records(int[][] labels) {
        int rec = labels[0].length + 3072;
        byte[] out = new byte[labels.length * rec];
        for (int r = 0; r < labels.length; r++) {
            for (int k = 0; k < labels[r].length; k++) {
                out[r * rec + k] = (byte) labels[r][k];
            }
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        out[r * rec + labels[r].length + c * 1024 + y * 32 + x] = (byte) (r * 7 + c * 50 + y + 2 * x);
                    }
                }
            }
        }
        return out;
    }

    private static int expectedPixel(int r, int c, int y, int x) {
        return (r * 7 + c * 50 + y + 2 * x) & 0xFF;
    }

    private Path cifar10(boolean withMeta) throws IOException {
        Path root = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            Files.write(root.resolve("data_batch_" + b + ".bin"), records(new int[][]{{b}, {9}}));
        }
        Files.write(root.resolve("test_batch.bin"), records(new int[][]{{3}, {4}, {5}}));
        if (withMeta) {
            Files.writeString(root.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        }
        return root;
    }

    @Test
    void cifar10RoundTripsWithChwPlanesTurnedIntoHwcBytes() throws IOException {
        cifar10(false);
        ImageDataset train = Cifar.cifar10(dir, Split.TRAIN); // the parent folder works too
        assertEquals(10, train.size());
        assertArrayEquals(new int[]{1, 9, 2, 9, 3, 9, 4, 9, 5, 9}, train.labels());
        assertEquals(Cifar.CIFAR10_CLASSES, train.classes());
        ByteImage img = train.get(1).input();
        assertEquals(3, img.channels());
        for (int[] p : new int[][]{{0, 0, 0}, {2, 31, 5}, {1, 7, 30}}) {
            assertEquals(expectedPixel(1, p[0], p[1], p[2]), img.get(p[0], p[1], p[2]));
        }
        ImageDataset test = Cifar.cifar10(dir.resolve("cifar-10-batches-bin"), Split.TEST);
        assertArrayEquals(new int[]{3, 4, 5}, test.labels());
        assertEquals(expectedPixel(2, 2, 10, 10), test.get(2).input().get(2, 10, 10));
    }

    @Test
    void cifar10ClassNamesComeFromBatchesMetaWhenPresent() throws IOException {
        cifar10(true);
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"),
                Cifar.cifar10(dir, Split.TEST).classes());
    }

    @Test
    void cifar100HasFineAndCoarseLabelsAndNamesFiles() throws IOException {
        Path root = Files.createDirectories(dir.resolve("cifar-100-binary"));
        Files.write(root.resolve("train.bin"), records(new int[][]{{4, 30}, {19, 99}, {0, 0}}));
        Files.write(root.resolve("test.bin"), records(new int[][]{{1, 1}}));
        ImageDataset fine = Cifar.cifar100(dir, Split.TRAIN, Cifar.Label.FINE);
        ImageDataset coarse = Cifar.cifar100(dir, Split.TRAIN, Cifar.Label.COARSE);
        assertArrayEquals(new int[]{30, 99, 0}, fine.labels());
        assertArrayEquals(new int[]{4, 19, 0}, coarse.labels());
        assertEquals("dolphin", fine.classes().get(30));
        assertEquals("worm", fine.classes().get(99));
        assertEquals("vehicles_2", coarse.classes().get(19));
        assertEquals(100, Cifar.CIFAR100_FINE_CLASSES.size());
        assertEquals(20, Cifar.CIFAR100_COARSE_CLASSES.size());
        assertEquals(expectedPixel(2, 1, 3, 4), fine.get(2).input().get(1, 3, 4));

        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            names.append("super").append(i).append('\n');
        }
        Files.writeString(root.resolve("coarse_label_names.txt"), names);
        assertEquals("super19", Cifar.cifar100(dir, Split.TEST, Cifar.Label.COARSE).classes().get(19));
        Files.writeString(root.resolve("fine_label_names.txt"), "only\ntwo\n");
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> Cifar.cifar100(dir, Split.TEST, Cifar.Label.FINE));
        assertTrue(e.getMessage().startsWith("fine_label_names.txt: has 2 class names, expected 100"),
                e.getMessage());
    }

    @Test
    void truncatedBatchNamesTheRecordAndOffset() throws IOException {
        Path root = cifar10(false);
        Path f = root.resolve("data_batch_3.bin");
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 3073 + 100));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> Cifar.cifar10(dir, Split.TRAIN));
        assertTrue(e.getMessage().startsWith("data_batch_3.bin: 3173 bytes is not a whole number of 3073-byte "
                + "records: record 1 at offset 3073 has only 100 of its 3073 bytes (truncated file?)"),
                e.getMessage());
    }

    @Test
    void labelOutsideTheClassesNamesTheRecord() throws IOException {
        Path root = cifar10(false);
        Files.write(root.resolve("test_batch.bin"), records(new int[][]{{3}, {42}}));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> Cifar.cifar10(dir, Split.TEST));
        assertTrue(e.getMessage().startsWith("test_batch.bin: record 1 at offset 3073 has label 42, outside 0..9 "
                + "(10 classes) — is this a CIFAR-100 file?"), e.getMessage());
    }

    @Test
    void missingAndEmptyFilesAreNamed() throws IOException {
        Path root = cifar10(false);
        Files.delete(root.resolve("data_batch_4.bin"));
        assertTrue(assertThrows(IOException.class, () -> Cifar.cifar10(dir, Split.TRAIN)).getMessage()
                .contains("data_batch_4.bin: not found"));
        Files.write(root.resolve("test_batch.bin"), new byte[0]);
        assertTrue(assertThrows(CorruptDataException.class, () -> Cifar.cifar10(dir, Split.TEST)).getMessage()
                .startsWith("test_batch.bin: the file is empty"));
        assertTrue(assertThrows(IOException.class, () -> Cifar.cifar100(dir, Split.TEST, Cifar.Label.FINE))
                .getMessage().contains("no CIFAR binary files — expected test.bin"));
    }
}
