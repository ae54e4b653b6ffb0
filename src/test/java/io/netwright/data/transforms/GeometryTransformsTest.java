package io.netwright.data.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netwright.data.Draws;
import io.netwright.data.Image;
import io.netwright.tensor.Generator;
import org.junit.jupiter.api.Test;

class GeometryTransformsTest {

    /** A 1-channel image with values 0, 1, 2, ... row-major. */
    static Image arange(int c, int h, int w) {
        float[] d = new float[c * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = i;
        }
        return new Image(c, h, w, d);
    }

    @Test
    void horizontalFlipMirrorsEachRowOfEachChannel() {
        Image x = arange(2, 2, 3);
        Image y = new RandomHorizontalFlip(1.0).apply(x, new Generator(0));
        assertArrayEquals(new float[]{2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9}, y.data());
        assertSame(x, new RandomHorizontalFlip(0.0).apply(x, new Generator(0)));
    }

    @Test
    void verticalFlipReversesRows() {
        Image y = new RandomVerticalFlip(1.0).apply(arange(1, 3, 2), new Generator(0));
        assertArrayEquals(new float[]{4, 5, 2, 3, 0, 1}, y.data());
    }

    @Test
    void flipsHappenAboutHalfTheTime() {
        Image x = arange(1, 1, 2);
        int flipped = 0;
        for (int i = 0; i < 2000; i++) {
            if (new RandomHorizontalFlip().apply(x, new Generator(i)).data()[0] == 1) {
                flipped++;
            }
        }
        assertEquals(1000, flipped, 100);
    }

    @Test
    void paddingModesFollowTorchvision() {
        Image row = new Image(1, 1, 3, new float[]{1, 2, 3});
        Padding lr2 = new Padding(2, 0, 2, 0);
        assertArrayEquals(new float[]{9, 9, 1, 2, 3, 9, 9},
                Pixels.pad(row, lr2, new float[]{9}, PaddingMode.CONSTANT).data());
        assertArrayEquals(new float[]{1, 1, 1, 2, 3, 3, 3}, Pixels.pad(row, lr2, new float[1], PaddingMode.EDGE).data());
        assertArrayEquals(new float[]{3, 2, 1, 2, 3, 2, 1},
                Pixels.pad(row, lr2, new float[1], PaddingMode.REFLECT).data());
        assertArrayEquals(new float[]{2, 1, 1, 2, 3, 3, 2},
                Pixels.pad(row, lr2, new float[1], PaddingMode.SYMMETRIC).data());
    }

    @Test
    void randomCropWithPaddingTakesTheWindowAtTheDrawnTopThenLeft() {
        // [[1, 2], [3, 4]] zero-padded by 1 is 4x4; a 2x2 crop has 3x3 positions.
        Image x = new Image(1, 2, 2, new float[]{1, 2, 3, 4});
        float[][][] padded = {{{0, 0, 0, 0}, {0, 1, 2, 0}, {0, 3, 4, 0}, {0, 0, 0, 0}}};
        RandomCrop crop = new RandomCrop(2, 1);
        java.util.Set<String> positions = new java.util.HashSet<>();
        for (int seed = 0; seed < 50; seed++) {
            Generator twin = new Generator(seed);
            int top = Draws.randint(twin, 0, 3);
            int left = Draws.randint(twin, 0, 3);
            positions.add(top + "," + left);
            Image y = crop.apply(x, new Generator(seed));
            float[] expected = {padded[0][top][left], padded[0][top][left + 1], padded[0][top + 1][left],
                padded[0][top + 1][left + 1]};
            assertArrayEquals(expected, y.data(), "seed " + seed);
        }
        assertEquals(9, positions.size(), "every position is reachable");
    }

    @Test
    void randomCropOfTheFullSizeDrawsNothing() {
        Generator g = new Generator(1);
        Image x = arange(1, 4, 4);
        assertSame(x, new RandomCrop(4).apply(x, g));
        assertEquals(0, g.offset());
    }

    @Test
    void randomCropLargerThanTheImageFailsOrPadsIfNeeded() {
        Image x = arange(1, 2, 3);
        assertEquals("RandomCrop: required crop size (4, 4) is larger than input image size (2, 3) — pad it "
                + "(padding or padIfNeeded) or crop smaller",
                assertThrows(IllegalArgumentException.class, () -> new RandomCrop(4).apply(x, new Generator(0)))
                        .getMessage());
        Image y = new RandomCrop(4, 4, Padding.of(0), true, new double[]{0}, PaddingMode.CONSTANT)
                .apply(x, new Generator(0));
        assertEquals(4, y.height());
        assertEquals(4, y.width());
    }

