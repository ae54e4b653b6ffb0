package io.netwright.data.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.Image;
import io.netwright.tensor.Generator;
import org.junit.jupiter.api.Test;

class PixelTransformsTest {

    /** 3x1x2: pixel 0 = (0.2, 0.4, 0.6), pixel 1 = (1.0, 0.5, 0.0). */
    private static Image twoPixels() {
        return new Image(3, 1, 2, new float[]{0.2f, 1.0f, 0.4f, 0.5f, 0.6f, 0.0f});
    }

    @Test
    void toTensorScalesHwcBytesToChwFloats() {
        ByteImage b = new ByteImage(3, 1, 2, new byte[]{0, (byte) 128, (byte) 255, 10, 20, 30});
        Image im = new ToTensor().apply(b);
        assertArrayEquals(new float[]{0, 10 / 255f, 128 / 255f, 20 / 255f, 1, 30 / 255f}, im.data());
        assertEquals("ToTensor()", new ToTensor().toString());
    }

    @Test
    void normalizeSubtractsMeanAndDividesByStdPerChannel() {
        Image x = new Image(2, 1, 2, new float[]{0, 1, 0.5f, 0.25f});
        Image y = new Normalize(new double[]{0.5, 0.25}, new double[]{0.5, 0.25}).apply(x);
        assertArrayEquals(new float[]{-1, 1, 1, 0}, y.data(), 1e-7f);
        Image z = new Normalize(new double[]{0.5}, new double[]{2}).apply(x);
        assertArrayEquals(new float[]{-0.25f, 0.25f, 0, -0.125f}, z.data(), 1e-7f);
    }

