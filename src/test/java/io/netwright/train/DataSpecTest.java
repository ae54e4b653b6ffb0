package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.Subset;
import io.netwright.data.formats.ColorMode;
import io.netwright.data.formats.Idx;
import io.netwright.data.formats.Mnist;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSpecTest {

    @TempDir
    Path tmp;

    @Test
    void bundledSampleByName() throws IOException {
        DataSpec.Source s = DataSpec.resolve("fashion-mnist-small");
        assertEquals(DataSpec.Kind.SAMPLE, s.kind());
        assertEquals(3000, s.train().size());
        assertEquals(1000, s.test().size());
        assertEquals(Mnist.FASHION_CLASSES, s.classes());
    }

    @Test
    void designDatasetPathsAreTakenFromTheDesignFilesFolder() {
        Path design = tmp.resolve("nets").resolve("a.json");
        assertEquals(tmp.resolve("nets/data/x").toAbsolutePath().normalize().toString(),
                DataSpec.inDesignFolder("data/x", design));
        assertEquals(tmp.resolve("other").toAbsolutePath().normalize().toString(),
                DataSpec.inDesignFolder("../other", design));
        assertEquals("fashion-mnist-small", DataSpec.inDesignFolder("fashion-mnist-small", design));
        String abs = tmp.resolve("abs").toAbsolutePath().toString();
        assertEquals(abs, DataSpec.inDesignFolder(abs, design));
        assertEquals("", DataSpec.inDesignFolder("", design));
        assertEquals("data/x", DataSpec.inDesignFolder("data/x", null), "an untitled design: as given");
        assertEquals(Path.of(System.getProperty("user.home"), "d").toString(), DataSpec.inDesignFolder("~/d", design));
    }

    private static void idx(Path dir, String prefix, int n) throws IOException {
        byte[] pixels = new byte[n * 4 * 4];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            pixels[i * 16] = (byte) i;
        }
        Idx.write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), new int[]{n, 4, 4}, pixels, true);
        Idx.write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[]{n}, labels, true);
    }

    @Test
    void idxFolderWithClassNamesFromTheFolderNameOrClassesTxt() throws IOException {
        Path fashion = Files.createDirectories(tmp.resolve("my-fashion"));
        idx(fashion, "train", 12);
        idx(fashion, "t10k", 5);
        DataSpec.Source s = DataSpec.resolve(fashion.toString());
        assertEquals(DataSpec.Kind.IDX, s.kind());
        assertEquals(12, s.train().size());
        assertEquals(5, s.test().size());
        assertEquals(Mnist.FASHION_CLASSES, s.classes());

        Path digits = Files.createDirectories(tmp.resolve("digits"));
        idx(digits, "train", 10);
        DataSpec.Source d = DataSpec.resolve(digits.toString());
        assertEquals(Mnist.DIGIT_CLASSES, d.classes());
        assertNull(d.test(), "no t10k files: no test part");
        Files.writeString(digits.resolve("classes.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n");
        assertEquals("a", DataSpec.resolve(digits.toString()).classes().get(0));
    }

    @Test
    void csvFileAndCsvFolder() throws IOException {
        Path file = TrainFixtures.csv(tmp.resolve("blobs.csv"), 30, 4, 3, 1);
        DataSpec.Source s = DataSpec.resolve(file.toString());
        assertEquals(DataSpec.Kind.CSV, s.kind());
        assertEquals(30, s.train().size());
        assertEquals(List.of("0", "1", "2"), s.classes());
        assertTrue(s.train().get(0).input() instanceof float[] f && f.length == 4);

        Path folder = Files.createDirectories(tmp.resolve("tabular"));
        TrainFixtures.csv(folder.resolve("train.csv"), 30, 4, 3, 1);
        TrainFixtures.csv(folder.resolve("test.csv"), 9, 4, 3, 2);
        DataSpec.Source f = DataSpec.resolve(folder.toString());
        assertEquals(DataSpec.Kind.CSV, f.kind());
        assertEquals(9, f.test().size());
    }

    private static void png(Path file, int shade) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(6, 5, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, (shade << 16) | (shade << 8) | shade);
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void imageFoldersWithSplitsOrClassFoldersDirectly() throws IOException {
        Path root = tmp.resolve("pets");
        png(root.resolve("train/cat/1.png"), 10);
        png(root.resolve("train/cat/2.png"), 20);
        png(root.resolve("train/dog/1.png"), 30);
        png(root.resolve("val/cat/1.png"), 40);
        png(root.resolve("val/dog/1.png"), 50);
        png(root.resolve("test/cat/1.png"), 60);
        png(root.resolve("test/dog/1.png"), 70);
        DataSpec.Source s = DataSpec.resolve(root.toString(), ColorMode.GRAYSCALE);
        assertEquals(DataSpec.Kind.IMAGE_FOLDER, s.kind());
        assertEquals(List.of("cat", "dog"), s.classes());
        assertEquals(3, s.train().size());
        assertEquals(2, s.validation().size());
        assertEquals(2, s.test().size());
        ByteImage first = (ByteImage) s.train().get(0).input();
        assertEquals(1, first.channels());
        assertEquals(5, first.height());

        Path flat = tmp.resolve("flat");
        png(flat.resolve("a/1.png"), 1);
        png(flat.resolve("b/1.png"), 2);
        DataSpec.Source f = DataSpec.resolve(flat.toString());
        assertEquals(2, f.train().size());
        assertEquals(3, ((ByteImage) f.train().get(0).input()).channels(), "RGB by default");

        png(root.resolve("test/bird/1.png"), 80);
        var e = assertThrows(IOException.class, () -> DataSpec.resolve(root.toString()));
        assertTrue(e.getMessage().contains("differ from train/'s"), e.getMessage());
    }

    @Test
    void cifar10Binaries() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cifar"));
        for (String name : List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5",
                "test_batch")) {
            byte[] rec = new byte[2 * (1 + 3072)];
            rec[0] = 3;
            rec[3073] = 7;
            Files.write(dir.resolve(name + ".bin"), rec);
        }
        DataSpec.Source s = DataSpec.resolve(dir.toString());
        assertEquals(DataSpec.Kind.CIFAR10, s.kind());
        assertEquals(10, s.train().size());
        assertEquals(2, s.test().size());
        assertEquals("cat", s.classes().get(s.train().get(0).label()));
    }

    @Test
    void unknownSpecsAreExplained() throws IOException {
        var e = assertThrows(IOException.class, () -> DataSpec.resolve("mnist-large"));
        assertTrue(e.getMessage().contains("not a bundled sample (fashion-mnist-small, shapes10)"), e.getMessage());
        Path txt = Files.writeString(tmp.resolve("notes.txt"), "x");
        e = assertThrows(IOException.class, () -> DataSpec.resolve(txt.toString()));
        assertTrue(e.getMessage().contains("not a .csv"), e.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(IOException.class, () -> DataSpec.resolve(empty.toString()));
        assertTrue(e.getMessage().contains("IDX files") && e.getMessage().contains("train.csv"), e.getMessage());
        e = assertThrows(IOException.class, () -> DataSpec.resolve(" "));
        assertTrue(e.getMessage().contains("no dataset given"), e.getMessage());
    }

    @Test
    void trainingDataSplitsByFractionsWithTheSeedAndKeepsAGivenTestPart() throws IOException {
        Path file = TrainFixtures.csv(tmp.resolve("all.csv"), 100, 4, 3, 1);
        TrainingConfig cfg = TrainingConfig.of(TrainFixtures.mlp(4, 8, 3))
                .withData(new DataConfig(file.toString(), 0.2, 0.1, "", "", 0));
        TrainingData a = TrainingData.resolve(cfg);
        assertEquals(70, a.train().size());
        assertEquals(20, a.validation().size());
        assertEquals(10, a.test().size());
        assertEquals("test", a.evaluationSplitName());
        TrainingData again = TrainingData.resolve(cfg);
        assertArrayEquals(((Subset<?>) a.validation()).indices(), ((Subset<?>) again.validation()).indices());
        TrainingData other = TrainingData.resolve(cfg.withSeed(7));
        assertNotEquals(java.util.Arrays.toString(((Subset<?>) a.validation()).indices()),
                java.util.Arrays.toString(((Subset<?>) other.validation()).indices()));

        TrainingData sample = TrainingData.resolve(TrainingConfig.of(TrainFixtures.mlp(4, 8, 3))
                .withData(DataConfig.of("fashion-mnist-small")));
        assertEquals(2700, sample.train().size());
        assertEquals(300, sample.validation().size());
        assertEquals(1000, sample.test().size(), "the source's own test part");
    }
}
