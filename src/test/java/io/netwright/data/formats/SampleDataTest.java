package io.netwright.data.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.ImageDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataTest {

    @Test
    void shippedFashionMnistSubsetHasTheDocumentedCountsAndBalance() throws IOException {
        ImageDataset train = SampleData.fashionMnist(Split.TRAIN);
        ImageDataset test = SampleData.fashionMnist(Split.TEST);
        assertEquals(3000, train.size());
        assertEquals(1000, test.size());
        int[] per300 = new int[10];
        Arrays.fill(per300, 300);
        int[] per100 = new int[10];
        Arrays.fill(per100, 100);
        assertArrayEquals(per300, train.classCounts());
        assertArrayEquals(per100, test.classCounts());
        assertEquals(Mnist.FASHION_CLASSES, train.classes());
        assertEquals(28, train.height());
        assertEquals(1, train.channels());
        int nonZero = 0;
        for (byte b : train.get(0).input().data()) {
            nonZero += b != 0 ? 1 : 0;
        }
        assertTrue(nonZero > 50, "a real picture, " + nonZero + " non-zero pixels");
    }

    @Test
    void systemPropertyOverridesTheSearch(@TempDir Path tmp) throws IOException {
        String old = System.getProperty(SampleData.PROPERTY);
        try {
            Files.createDirectories(tmp.resolve("data"));
            System.setProperty(SampleData.PROPERTY, tmp.toString());
            assertEquals(tmp.toAbsolutePath().normalize(), SampleData.root());
            System.setProperty(SampleData.PROPERTY, tmp.resolve("missing").toString());
            IOException e = assertThrows(IOException.class, SampleData::root);
            assertTrue(e.getMessage().startsWith("-Dnetwright.samples="), e.getMessage());
        } finally {
            if (old == null) {
                System.clearProperty(SampleData.PROPERTY);
            } else {
                System.setProperty(SampleData.PROPERTY, old);
            }
        }
    }

    @Test
    void searchesTheWorkingDirectoryAndTheCodeLocation() {
        var c = SampleData.candidates();
        assertEquals(Path.of("samples").toAbsolutePath().normalize(), c.get(0));
        assertTrue(c.size() > 4);
    }
}
