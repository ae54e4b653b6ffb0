package io.netwright.data.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.data.CorruptDataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void headerIsDetectedAndTheLastColumnIsTheLabel() throws IOException {
        Path f = csv("iris.csv", "sepal_length,sepal_width,species\n5.1,3.5,setosa\n\n6.3,2.9,virginica\n"
                + "5.0,3.6,setosa\n");
        CsvDataset ds = CsvDataset.load(f);
        assertEquals(3, ds.size());
        assertEquals(List.of("sepal_length", "sepal_width"), ds.featureNames());
        assertEquals(List.of("setosa", "virginica"), ds.classes());
        assertArrayEquals(new float[]{6.3f, 2.9f}, ds.get(1).input());
        assertEquals(1, ds.get(1).label());
        assertArrayEquals(new int[]{2, 1}, ds.classCounts());
    }

    @Test
    void labelColumnByNameOrIndexAndNumericLabelsSortNumerically() throws IOException {
        Path f = csv("digits.csv", "label;a;b\n10;1;2\n2;3;4\n1;5;6\n2;7;8\n");
        CsvDataset byName = CsvDataset.load(f, CsvOptions.defaults().withDelimiter(';').withLabelColumn("label"));
        CsvDataset byIndex = CsvDataset.load(f, CsvOptions.defaults().withDelimiter(';').withLabelColumn(0));
        for (CsvDataset ds : List.of(byName, byIndex)) {
            assertEquals(List.of("1", "2", "10"), ds.classes());
            assertEquals(2, ds.label(0));
            assertArrayEquals(new float[]{1, 2}, ds.get(0).input());
            assertEquals(List.of("a", "b"), ds.featureNames());
        }
    }

    @Test
    void noHeaderAndQuotedFields() throws IOException {
        Path f = csv("q.csv", "1.5, 2, \"big, red\"\n-3e2,\"4\",\"small \"\"x\"\"\"\n");
        CsvDataset ds = CsvDataset.load(f);
        assertEquals(2, ds.size());
        assertEquals(List.of("feature_0", "feature_1"), ds.featureNames());
        assertEquals(List.of("big, red", "small \"x\""), ds.classes());
        assertArrayEquals(new float[]{-300, 4}, ds.get(1).input());
    }

    @Test
    void badFieldsNameTheLineAndColumn() throws IOException {
        Path f = csv("bad.csv", "x,y,label\n1,2,a\n3,oops,b\n");
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> CsvDataset.load(f));
        assertTrue(e.getMessage().startsWith("bad.csv: line 3, column 2 ('y'): expected a number but found 'oops'"),
                e.getMessage());
        Path g = csv("short.csv", "x,y,label\n1,2,a\n3,b\n");
        assertTrue(assertThrows(CorruptDataException.class, () -> CsvDataset.load(g)).getMessage()
                .startsWith("short.csv: line 3 has 2 fields, expected 3 (as in the header)"));
        Path h = csv("empty.csv", "x,y,label\n1,,a\n");
        assertTrue(assertThrows(CorruptDataException.class, () -> CsvDataset.load(h)).getMessage()
                .contains("line 2, column 2 ('y'): expected a number but the field is empty"));
        Path q = csv("quote.csv", "1,\"open\n");
        assertTrue(assertThrows(CorruptDataException.class, () -> CsvDataset.load(q)).getMessage()
                .contains("line 1: a quoted field is not closed"));
    }

    @Test
    void unknownLabelColumnAndEmptyFiles() throws IOException {
        Path f = csv("a.csv", "x,y\n1,2\n");
        assertTrue(assertThrows(CorruptDataException.class, () -> CsvDataset.load(f, CsvOptions.defaults()
                .withLabelColumn("class"))).getMessage().contains("no column named 'class' in the header [x, y]"));
        assertTrue(assertThrows(CorruptDataException.class, () -> CsvDataset.load(f, CsvOptions.defaults()
                .withLabelColumn(5))).getMessage().contains("label column 5 is outside the 2 columns"));
        Path e = csv("e.csv", "\n\n");
        assertTrue(assertThrows(CorruptDataException.class, () -> CsvDataset.load(e)).getMessage()
                .startsWith("e.csv: no rows"));
    }
}
