package io.netwright.tensor;

/**
 * Disables gradient recording on the current thread until closed, like {@code torch.no_grad()}.
 *
 * <pre>{@code try (var g = NoGrad.enter()) { param.sub_(param.grad().mul(lr)); }}</pre>
 */
public final class NoGrad implements AutoCloseable {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private boolean closed;

    private NoGrad() {
    }

    /** Turns recording off until the returned object is closed; nests. */
    public static NoGrad enter() {
        DEPTH.get()[0]++;
        return new NoGrad();
    }

    /** Whether operations on this thread currently record a graph. */
    public static boolean isGradEnabled() {
        return DEPTH.get()[0] == 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            DEPTH.get()[0]--;
        }
    }
}
