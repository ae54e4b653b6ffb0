package io.netwright.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers events from the training thread to listeners without ever making it wait for them. Each listener has a
 * bounded queue and a daemon thread of its own; {@link #publish} only appends under a short lock.
 *
 * <p>Coalescing: a {@link TrainingEvent.BatchEnd} that would follow another {@code BatchEnd} still waiting in the
 * queue replaces it, so a listener that falls behind sees fewer batch events — the latest, whose running figures
 * include the skipped steps — and never a backlog; order is kept because only the queue's tail is replaced. If a
 * queue still reaches its capacity (a listener stuck for a long time), the oldest batch, health or samples event is
 * dropped; the other events (epochs, checkpoints, control, terminal) are always delivered.
 */
final class EventDispatcher {

    /** Default queue capacity per listener. */
    static final int CAPACITY = 1024;

    private final List<Channel> channels = new CopyOnWriteArrayList<>();
    private final String name;
    private final int capacity;
    private volatile boolean finished;

    EventDispatcher(String name, int capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    /** Attaches a listener; it receives the events published from now on. */
    void add(TrainingListener listener) {
        Channel c = new Channel(listener, name + "-listener-" + (channels.size() + 1));
        channels.add(c);
        if (finished) {
            c.finish();
        }
        c.thread.start();
    }

    /** Queues {@code event} for every listener; never blocks on a listener. */
    void publish(TrainingEvent event) {
        for (Channel c : channels) {
            c.offer(event);
        }
    }

    /** No more events: each listener's thread ends once it has delivered what is queued. */
    void finish() {
        finished = true;
        for (Channel c : channels) {
            c.finish();
        }
    }

    /** Waits up to {@code timeoutNanos} for every listener to receive its last event; true if they all did. */
    boolean awaitDelivered(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        for (Channel c : channels) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedJoin(c.thread, left);
            if (c.thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Listener failures not yet reported, each once. */
    List<String> takeFailures() {
        List<String> out = new ArrayList<>();
        for (Channel c : channels) {
            String f = c.takeFailure();
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** Batch events replaced in queues, summed over listeners (for tests and the benchmark). */
    long coalesced() {
        return channels.stream().mapToLong(c -> c.coalesced).sum();
    }

    /** Events dropped from full queues, summed over listeners. */
    long dropped() {
        return channels.stream().mapToLong(c -> c.dropped).sum();
    }

    private final class Channel implements Runnable {
        private final TrainingListener listener;
        private final Thread thread;
        private final ArrayDeque<TrainingEvent> queue = new ArrayDeque<>();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition available = lock.newCondition();
        private boolean waiting;
        private boolean finishing;
        private boolean failed;
        private String failure;
        private volatile long coalesced;
        private volatile long dropped;

        Channel(TrainingListener listener, String threadName) {
            this.listener = listener;
            this.thread = new Thread(this, threadName);
            thread.setDaemon(true);
        }

        void offer(TrainingEvent e) {
            lock.lock();
            try {
                if (failed) {
                    return;
                }
                if (e instanceof TrainingEvent.BatchEnd && queue.peekLast() instanceof TrainingEvent.BatchEnd) {
                    queue.pollLast();
                    coalesced++;
                } else if (queue.size() >= capacity && dropOldestDroppable()) {
                    dropped++;
                }
                queue.addLast(e);
                if (waiting) {
                    available.signal();
                }
            } finally {
                lock.unlock();
            }
        }

        private boolean dropOldestDroppable() {
            for (Iterator<TrainingEvent> it = queue.iterator(); it.hasNext(); ) {
                TrainingEvent q = it.next();
                if (q instanceof TrainingEvent.BatchEnd || q instanceof TrainingEvent.Health
                        || q instanceof TrainingEvent.Samples) {
                    it.remove();
                    return true;
                }
            }
            return false;
        }

        void finish() {
            lock.lock();
            try {
                finishing = true;
                available.signal();
            } finally {
                lock.unlock();
            }
        }

        String takeFailure() {
            lock.lock();
            try {
                String f = failure;
                failure = null;
                return f;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void run() {
            while (true) {
                TrainingEvent e;
                lock.lock();
                try {
                    while (queue.isEmpty() && !finishing) {
                        waiting = true;
                        available.awaitUninterruptibly();
                        waiting = false;
                    }
                    e = queue.pollFirst();
                } finally {
                    lock.unlock();
                }
                if (e == null) {
                    return;
                }
                try {
                    listener.onEvent(e);
                } catch (RuntimeException | Error t) {
                    lock.lock();
                    try {
                        failed = true;
                        queue.clear();
                        failure = "listener " + listener + " threw " + t + " on a " + e.type() + " event and was "
                                + "detached — fix the listener; the run goes on";
                    } finally {
                        lock.unlock();
                    }
                    return;
                }
            }
        }
    }
}