    @Test
    void centerCropUsesPythonRounding() {
        assertArrayEquals(new float[]{5, 6, 9, 10}, new CenterCrop(2).apply(arange(1, 4, 4)).data());
        // 5x5 -> 2x2: offset round(1.5) = 2 (half to even), rows/cols 2..3
        assertArrayEquals(new float[]{12, 13, 17, 18}, new CenterCrop(2).apply(arange(1, 5, 5)).data());
        // 4x4 -> 1x1: offset round(1.5) = 2
        assertArrayEquals(new float[]{10}, new CenterCrop(1).apply(arange(1, 4, 4)).data());
    }

    @Test
    void centerCropLargerThanTheImageZeroPads() {
        Image y = new CenterCrop(3, 4).apply(new Image(1, 1, 1, new float[]{7}));
        // width: pad 1 left, 2 right; height: pad 1 top, 1 bottom
        assertArrayEquals(new float[]{0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0}, y.data());
    }

    @Test
    void resizeUpsamplesBilinearlyWithHalfPixelCentres() {
        // torch.nn.functional.interpolate([[0, 1], [2, 3]], size=4, mode="bilinear", align_corners=False)
        Image y = new Resize(4, 4).apply(new Image(1, 2, 2, new float[]{0, 1, 2, 3}));
        assertArrayEquals(new float[]{0, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f,
            2, 2.25f, 2.75f, 3}, y.data(), 1e-6f);
    }

    @Test
    void resizeDownsamplesWithAntialiasLikeTorchvision() {
        Image x = new Image(1, 1, 4, new float[]{0, 1, 2, 3});
        // antialias=True: triangle filter widened to 2 px: weights 3/7, 3/7, 1/7
        assertArrayEquals(new float[]{5f / 7, 16f / 7}, new Resize(1, 2).apply(x).data(), 1e-6f);
        // antialias=False: plain bilinear samples at 0.5 and 2.5
        assertArrayEquals(new float[]{0.5f, 2.5f}, new Resize(1, 2).antialias(false).apply(x).data(), 1e-6f);
    }

    @Test
    void resizeWithOneSizeMatchesTheShorterEdge() {
        Image y = new Resize(2).apply(arange(3, 4, 8));
        assertArrayEquals(new int[]{3, 2, 4}, y.shape());
        Image z = new Resize(3).apply(arange(1, 7, 5));
        assertArrayEquals(new int[]{1, 4, 3}, z.shape()); // int(3 * 7 / 5) = 4
    }

    @Test
    void rotationByNinetyDegreesIsCounterClockwise() {
        Image y = RandomRotation.rotate(arange(1, 3, 3), 90, Interpolation.NEAREST, new float[]{0});
        // numpy.rot90: [[2, 5, 8], [1, 4, 7], [0, 3, 6]]
        assertArrayEquals(new float[]{2, 5, 8, 1, 4, 7, 0, 3, 6}, y.data());
    }

    @Test
    void rotationFillsPixelsFromOutsideAndZeroDegreesIsIdentity() {
        Image x = arange(1, 3, 3);
        assertArrayEquals(x.data(), new RandomRotation(0).apply(x, new Generator(3)).data());
        Image big = arange(1, 5, 5);
        Image y = RandomRotation.rotate(big, 45, Interpolation.NEAREST, new float[]{-1});
        assertEquals(-1, y.get(0, 0, 0)); // the corner comes from (row -0.83, col 2): outside
        assertEquals(12, y.get(0, 2, 2));
        Image b = RandomRotation.rotate(x, 90, Interpolation.BILINEAR, new float[]{0});
        assertArrayEquals(new float[]{2, 5, 8, 1, 4, 7, 0, 3, 6}, b.data(), 1e-5f);
    }

    @Test
    void randomRotationDrawsTheAngleFromTheRange() {
        RandomRotation r = new RandomRotation(30);
        Image x = arange(1, 5, 5);
        Generator twin = new Generator(11);
        double angle = Draws.uniform(twin, -30, 30);
        assertArrayEquals(RandomRotation.rotate(x, angle, Interpolation.NEAREST, new float[]{0}).data(),
                r.apply(x, new Generator(11)).data());
    }

    @Test
    void transformsPrintLikeTorchvision() {
        assertEquals("RandomCrop(size=(32, 32), padding=4)", new RandomCrop(32, 4).toString());
        assertEquals("RandomHorizontalFlip(p=0.5)", new RandomHorizontalFlip().toString());
        assertEquals("CenterCrop(size=(28, 28))", new CenterCrop(28).toString());
        assertEquals("Resize(size=32, interpolation=bilinear, max_size=None, antialias=True)",
                new Resize(32).toString());
    }
}
