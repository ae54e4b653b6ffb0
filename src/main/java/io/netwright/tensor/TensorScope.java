package io.netwright.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Releases every tensor created inside it when it closes, so temporaries of a training step free their device
 * memory deterministically rather than waiting for the garbage collector (which never sees GPU memory pressure).
 * Scopes nest per thread. Results that must outlive the scope are passed to {@link #keep}.
 *
 * <pre>{@code
 * try (var scope = TensorScope.open()) {
 *     Tensor loss = model.forward(x).sub(y).pow(2).mean();
 *     loss.backward();              // gradients stored in .grad are kept automatically
 *     return scope.keep(loss.detach());
 * }
 * }</pre>
 */
public final class TensorScope implements AutoCloseable {

    private static final ThreadLocal<Deque<TensorScope>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

    private final Map<Tensor, Boolean> tracked = new IdentityHashMap<>();
    private final Thread owner = Thread.currentThread();
    private boolean closed;

    private TensorScope() {
    }

    /** Opens a scope on the current thread. */
    public static TensorScope open() {
        TensorScope s = new TensorScope();
        STACK.get().push(s);
        return s;
    }

    /** Removes {@code t} from whichever scope of this thread tracks it, so it survives; returns {@code t}. */
    public static Tensor keep(Tensor t) {
        if (t != null) {
            for (TensorScope s : STACK.get()) {
                s.tracked.remove(t);
            }
        }
        return t;
    }

    /** Instance form of {@link #keep(Tensor)} for readability inside try-with-resources. */
    public Tensor keepHere(Tensor t) {
        return keep(t);
    }

    static void track(Tensor t) {
        Deque<TensorScope> stack = STACK.get();
        TensorScope top = stack.peek();
        if (top != null) {
            top.tracked.put(t, Boolean.TRUE);
        }
    }

    /** Number of tensors this scope would release now. */
    public int size() {
        return tracked.size();
    }

    /** Releases every tracked tensor and leaves the scope. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("TensorScope closed on thread " + Thread.currentThread().getName()
                    + " but opened on " + owner.getName() + ": close a scope on the thread that opened it");
        }
        closed = true;
        Deque<TensorScope> stack = STACK.get();
        stack.remove(this);
        List<Tensor> toClose = new ArrayList<>(tracked.keySet());
        tracked.clear();
        for (Tensor t : toClose) {
            t.close();
        }
    }
}
