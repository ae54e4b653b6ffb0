package io.netwright.data;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Batches a {@link Dataset} epoch by epoch, like {@code torch.utils.data.DataLoader}: batch size, shuffling with
 * a seed, drop-last, a collate function, and background workers that prefetch batches.
 *
 * <pre>{@code
 * try (var loader = DataLoader.builder(train).batchSize(64).shuffle(true).seed(42).numWorkers(2).build()) {
 *     for (int epoch = 0; epoch < 10; epoch++) {
 *         for (Batch b : loader.epoch(epoch)) {
 *             try (b) { ... }
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p><b>Determinism.</b> The order of epoch {@code e} is a permutation drawn from (seed, e); sample {@code i} is
 * fetched with {@link SampleContext}(seed, e, i), from which random transforms draw. Workers only decide <i>where</i>
 * the work runs: batches come out in order and are identical for 0, 1 or 8 workers.
 *
 * <p><b>Workers.</b> With {@code numWorkers > 0}, batches are loaded (fetch, transform, collate) on a pool of daemon
 * threads, at most {@code numWorkers * prefetchFactor} ahead of the consumer. The collate function runs there too,
 * so the default collate creates the batch tensors on worker threads (on the CPU backend). A failure in a worker
 * is raised in the consuming thread as a {@link DataLoaderException} naming the sample index, when that batch is
 * reached. {@link #close()} stops the workers.
 *
 * @param <T> the sample type
 * @param <B> the batch type
 */
public final class DataLoader<T, B> implements Iterable<B>, AutoCloseable {

    private static final AtomicInteger LOADER_IDS = new AtomicInteger();

    private final Dataset<T> dataset;
    private final Function<? super List<T>, ? extends B> collate;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final int numWorkers;
    private final int prefetchFactor;
    private final Sampler sampler;
    private final Duration timeout;
    private final int id = LOADER_IDS.incrementAndGet();
    private final AtomicInteger nextEpoch = new AtomicInteger();
    private final Set<Batches> open = ConcurrentHashMap.newKeySet();
    private ThreadPoolExecutor pool;
    private volatile boolean closed;

    private DataLoader(Builder<T, B> b) {
        this.dataset = b.dataset;
        this.collate = b.collate;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.dropLast = b.dropLast;
        this.numWorkers = b.numWorkers;
        this.prefetchFactor = b.prefetchFactor;
        this.timeout = b.timeout;
        this.sampler = b.sampler != null ? b.sampler
                : shuffle ? Sampler.shuffled(dataset.size(), seed) : Sampler.sequential(dataset.size());
    }

    /** A builder for a loader over {@code dataset} with the default collate ({@link Collate#batch()}). */
    public static <T> Builder<T, Batch> builder(Dataset<T> dataset) {
        return new Builder<>(dataset, Collate.batch());
    }

    // ================================================================ queries

    /** The dataset. */
    public Dataset<T> dataset() {
        return dataset;
    }

    /** Samples per batch (the last batch may be smaller unless drop-last). */
    public int batchSize() {
        return batchSize;
    }

    /** The number of worker threads (0: load in the consuming thread). */
    public int numWorkers() {
        return numWorkers;
    }

    /** The seed of the shuffle order and of the per-sample generators. */
    public long seed() {
        return seed;
    }

    /** Batches per epoch ({@code len(loader)} in PyTorch). */
    public int numBatches() {
        int n = sampler.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The dataset indices of each batch of {@code epoch}, in order: the plan the iterator follows. */
    public int[][] batchIndices(int epoch) {
        int[] order = sampler.indices(epoch);
        int count = dropLast ? order.length / batchSize : (order.length + batchSize - 1) / batchSize;
        int[][] out = new int[count][];
        for (int k = 0; k < count; k++) {
            out[k] = Arrays.copyOfRange(order, k * batchSize, Math.min(order.length, (k + 1) * batchSize));
        }
        return out;
    }

    /** The epoch the next {@link #iterator()} call will load. */
    public int nextEpoch() {
        return nextEpoch.get();
    }

    /** Sets the epoch the next {@link #iterator()} call loads (e.g. when resuming a run). */
    public void setNextEpoch(int epoch) {
        nextEpoch.set(epoch);
    }

    // ================================================================ iteration

    /** The batches of {@code epoch}; each {@code iterator()} call of the result starts that epoch anew. */
    public Iterable<B> epoch(int epoch) {
        return () -> iterator(epoch);
    }

    /** The batches of the next epoch (0, then 1, ...), so {@code for (B b : loader)} reshuffles each time. */
    @Override
    public BatchIterator<B> iterator() {
        return iterator(nextEpoch.getAndIncrement());
    }

    /** The batches of {@code epoch}. */
    public BatchIterator<B> iterator(int epoch) {
        if (closed) {
            throw new IllegalStateException("DataLoader is closed");
        }
        Batches it = new Batches(epoch, batchIndices(epoch));
        open.add(it);
        it.start();
        return it;
    }

    /**
     * Stops every open iterator and the worker threads, waiting up to a second for batches in progress before
     * interrupting them; loaded batches are closed. Idempotent.
     */
    @Override
    public void close() {
        ThreadPoolExecutor p;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            p = pool;
        }
        for (Batches it : List.copyOf(open)) {
            it.close();
        }
        if (p != null) {
            p.shutdown();
            try {
                // A batch in progress normally finishes in milliseconds; one stuck in a slow read is interrupted.
                if (!p.awaitTermination(1, TimeUnit.SECONDS)) {
                    p.shutdownNow();
                    p.awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized ThreadPoolExecutor pool() {
        if (closed) {
            throw new IllegalStateException("DataLoader is closed");
        }
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = new ThreadPoolExecutor(numWorkers, numWorkers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "netwright-data-" + id + "-worker-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    /** Fetches the samples of one batch and collates them; failures name the sample. */
    private B load(int epoch, int batch, int[] indices) {
        List<T> items = new ArrayList<>(indices.length);
        for (int i : indices) {
            try {
                items.add(dataset.get(i, new SampleContext(seed, epoch, i)));
            } catch (RuntimeException | Error e) {
                throw new DataLoaderException("DataLoader: loading sample " + i + " (batch " + batch + " of epoch "
                        + epoch + ") failed on thread " + Thread.currentThread().getName() + ": " + describe(e),
                        e, epoch, batch, i);
            }
        }
        try {
            return collate.apply(items);
        } catch (RuntimeException | Error e) {
            throw new DataLoaderException("DataLoader: collating batch " + batch + " of epoch " + epoch
                    + " (samples " + Arrays.toString(indices) + ") failed on thread "
                    + Thread.currentThread().getName() + ": " + describe(e), e, epoch, batch, -1);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void closeQuietly(Object o) {
        if (o instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // a batch that fails to close while the loader shuts down has nothing left to report to
            }
        }
    }

    @Override
    public String toString() {
        return "DataLoader(size=" + dataset.size() + ", batch_size=" + batchSize + ", shuffle=" + shuffle
                + ", seed=" + seed + ", drop_last=" + dropLast + ", num_workers=" + numWorkers
                + ", prefetch_factor=" + prefetchFactor + ", sampler=" + sampler + ")";
    }

    // ================================================================ one epoch

    private final class Batches implements BatchIterator<B> {

        private final int epoch;
        private final int[][] plan;
        private final Deque<CompletableFuture<B>> window = new ArrayDeque<>();
        private int nextToSubmit;
        private int nextToReturn;
        private volatile boolean done;

        Batches(int epoch, int[][] plan) {
            this.epoch = epoch;
            this.plan = plan;
        }

        void start() {
            if (numWorkers > 0) {
                fill();
            }
        }

        /** Tops the window up to {@code numWorkers * prefetchFactor} batches in flight. */
        private synchronized void fill() {
            int limit = numWorkers * prefetchFactor;
            while (!done && !closed && window.size() < limit && nextToSubmit < plan.length) {
                int k = nextToSubmit++;
                window.add(CompletableFuture.supplyAsync(() -> done ? null : load(epoch, k, plan[k]), pool()));
            }
        }

        @Override
        public int epoch() {
            return epoch;
        }

        @Override
        public int numBatches() {
            return plan.length;
        }

        @Override
        public boolean hasNext() {
            return !done && nextToReturn < plan.length;
        }

        @Override
        public B next() {
            if (!hasNext()) {
                throw new NoSuchElementException(done && nextToReturn < plan.length
                        ? "the iterator of epoch " + epoch + " was closed" : "no more batches in epoch " + epoch);
            }
            int k = nextToReturn++;
            B batch;
            try {
                batch = numWorkers == 0 ? load(epoch, k, plan[k]) : await(k);
            } catch (RuntimeException | Error e) {
                close();
                throw e;
            }
            if (nextToReturn == plan.length) {
                close();
            }
            return batch;
        }

        private B await(int k) {
            CompletableFuture<B> f;
            synchronized (this) {
                f = window.poll();
                fill();
            }
            if (f == null) {
                throw new NoSuchElementException("the iterator of epoch " + epoch + " was closed");
            }
            // Wait without holding the lock, so close() from another thread is not blocked.
            try {
                return timeout == null ? f.get() : f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof DataLoaderException d) {
                    // Re-raise here so the consumer's stack shows too; the cause keeps the worker's stack.
                    throw new DataLoaderException(d.getMessage(), d.getCause(), d.epoch(), d.batchIndex(),
                            d.sampleIndex());
                }
                throw new DataLoaderException("DataLoader: batch " + k + " of epoch " + epoch + " failed: "
                        + describe(c), c, epoch, k, -1);
            } catch (TimeoutException e) {
                f.thenAccept(DataLoader::closeQuietly);
                throw new DataLoaderException("DataLoader: timed out after " + timeout.toMillis()
                        + " ms waiting for batch " + k + " of epoch " + epoch + " (samples "
                        + Arrays.toString(plan[k]) + ")", e, epoch, k, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.thenAccept(DataLoader::closeQuietly);
                throw new DataLoaderException("DataLoader: interrupted while waiting for batch " + k + " of epoch "
                        + epoch, e, epoch, k, -1);
            }
        }

        @Override
        public void close() {
            List<CompletableFuture<B>> pending;
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                pending = new ArrayList<>(window);
                window.clear();
            }
            open.remove(this);
            // Batches still in flight are closed whenever they complete; queued tasks see done and skip the work.
            for (CompletableFuture<B> f : pending) {
                f.thenAccept(DataLoader::closeQuietly);
            }
        }
    }

    // ================================================================ builder

    /**
     * Options of a {@link DataLoader}, with PyTorch's defaults: batch size 1, no shuffle, keep the last partial
     * batch, no workers, prefetch factor 2, seed 0.
     *
     * @param <T> the sample type
     * @param <B> the batch type the collate function makes
     */
    public static final class Builder<T, B> {

        private final Dataset<T> dataset;
        private final Function<? super List<T>, ? extends B> collate;
        private int batchSize = 1;
        private boolean shuffle;
        private long seed;
        private boolean dropLast;
        private int numWorkers;
        private int prefetchFactor = 2;
        private Sampler sampler;
        private Duration timeout;

        private Builder(Dataset<T> dataset, Function<? super List<T>, ? extends B> collate) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            this.collate = Objects.requireNonNull(collate, "collate");
        }

        private <R> Builder<T, R> copyWith(Function<? super List<T>, ? extends R> newCollate) {
            Builder<T, R> b = new Builder<>(dataset, newCollate);
            b.batchSize = batchSize;
            b.shuffle = shuffle;
            b.seed = seed;
            b.dropLast = dropLast;
            b.numWorkers = numWorkers;
            b.prefetchFactor = prefetchFactor;
            b.sampler = sampler;
            b.timeout = timeout;
            return b;
        }

        /** Samples per batch. */
        public Builder<T, B> batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batch_size should be a positive integer value, but got "
                        + "batch_size=" + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Visit the samples in a new random order every epoch. */
        public Builder<T, B> shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** The seed of the shuffle and of per-sample random transforms. */
        public Builder<T, B> seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Drop the last batch if it is smaller than the batch size. */
        public Builder<T, B> dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** Worker threads that load batches in the background (0: load in the consuming thread). */
        public Builder<T, B> numWorkers(int numWorkers) {
            if (numWorkers < 0) {
                throw new IllegalArgumentException("num_workers option should be non-negative; use num_workers=0 to"
                        + " disable multiprocessing, got " + numWorkers);
            }
            this.numWorkers = numWorkers;
            return this;
        }

        /** Batches loaded ahead per worker (the queue holds at most {@code numWorkers * prefetchFactor}). */
        public Builder<T, B> prefetchFactor(int prefetchFactor) {
            if (prefetchFactor < 1) {
                throw new IllegalArgumentException("prefetch_factor must be at least 1, got " + prefetchFactor);
            }
            this.prefetchFactor = prefetchFactor;
            return this;
        }

        /** A custom order of indices (instead of sequential or shuffled). */
        public Builder<T, B> sampler(Sampler sampler) {
            this.sampler = Objects.requireNonNull(sampler, "sampler");
            return this;
        }

        /** How long the consumer waits for one batch before failing (default: forever). */
        public Builder<T, B> timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout option should be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Use {@code collate} to turn a list of samples into a batch (default {@link Collate#batch()}). */
        public <R> Builder<T, R> collate(Function<? super List<T>, ? extends R> collate) {
            return copyWith(collate);
        }

        /** The loader. */
        public DataLoader<T, B> build() {
            if (sampler != null && shuffle) {
                throw new IllegalArgumentException("sampler option is mutually exclusive with shuffle");
            }
            return new DataLoader<>(this);
        }
    }
}
