package io.netwright.data;

import java.util.Iterator;

/**
 * The batches of one epoch of a {@link DataLoader}. Close it when leaving a loop early: that cancels prefetching
 * and frees batches already loaded. It closes itself after the last batch or a failure.
 *
 * @param <B> the batch type
 */
public interface BatchIterator<B> extends Iterator<B>, AutoCloseable {

    /** The epoch this iterator loads. */
    int epoch();

    /** The number of batches in the epoch. */
    int numBatches();

    /** Stops loading; batches loaded but not yet returned are closed if they are {@link AutoCloseable}. */
    @Override
    void close();
}
