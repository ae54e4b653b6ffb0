package io.netwright.nn;

/** Removes a registered hook, like PyTorch's {@code RemovableHandle}. */
@FunctionalInterface
public interface HookHandle extends AutoCloseable {
    /** Unregisters the hook; calling twice is harmless. */
    void remove();

    @Override
    default void close() {
        remove();
    }
}
