package io.netwright.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CollateTest {

    @Test
    void byteImagesBecomeChwFloatsInZeroOneStackedAlongN() {
        // 1x2 RGB image: pixel 0 = (255, 0, 51), pixel 1 = (0, 102, 255)
        ByteImage a = new ByteImage(3, 1, 2, new byte[]{(byte) 255, 0, 51, 0, 102, (byte) 255});
        ByteImage b = new ByteImage(3, 1, 2, new byte[6]);
        HostBatch hb = Collate.<Sample<ByteImage>>host().apply(List.of(new Sample<>(a, 2), new Sample<>(b, 0)));
        assertArrayEquals(new int[]{2, 3, 1, 2}, hb.shape());
        assertArrayEquals(new float[]{1f, 0f, 0f, 0.4f, 0.2f, 1f, 0, 0, 0, 0, 0, 0}, hb.inputs(), 1e-7f);
        assertArrayEquals(new long[]{2, 0}, hb.targets());
        assertArrayEquals(a.toImage().data(), java.util.Arrays.copyOf(hb.inputs(), 6));
    }

    @Test
    void featureVectorsStackIntoARowMatrix() {
        HostBatch hb = Collate.<Sample<float[]>>host().apply(List.of(new Sample<>(new float[]{1, 2}, 1),
                new Sample<>(new float[]{3, 4}, 0)));
        assertArrayEquals(new int[]{2, 2}, hb.shape());
        assertArrayEquals(new float[]{1, 2, 3, 4}, hb.inputs());
    }

    @Test
    void differentSizesNameTheSampleAndSuggestAResize() {
        Image a = Image.zeros(3, 32, 32);
        Image b = Image.zeros(3, 64, 48);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Collate.<Sample<Image>>host().apply(List.of(new Sample<>(a, 0), new Sample<>(b, 0))));
        assertEquals("collate: sample 1 of the batch has shape [3, 64, 48] but sample 0 has [3, 32, 32] — add a"
                + " Resize or CenterCrop transform so all inputs have one size", e.getMessage());
    }

    @Test
    void unknownInputTypesAskForACustomCollate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Collate.<Sample<String>>host().apply(List.of(new Sample<>("x", 0))));
        assertTrue(e.getMessage().contains("pass your own collate function"), e.getMessage());
    }

    @Test
    void imageRoundTripsThroughBytes() {
        ByteImage b = new ByteImage(3, 2, 2, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 250});
        Image im = b.toImage();
        assertEquals(2 / 255f, im.get(1, 0, 0));
        assertEquals(250 / 255f, im.get(2, 1, 1));
        assertEquals(b, im.toByteImage());
    }

    @Test
    void sampleAndImagesValidateTheirFields() {
        assertThrows(IllegalArgumentException.class, () -> new Sample<>("x", -1));
        assertEquals("ByteImage: 2x2x3 needs 12 bytes but 11 were given",
                assertThrows(IllegalArgumentException.class, () -> new ByteImage(3, 2, 2, new byte[11]))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Image(1, 2, 2, new float[3]));
    }
}
