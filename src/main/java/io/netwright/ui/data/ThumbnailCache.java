package io.netwright.ui.data;

import io.netwright.data.ImageDataset;
import io.netwright.data.LabeledDataset;
import io.netwright.data.formats.CsvDataset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * The grid's thumbnails: decoded only when a cell shows them and kept in a least-recently-used map of bounded size,
 * so browsing 60,000 images holds a few hundred pictures, not 60,000. Samples held in memory (IDX, CIFAR, shapes,
 * CSV) decode on the FX thread in microseconds; samples read from files (image folders) are decoded on one
 * background thread, newest request first (what the user scrolled to), with old requests dropped beyond a bound.
 * FX thread only, apart from the decoding itself.
 */
public final class ThumbnailCache {

    /** Requests waiting beyond this are dropped, oldest first (their cells have scrolled away). */
    static final int MAX_PENDING = 256;

    private record Key(LabeledDataset<?> dataset, int index) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, Image> images;
    private final Map<Key, List<Consumer<Image>>> waiting = new HashMap<>();
    private final LinkedBlockingDeque<Key> pending = new LinkedBlockingDeque<>();
    private final AtomicLong decoded = new AtomicLong();
    private Thread worker;

    /** A cache of at most {@code capacity} thumbnails. */
    public ThumbnailCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ThumbnailCache: capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.images = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Image> eldest) {
                return size() > ThumbnailCache.this.capacity;
            }
        };
    }

    /**
     * The thumbnail of sample {@code index} of {@code dataset}: returned at once when cached or cheap to decode;
     * otherwise null, and {@code whenReady} is called on the FX thread once it has been decoded in the background.
     */
    public Image get(LabeledDataset<?> dataset, int index, Consumer<Image> whenReady) {
        Key k = new Key(dataset, index);
        Image img = images.get(k);
        if (img != null) {
            return img;
        }
        if (inMemory(dataset)) {
            img = decode(k);
            images.put(k, img);
            return img;
        }
        waiting.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(whenReady);
        pending.remove(k);
        pending.addLast(k);
        while (pending.size() > MAX_PENDING) {
            Key dropped = pending.pollFirst();
            if (dropped != null) {
                waiting.remove(dropped);
            }
        }
        startWorker();
        return null;
    }

    private static boolean inMemory(LabeledDataset<?> ds) {
        return ds instanceof ImageDataset || ds instanceof CsvDataset;
    }

    private Image decode(Key k) {
        decoded.incrementAndGet();
        return SampleImages.toFx(k.dataset().get(k.index()).input());
    }

    private void startWorker() {
        if (worker != null) {
            return;
        }
        worker = new Thread(this::work, "netwright-thumbnails");
        worker.setDaemon(true);
        worker.start();
    }

    private void work() {
        while (true) {
            Key k;
            try {
                k = pending.takeLast();
            } catch (InterruptedException e) {
                return;
            }
            Image img;
            try {
                img = decode(k);
            } catch (RuntimeException e) {
                img = null; // an unreadable file: the cell keeps its "?" and the large view names the file
            }
            Image done = img;
            Platform.runLater(() -> deliver(k, done));
        }
    }

    private void deliver(Key k, Image img) {
        List<Consumer<Image>> callbacks = waiting.remove(k);
        if (img == null) {
            return;
        }
        images.put(k, img);
        if (callbacks != null) {
            callbacks.forEach(c -> c.accept(img));
        }
    }

    /** Thumbnails held now (never more than the capacity). */
    public int size() {
        return images.size();
    }

    /** The most thumbnails held at once. */
    public int capacity() {
        return capacity;
    }

    /** Thumbnails decoded so far (cache misses). */
    public long decodedCount() {
        return decoded.get();
    }

    /** Forgets every thumbnail and pending request (a new dataset was opened). */
    public void clear() {
        images.clear();
        waiting.clear();
        pending.clear();
    }
}
