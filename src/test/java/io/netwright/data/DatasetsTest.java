package io.netwright.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static Dataset<Integer> range(int n) {
        return Datasets.ofList(IntStream.range(0, n).boxed().toList());
    }

    @Test
    void subsetMapsIndicesAndChecksThem() {
        Subset<Integer> s = new Subset<>(range(10), new int[]{7, 2, 2});
        assertEquals(3, s.size());
        assertEquals(7, s.get(0));
        assertEquals(2, s.get(2));
        assertEquals("index 3 is out of range for a dataset of 3 samples (valid: 0..2)",
                assertThrows(IndexOutOfBoundsException.class, () -> s.get(3)).getMessage());
        assertEquals("Subset: indices[1] = 10 is outside the dataset of 10 samples",
                assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(range(10), new int[]{0, 10}))
                        .getMessage());
    }

    @Test
    void concatDatasetFindsThePartIncludingAcrossEmptyParts() {
        ConcatDataset<Integer> c = ConcatDataset.of(range(3), range(0), Datasets.ofList(List.of(100, 101)));
        assertEquals(5, c.size());
        assertArrayEquals(new int[]{3, 3, 5}, c.cumulativeSizes());
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            all.add(c.get(i));
        }
        assertEquals(List.of(0, 1, 2, 100, 101), all);
        assertThrows(IndexOutOfBoundsException.class, () -> c.get(5));
        assertThrows(IllegalArgumentException.class, () -> new ConcatDataset<Integer>(List.of()));
    }

    @Test
    void randomSplitByCountsIsADisjointSeededPartition() {
        List<Subset<Integer>> parts = Datasets.randomSplit(range(100), 7, 70, 20, 10);
        assertEquals(List.of(70, 20, 10), parts.stream().map(Subset::size).toList());
        Set<Integer> seen = new HashSet<>();
        for (Subset<Integer> p : parts) {
            for (int i = 0; i < p.size(); i++) {
                assertTrue(seen.add(p.get(i)), "duplicate " + p.get(i));
            }
        }
        assertEquals(100, seen.size());
        assertArrayEquals(parts.get(0).indices(), Datasets.randomSplit(range(100), 7, 70, 20, 10).get(0).indices());
        assertNotEquals(List.of(parts.get(0).indices()),
                List.of(Datasets.randomSplit(range(100), 8, 70, 20, 10).get(0).indices()));
    }

    @Test
    void randomSplitByFractionsRoundsLikePyTorch() {
        // floor(10 * 0.33) = 3 each, 1 left over goes to the first part (round-robin).
        assertArrayEquals(new int[]{4, 3, 3}, Datasets.lengthsForFractions(10, 0.33, 0.33, 0.34));
        // floor: 2, 2, 2 (sum 6), 1 left: [3, 2, 2]
        assertArrayEquals(new int[]{3, 2, 2}, Datasets.lengthsForFractions(7, 1 / 3.0, 1 / 3.0, 1 / 3.0));
        assertArrayEquals(new int[]{2400, 600}, Datasets.lengthsForFractions(3000, 0.8, 0.2));
        // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floating point: accepted.
        assertArrayEquals(new int[]{1, 2, 7}, Datasets.lengthsForFractions(10, 0.1, 0.2, 0.7));
        List<Subset<Integer>> parts = Datasets.randomSplit(range(11), 1, 0.5, 0.5);
        assertEquals(6, parts.get(0).size());
        assertEquals(5, parts.get(1).size());
    }

    @Test
    void randomSplitRejectsBadLengths() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(range(10), 0, 5, 4))
                .getMessage().contains("does not equal the length of the input dataset (10)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(range(10), 0, 0.5, 0.6))
                .getMessage().contains("add up to"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(range(10), 0, 1.5, -0.5))
                .getMessage().contains("fraction at index 0 is not between 0 and 1"));
    }

    @Test
    void permutationIsAPermutationAndSeeded() {
        int[] p = Draws.permutation(new io.netwright.tensor.Generator(3), 1000);
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(IntStream.range(0, 1000).toArray(), sorted);
        assertArrayEquals(p, Draws.permutation(new io.netwright.tensor.Generator(3), 1000));
    }

    @Test
    void randintStaysInRange() {
        var g = new io.netwright.tensor.Generator(5);
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[Draws.randint(g, 0, 3)]++;
        }
        for (int c : counts) {
            assertTrue(c > 850 && c < 1150, java.util.Arrays.toString(counts));
        }
    }
}