    @Test
    void normalizeRejectsZeroStdAndWrongChannelCounts() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new Normalize(new double[]{0.5}, new double[]{0})).getMessage()
                .contains("std evaluated to zero after conversion to float32, leading to division by zero"));
        Normalize n = new Normalize(new double[]{0, 0}, new double[]{1, 1});
        assertEquals("Normalize: mean and std have 2 values but the image has 3 channels — give one value per"
                + " channel (or one for all)", assertThrows(IllegalArgumentException.class,
                () -> n.apply(twoPixels())).getMessage());
    }

    @Test
    void brightnessScalesAndClamps() {
        Image x = twoPixels();
        ColorJitter.adjustBrightness(x, 1.5);
        assertArrayEquals(new float[]{0.3f, 1.0f, 0.6f, 0.75f, 0.9f, 0.0f}, x.data(), 1e-6f);
    }

    @Test
    void contrastBlendsWithTheMeanGrayLevel() {
        Image x = twoPixels();
        double g0 = 0.2989 * 0.2 + 0.587 * 0.4 + 0.114 * 0.6;
        double g1 = 0.2989 * 1.0 + 0.587 * 0.5;
        double mean = (g0 + g1) / 2;
        ColorJitter.adjustContrast(x, 0.5);
        assertEquals(0.5 * 0.2 + 0.5 * mean, x.get(0, 0, 0), 1e-6);
        assertEquals(0.5 * 0.0 + 0.5 * mean, x.get(2, 0, 1), 1e-6);
    }

    @Test
    void zeroSaturationGivesTheGrayscaleImage() {
        Image x = twoPixels();
        ColorJitter.adjustSaturation(x, 0);
        float g0 = 0.2989f * 0.2f + 0.587f * 0.4f + 0.114f * 0.6f;
        for (int c = 0; c < 3; c++) {
            assertEquals(g0, x.get(c, 0, 0), 1e-6);
        }
        Image gray = new Image(1, 1, 1, new float[]{0.3f});
        ColorJitter.adjustSaturation(gray, 0);
        assertEquals(0.3f, gray.data()[0]);
    }

    @Test
    void hueShiftRotatesColours() {
        Image red = new Image(3, 1, 1, new float[]{1, 0, 0});
        ColorJitter.adjustHue(red, 0.5);
        assertArrayEquals(new float[]{0, 1, 1}, red.data(), 1e-6f);
        Image red2 = new Image(3, 1, 1, new float[]{1, 0, 0});
        ColorJitter.adjustHue(red2, 1 / 3.0);
        assertArrayEquals(new float[]{0, 1, 0}, red2.data(), 1e-5f);
        Image mid = new Image(3, 1, 1, new float[]{0.8f, 0.4f, 0.2f});
        ColorJitter.adjustHue(mid, 0);
        assertArrayEquals(new float[]{0.8f, 0.4f, 0.2f}, mid.data(), 1e-6f);
    }

    @Test
    void colorJitterIsSeededAndStaysInRange() {
        ColorJitter cj = new ColorJitter(0.4, 0.4, 0.4, 0.1);
        Image x = twoPixels();
        Image a = cj.apply(x, new Generator(5));
        Image b = cj.apply(x, new Generator(5));
        Image c = cj.apply(x, new Generator(6));
        assertArrayEquals(a.data(), b.data());
        assertNotEquals(java.util.Arrays.toString(a.data()), java.util.Arrays.toString(c.data()));
        for (float v : a.data()) {
            assertTrue(v >= 0 && v <= 1);
        }
        assertArrayEquals(twoPixels().data(), x.data(), "input untouched");
        assertEquals("ColorJitter(brightness=(0.6, 1.4), contrast=None, saturation=None, hue=None)",
                new ColorJitter(0.4, 0, 0).toString());
    }

    @Test
    void randomErasingOverwritesOneRectangleOfTheDrawnSize() {
        Image ones = new Image(1, 20, 20, filled(400, 1));
        RandomErasing re = new RandomErasing(1.0, new double[]{0.1, 0.2}, new double[]{0.5, 2}, new double[]{0.25});
        for (int seed = 0; seed < 20; seed++) {
            Image y = re.apply(ones, new Generator(seed));
            int minY = 99, maxY = -1, minX = 99, maxX = -1, erased = 0;
            for (int r = 0; r < 20; r++) {
                for (int c = 0; c < 20; c++) {
                    if (y.get(0, r, c) == 0.25f) {
                        erased++;
                        minY = Math.min(minY, r);
                        maxY = Math.max(maxY, r);
                        minX = Math.min(minX, c);
                        maxX = Math.max(maxX, c);
                    } else {
                        assertEquals(1f, y.get(0, r, c));
                    }
                }
            }
            assertEquals((maxY - minY + 1) * (maxX - minX + 1), erased, "a filled rectangle");
            assertTrue(erased >= 30 && erased <= 95, "area " + erased + " near 10-20% of 400");
        }
        assertSame(ones, new RandomErasing(0, new double[]{0.1, 0.2}, new double[]{0.5, 2}, new double[]{0})
                .apply(ones, new Generator(0)));
    }

    @Test
    void randomErasingWithRandomValueFillsNoise() {
        Image zeros = Image.zeros(3, 16, 16);
        Image y = new RandomErasing(1.0, new double[]{0.2, 0.3}, new double[]{1, 1}, null).apply(zeros,
                new Generator(2));
        long distinct = java.util.stream.IntStream.range(0, y.numel()).mapToDouble(i -> y.data()[i]).distinct()
                .count();
        assertTrue(distinct > 20, "normal noise, got " + distinct + " distinct values");
    }

    @Test
    void composeAppliesStepsInOrderAndPrintsThem() {
        Compose<ByteImage> t = Compose.of(new ToTensor(), new RandomHorizontalFlip(1.0),
                new Normalize(new double[]{0.5}, new double[]{0.5}));
        Image y = t.apply(new ByteImage(1, 1, 2, new byte[]{0, (byte) 255}), new Generator(0));
        assertArrayEquals(new float[]{1, -1}, y.data());
        assertEquals("Compose(\n    ToTensor()\n    RandomHorizontalFlip(p=1.0)\n    Normalize(mean=[0.5], "
                + "std=[0.5])\n)", t.toString());
    }

    private static float[] filled(int n, float v) {
        float[] d = new float[n];
        java.util.Arrays.fill(d, v);
        return d;
    }
}
