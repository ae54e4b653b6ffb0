package io.netwright.tensor;

import io.netwright.backend.Backend;
import io.netwright.backend.Buffer;
import io.netwright.backend.DType;

/**
 * A backend buffer shared by a tensor and all its views. Each tensor handle holds one reference; the buffer is
 * released when the last handle is closed (or when the garbage collector finds none left, as a fallback on the
 * CPU). Package-private: users see tensors only.
 */
final class Storage {

    private final Buffer buffer;
    private int refs;

    Storage(Buffer buffer) {
        this.buffer = buffer;
    }

    Buffer buffer() {
        if (buffer.isClosed()) {
            throw new IllegalStateException("Tensor storage was released (its scope closed or close() was called);"
                    + " keep the tensor with TensorScope.keep(t) or create it outside the scope");
        }
        return buffer;
    }

    Backend backend() {
        return buffer.backend();
    }

    DType dtype() {
        return buffer.dtype();
    }

    int length() {
        return buffer.length();
    }

    synchronized void retain() {
        refs++;
    }

    synchronized void release() {
        if (--refs <= 0 && !buffer.isClosed()) {
            buffer.close();
        }
    }

    boolean isReleased() {
        return buffer.isClosed();
    }
}
