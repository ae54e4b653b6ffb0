package io.netwright.backend.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The thread pool of one {@link CpuBackend}: a {@link ForkJoinPool} of daemon threads, or nothing at all when the
 * backend runs single-threaded. Work below a grain size runs on the calling thread.
 *
 * <p>Exceptions thrown by a chunk are rethrown unchanged on the calling thread (ForkJoin would otherwise
 * re-create them and could lose their message).
 */
final class CpuParallel implements AutoCloseable {

    /** A body run over a half-open range {@code [from, to)}. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /** Elements below which elementwise work stays on the calling thread. */
    static final int GRAIN = 32_768;

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final int threads;
    private final ForkJoinPool pool;

    CpuParallel(int threads) {
        this.threads = Math.max(1, threads);
        if (this.threads == 1) {
            pool = null;
        } else {
            int id = POOL_IDS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            pool = new ForkJoinPool(this.threads, p -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                t.setName("netwright-cpu-" + id + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }, null, false);
        }
    }

    /** Worker count (1 means everything runs on the caller). */
    int threads() {
        return threads;
    }

    /**
     * The element-wise sum of per-chunk partial results, added in iteration order (pass them in chunk order: the
     * result is then the same for a given thread count whatever the scheduling), or zeros of {@code length} if
     * there are none. The first partial is reused as the result.
     */
    static float[] sumInOrder(Iterable<float[]> partials, int length) {
        float[] total = null;
        for (float[] p : partials) {
            if (total == null) {
                total = p;
            } else {
                for (int i = 0; i < p.length; i++) {
                    total[i] += p[i];
                }
            }
        }
        return total == null ? new float[length] : total;
    }

    /**
     * Runs {@code body} over {@code [0, n)}, split into chunks of at least {@code grain} items when there is more
     * than one thread and {@code n > grain}; otherwise on the calling thread.
     */
    void forRange(int n, int grain, Range body) {
        if (n <= 0) {
            return;
        }
        int g = Math.max(1, grain);
        if (pool == null || n <= g) {
            body.run(0, n);
            return;
        }
        int chunks = (int) Math.min((n + (long) g - 1) / g, threads * 4L);
        if (chunks <= 1) {
            body.run(0, n);
            return;
        }
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<RecursiveAction> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    if (error.get() != null) {
                        return;
                    }
                    try {
                        body.run(from, to);
                    } catch (Throwable t) {
                        error.compareAndSet(null, t);
                    }
                }
            });
        }
        if (ForkJoinTask.getPool() == pool) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            pool.invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    invokeAll(tasks);
                }
            });
        }
        Throwable t = error.get();
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Runs {@code body(i, i + 1)} for every {@code i} in {@code [0, n)}: items 1.. go to the workers, item 0 runs on
     * the calling thread meanwhile, then the caller waits for the rest. For a few coarse items (one per thread) of
     * sub-millisecond work, where {@link #forRange}'s hand-over to a worker that then wakes a second one costs a
     * noticeable share; here only one wake-up lies on the critical path. Inside a worker (nested) it is
     * {@code forRange(n, 1, body)}. Exceptions are rethrown as by {@link #forRange}, the first one winning.
     */
    void forEachWithCaller(int n, Range body) {
        if (pool == null || n <= 1 || ForkJoinTask.getPool() == pool) {
            forRange(n, 1, body);
            return;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<ForkJoinTask<?>> others = new ArrayList<>(n - 1);
        for (int i = 1; i < n; i++) {
            int item = i;
            others.add(pool.submit(() -> runCatching(body, item, failure)));
        }
        runCatching(body, 0, failure);
        for (ForkJoinTask<?> task : others) {
            task.join();
        }
        Throwable error = failure.get();
        if (error instanceof RuntimeException re) {
            throw re;
        }
        if (error instanceof Error e) {
            throw e;
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
    }

    private static void runCatching(Range body, int item, AtomicReference<Throwable> failure) {
        try {
            body.run(item, item + 1);
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    /** Stops the workers; later calls run on the caller's thread only if single-threaded. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
