package io.netwright.ui.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import io.netwright.data.formats.Mnist;
import io.netwright.data.formats.SampleData;
import io.netwright.data.formats.Split;
import io.netwright.train.Augmentation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Data tab's logic without a display: opening sources, class counts, pixel statistics, augmentation draws. */
class DataModelTest {

    @TempDir
    Path tmp;

    @Test
    void bundledSampleOpensWithTrainAndTestSplitsAndTheirClassCounts() throws IOException {
        DataSource s = DataSource.open("fashion-mnist-small");
        assertEquals(List.of("train", "test"), s.splitNames());
        assertEquals(Mnist.FASHION_CLASSES, s.classes());
        assertEquals(3000, s.split("train").size());
        assertEquals(1000, s.split("test").size());
        // the subset is class-balanced: the counts equal a direct count of the labels
        var train = SampleData.fashionMnist(Split.TRAIN);
        int[] expected = new int[10];
        for (int i = 0; i < train.size(); i++) {
            expected[train.label(i)]++;
        }
        assertArrayEquals(expected, s.split("train").classCounts());
        assertEquals(3000, java.util.Arrays.stream(s.split("train").classCounts()).sum());
        assertEquals(1000, java.util.Arrays.stream(s.split("test").classCounts()).sum());
        assertThrows(IllegalArgumentException.class, () -> s.split("validation"));
    }

    @Test
    void shapesAndMissingFoldersOpenOrFailNamingTheFix() throws IOException {
        DataSource shapes = DataSource.open("shapes");
        assertEquals(DataSource.SHAPES_COUNT, shapes.split("train").size());
        Path missing = tmp.resolve("nowhere");
        IOException e = assertThrows(IOException.class, () -> DataSource.open(missing.toString()));
        String msg = DataViewModel.failure(missing.toString(), new java.io.UncheckedIOException(e));
        assertTrue(msg.startsWith("Cannot open " + missing + ": "), msg);
        assertTrue(msg.contains("no such file or folder"), msg);
        Files.createDirectories(tmp.resolve("empty"));
        IOException e2 = assertThrows(IOException.class, () -> DataSource.open(tmp.resolve("empty").toString()));
        assertTrue(e2.getMessage().contains("looked for IDX files"), e2.getMessage());
    }

    @Test
    void pixelStatsGivePerChannelMinMaxMean() {
        // 2×1 RGB: (10, 20, 30) and (50, 0, 255)
        ByteImage b = new ByteImage(3, 1, 2, new byte[]{10, 20, 30, 50, 0, (byte) 255});
        PixelStats p = PixelStats.of(b);
        assertEquals("0–255", p.unit());
        assertEquals(new PixelStats.Channel(10, 50, 30), p.channels().get(0));
        assertEquals(new PixelStats.Channel(0, 20, 10), p.channels().get(1));
        assertEquals(new PixelStats.Channel(30, 255, 142.5), p.channels().get(2));
        assertEquals("R: min 10, max 50, mean 30.000", p.lines().get(0));
        PixelStats f = PixelStats.of(new float[]{-1.5f, 0.5f, 4f});
        assertEquals(-1.5, f.channels().get(0).min());
        assertEquals(4, f.channels().get(0).max());
        assertEquals(1.0, f.channels().get(0).mean(), 1e-9);
    }

    @Test
    void augmentationDrawsAreSeededAndDifferBetweenDraws() throws IOException {
        ByteImage x = SampleData.fashionMnist(Split.TRAIN).image(0);
        Augmentation aug = new Augmentation(true, false, 4, 20, 0.3, 0.5);
        List<Image> a = AugmentationDraws.draw(x, aug, 5, 8);
        assertEquals(8, a.size());
        assertEquals(8, a.stream().distinct().count(), "every draw differs");
        assertEquals(a, AugmentationDraws.draw(x, aug, 5, 8), "same seed, same pictures");
        assertNotEquals(a, AugmentationDraws.draw(x, aug, 6, 8), "a re-roll gives new pictures");
        for (Image im : a) {
            assertArrayEquals(new int[]{1, 28, 28}, im.shape());
        }
        List<Image> none = AugmentationDraws.draw(x, Augmentation.none(), 5, 3);
        assertTrue(none.stream().allMatch(im -> im.equals(x.toImage())), "no augmentation: the sample itself");
        assertEquals(5, AugmentationDraws.transforms(aug, 1, 28, 28).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AugmentationDraws.draw(new float[]{1, 2}, aug, 1, 2));
        assertTrue(e.getMessage().contains("open an image dataset"), e.getMessage());
    }

    @Test
    void featureVectorsBecomeSquareTiles() {
        Image tile = SampleImages.featureTile(new float[]{0, 5, 10, 2, 4});
        assertArrayEquals(new int[]{1, 3, 3}, tile.shape());
        assertEquals(0f, tile.get(0, 0, 0));
        assertEquals(1f, tile.get(0, 0, 2));
        assertFalse(SampleImages.isImage(new float[3]));
    }
}
