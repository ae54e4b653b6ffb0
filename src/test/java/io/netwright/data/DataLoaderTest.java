package io.netwright.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    /** Sample i is {index, a per-sample random draw}: the draw shows the (seed, epoch, index) derivation. */
    private static final class Numbers implements Dataset<long[]> {
        final int n;
        final AtomicInteger fetched = new AtomicInteger();
        final int failAt;

        Numbers(int n, int failAt) {
            this.n = n;
            this.failAt = failAt;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public long[] get(int index) {
            return get(index, SampleContext.standalone(index));
        }

        @Override
        public long[] get(int index, SampleContext ctx) {
            fetched.incrementAndGet();
            if (index == failAt) {
                throw new IllegalStateException("cannot read sample " + index);
            }
            return new long[]{index, (long) (ctx.generator().nextDouble() * 1_000_000)};
        }
    }

    /** Batches as a list of [index, draw] pairs, plus a closed flag to check that abandoned batches are closed. */
    private static final class Rows implements AutoCloseable {
        final List<long[]> rows;
        volatile boolean closed;

        Rows(List<long[]> rows) {
            this.rows = rows;
        }

        long[] indices() {
            return rows.stream().mapToLong(r -> r[0]).toArray();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final Function<List<long[]>, Rows> ROWS = Rows::new;

    private static DataLoader<long[], Rows> loader(Dataset<long[]> ds, int batch, boolean shuffle, long seed,
            boolean dropLast, int workers) {
        return DataLoader.builder(ds).batchSize(batch).shuffle(shuffle).seed(seed).dropLast(dropLast)
                .numWorkers(workers).collate(ROWS).build();
    }

    private static List<long[]> flatten(Iterable<Rows> batches) {
        List<long[]> out = new ArrayList<>();
        for (Rows r : batches) {
            out.addAll(r.rows);
        }
        return out;
    }

    @Test
    void sequentialBatchesCoverTheDatasetInOrderWithASmallerLastBatch() {
        try (var dl = loader(new Numbers(10, -1), 4, false, 0, false, 0)) {
            assertEquals(3, dl.numBatches());
            List<long[]> idx = new ArrayList<>();
            for (Rows r : dl.epoch(0)) {
                idx.add(r.indices());
            }
            assertArrayEquals(new long[]{0, 1, 2, 3}, idx.get(0));
            assertArrayEquals(new long[]{4, 5, 6, 7}, idx.get(1));
            assertArrayEquals(new long[]{8, 9}, idx.get(2));
        }
    }

    @Test
    void dropLastDropsTheIncompleteBatch() {
        try (var dl = loader(new Numbers(10, -1), 4, true, 3, true, 2)) {
            assertEquals(2, dl.numBatches());
            int count = 0;
            for (Rows r : dl.epoch(0)) {
                assertEquals(4, r.rows.size());
                count++;
            }
            assertEquals(2, count);
        }
    }

    @Test
    void identicalBatchesForZeroOneAndThreeWorkers() {
        Numbers ds = new Numbers(103, -1);
        List<List<long[]>> results = new ArrayList<>();
        for (int workers : new int[]{0, 1, 3}) {
            try (var dl = loader(ds, 8, true, 42, false, workers)) {
                List<long[]> all = new ArrayList<>();
                for (int epoch = 0; epoch < 3; epoch++) {
                    all.addAll(flatten(dl.epoch(epoch)));
                }
                results.add(all);
            }
        }
        for (int k = 1; k < results.size(); k++) {
            assertEquals(results.get(0).size(), results.get(k).size());
            for (int i = 0; i < results.get(0).size(); i++) {
                assertArrayEquals(results.get(0).get(i), results.get(k).get(i), "row " + i + ", loader " + k);
            }
        }
    }

    @Test
    void shuffleGivesAPermutationPerEpochThatDependsOnSeedAndEpoch() {
        Numbers ds = new Numbers(50, -1);
        try (var a = loader(ds, 7, true, 1, false, 0); var b = loader(ds, 7, true, 1, false, 2);
             var c = loader(ds, 7, true, 2, false, 0)) {
            long[] e0 = flatten(a.epoch(0)).stream().mapToLong(r -> r[0]).toArray();
            long[] e1 = flatten(a.epoch(1)).stream().mapToLong(r -> r[0]).toArray();
            long[] e0b = flatten(b.epoch(0)).stream().mapToLong(r -> r[0]).toArray();
            long[] e0c = flatten(c.epoch(0)).stream().mapToLong(r -> r[0]).toArray();
            long[] sorted = e0.clone();
            Arrays.sort(sorted);
            long[] all = new long[50];
            Arrays.setAll(all, i -> i);
            assertArrayEquals(all, sorted, "every sample exactly once");
            assertFalse(Arrays.equals(e0, all), "shuffled");
            assertFalse(Arrays.equals(e0, e1), "reshuffled per epoch");
            assertArrayEquals(e0, e0b, "same seed and epoch, same order");
            assertFalse(Arrays.equals(e0, e0c), "another seed, another order");
        }
    }

    @Test
    void perSampleRandomnessDependsOnEpochNotOnWorkers() {
        Numbers ds = new Numbers(20, -1);
        try (var dl = loader(ds, 5, false, 9, false, 2)) {
            List<long[]> e0 = flatten(dl.epoch(0));
            List<long[]> e0again = flatten(dl.epoch(0));
            List<long[]> e1 = flatten(dl.epoch(1));
            for (int i = 0; i < 20; i++) {
                assertEquals(e0.get(i)[1], e0again.get(i)[1]);
            }
            assertNotEquals(e0.get(3)[1], e1.get(3)[1], "a new epoch gives new augmentation");
        }
    }

    @Test
    void iteratingTheLoaderAdvancesTheEpoch() {
        try (var dl = loader(new Numbers(30, -1), 30, true, 5, false, 0)) {
            long[] first = dl.iterator().next().indices();
            long[] second = dl.iterator().next().indices();
            assertEquals(2, dl.nextEpoch());
            assertArrayEquals(flatten(dl.epoch(0)).stream().mapToLong(r -> r[0]).toArray(), first);
            assertArrayEquals(flatten(dl.epoch(1)).stream().mapToLong(r -> r[0]).toArray(), second);
            dl.setNextEpoch(0);
            assertArrayEquals(first, dl.iterator().next().indices());
        }
    }

    @Test
    void workerExceptionSurfacesInTheConsumerWithTheSampleIndex() {
        for (int workers : new int[]{0, 2}) {
            try (var dl = loader(new Numbers(40, 13), 4, false, 0, false, workers)) {
                BatchIterator<Rows> it = dl.iterator(0);
                for (int k = 0; k < 3; k++) {
                    it.next(); // batches 0..2 (samples 0..11) load fine
                }
                DataLoaderException e = assertThrows(DataLoaderException.class, it::next);
                assertEquals(13, e.sampleIndex());
                assertEquals(3, e.batchIndex());
                assertEquals(0, e.epoch());
                assertTrue(e.getMessage().contains("loading sample 13 (batch 3 of epoch 0)"), e.getMessage());
                assertTrue(e.getMessage().contains("cannot read sample 13"), e.getMessage());
                assertInstanceOf(IllegalStateException.class, e.getCause());
                assertFalse(it.hasNext(), "the iterator closes itself after a failure");
                if (workers > 0) {
                    assertTrue(e.getMessage().contains("worker"), e.getMessage());
                }
            }
        }
    }

    @Test
    void collateFailureNamesTheBatch() {
        Numbers ds = new Numbers(8, -1);
        try (var dl = DataLoader.builder(ds).batchSize(4).numWorkers(1).collate(rows -> {
            throw new IllegalArgumentException("shapes differ");
        }).build()) {
            DataLoaderException e = assertThrows(DataLoaderException.class, () -> dl.iterator(0).next());
            assertEquals(-1, e.sampleIndex());
            assertTrue(e.getMessage().contains("collating batch 0 of epoch 0 (samples [0, 1, 2, 3])"), e.getMessage());
        }
    }

    @Test
    void prefetchIsBoundedByWorkersTimesPrefetchFactor() throws Exception {
        Numbers ds = new Numbers(400, -1);
        try (var dl = DataLoader.builder(ds).batchSize(2).numWorkers(2).prefetchFactor(3).collate(ROWS).build()) {
            BatchIterator<Rows> it = dl.iterator(0);
            it.next();
            Thread.sleep(300);
            // One batch consumed; at most 2 * 3 batches loaded ahead of it.
            assertTrue(ds.fetched.get() <= (1 + 6) * 2, "fetched " + ds.fetched.get());
            it.close();
        }
    }

    @Test
    void closingAnIteratorEarlyClosesBatchesAlreadyLoaded() throws Exception {
        List<Rows> made = java.util.Collections.synchronizedList(new ArrayList<>());
        Numbers ds = new Numbers(100, -1);
        try (var dl = DataLoader.builder(ds).batchSize(5).numWorkers(2).collate((List<long[]> rows) -> {
            Rows r = new Rows(rows);
            made.add(r);
            return r;
        }).build()) {
            BatchIterator<Rows> it = dl.iterator(0);
            Rows first = it.next();
            Thread.sleep(200);
            it.close();
            assertFalse(it.hasNext());
            assertThrows(java.util.NoSuchElementException.class, it::next);
            Thread.sleep(200);
            synchronized (made) {
                for (Rows r : made) {
                    assertTrue(r == first || r.closed, "prefetched batch left open");
                }
            }
        }
    }

    @Test
    void closeStopsTheWorkerThreads() throws Exception {
        var dl = loader(new Numbers(100, -1), 4, true, 0, false, 3);
        dl.iterator(0).next();
        String prefix = "netwright-data-";
        assertTrue(workerThreads(prefix) > 0);
        dl.close();
        dl.close(); // idempotent
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (workerThreads(prefix) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, workerThreads(prefix));
        assertThrows(IllegalStateException.class, () -> dl.iterator(1));
    }

    @Test
    void closingTheLoaderFromAnotherThreadEndsTheConsumersLoop() throws Exception {
        Dataset<long[]> slow = new Dataset<>() {
            @Override
            public int size() {
                return 1000;
            }

            @Override
            public long[] get(int index) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new long[]{index, 0};
            }
        };
        var dl = DataLoader.builder(slow).batchSize(4).numWorkers(2).collate(ROWS).build();
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dl.close();
        });
        closer.start();
        long t0 = System.nanoTime();
        int n = 0;
        for (Rows r : dl.epoch(0)) {
            n++;
        }
        closer.join();
        assertTrue(n > 0 && n < 250, "stopped early after " + n + " batches");
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
    }

    private static long workerThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
    }

    @Test
    void timeoutFailsASlowBatch() {
        Dataset<long[]> slow = new Dataset<>() {
            @Override
            public int size() {
                return 4;
            }

            @Override
            public long[] get(int index) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new long[]{index, 0};
            }
        };
        try (var dl = DataLoader.builder(slow).batchSize(2).numWorkers(1).timeout(Duration.ofMillis(100))
                .collate(ROWS).build()) {
            DataLoaderException e = assertThrows(DataLoaderException.class, () -> dl.iterator(0).next());
            assertTrue(e.getMessage().contains("timed out after 100 ms waiting for batch 0"), e.getMessage());
        }
    }

    @Test
    void customSamplerSetsTheOrder() {
        try (var dl = DataLoader.builder(new Numbers(10, -1)).batchSize(2).sampler(Sampler.of(9, 7, 5))
                .collate(ROWS).build()) {
            assertEquals(2, dl.numBatches());
            assertArrayEquals(new int[][]{{9, 7}, {5}}, dl.batchIndices(0));
        }
    }

    @Test
    void builderRejectsBadOptionsWithPyTorchMessages() {
        Numbers ds = new Numbers(4, -1);
        assertEquals("batch_size should be a positive integer value, but got batch_size=0",
                assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).batchSize(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).numWorkers(-1))
                .getMessage().startsWith("num_workers option should be non-negative"));
        assertEquals("sampler option is mutually exclusive with shuffle",
                assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).shuffle(true)
                        .sampler(Sampler.of(0)).build()).getMessage());
    }
}
