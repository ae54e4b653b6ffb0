package io.netwright.data.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ByteImage;
import io.netwright.data.ImageDataset;
import org.junit.jupiter.api.Test;

class ShapesTest {

    @Test
    void generationIsDeterministicPerSeedAndBalanced() {
        ImageDataset a = Shapes.generate(120, 5);
        ImageDataset b = Shapes.generate(120, 5);
        ImageDataset c = Shapes.generate(120, 6);
        assertEquals(a.get(17).input(), b.get(17).input());
        assertNotEquals(a.get(17).input(), c.get(17).input());
        assertArrayEquals(new int[]{20, 20, 20, 20, 20, 20}, a.classCounts());
        assertEquals(Shapes.CLASSES, a.classes());
        assertEquals(3, a.channels());
        assertEquals(32, a.height());
        // a prefix of a larger set is the smaller set: image i depends only on (seed, i)
        assertEquals(Shapes.generate(10, 5).get(9).input(), a.get(9).input());
    }

    @Test
    void imagesShowAShapeOnANoisyBackground() {
        ImageDataset ds = Shapes.generate(60, 1, 24);
        for (int i = 0; i < ds.size(); i++) {
            ByteImage img = ds.get(i).input();
            int distinct = (int) java.util.stream.IntStream.range(0, img.data().length).map(k -> img.data()[k] & 0xFF)
                    .distinct().count();
            assertTrue(distinct > 30, "image " + i + " has noise and a shape");
        }
    }

    @Test
    void insideTestsMatchTheShapes() {
        assertTrue(Shapes.inside(0, 0.7, 0.7));       // circle
        assertTrue(!Shapes.inside(0, 0.8, 0.8));
        assertTrue(Shapes.inside(5, 0.8, 0) && !Shapes.inside(5, 0.1, 0)); // ring has a hole
        assertTrue(Shapes.inside(3, 0.9, 0) && !Shapes.inside(3, 0.6, 0.6)); // cross arms, empty corners
        assertTrue(Shapes.inside(2, 0, -0.9) && !Shapes.inside(2, 0, 0.6)); // triangle apex up, flat base at 0.5
    }

    @Test
    void tenClassSetAddsFourShapesAndKeepsTheSixClassImages() {
        ImageDataset ten = Shapes.generate(40, 3, 32, 10);
        assertEquals(Shapes.ALL_CLASSES, ten.classes());
        assertEquals(9, ten.label(19));
        ImageDataset six = Shapes.generate(12, 3, 32);
        assertEquals(Shapes.CLASSES, six.classes());
        assertEquals(six.image(0), Shapes.generate(12, 3, 32, 6).image(0));
        assertTrue(Shapes.inside(6, 0, -0.95) && !Shapes.inside(6, 0.6, -0.6)); // star: a point up, hollow between
        assertTrue(Shapes.inside(7, 0, 0.95) && !Shapes.inside(7, 0.95, 0));  // hexagon: flat sides at 0.866
        assertTrue(Shapes.inside(8, 0.9, 0) && !Shapes.inside(8, 0, 0.5));      // bar: one arm
        assertTrue(Shapes.inside(9, 0, 0.9) && !Shapes.inside(9, 0, -0.5));     // half-disc
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Shapes.generate(1, 1, 32, 11));
    }
}
