package io.netwright.backend.cuda;

import io.netwright.backend.Backend;
import io.netwright.backend.Buffer;
import io.netwright.backend.DType;

/**
 * Device memory of one tensor storage: a block from the backend's {@link CudaAllocator}. Closing hands the block
 * back to the allocator's cache at once (stream-ordered: work already queued on the stream still sees it, later
 * work may reuse it), never through the garbage collector.
 */
final class CudaBuffer implements Buffer {

    private final CudaBackend backend;
    private final DType dtype;
    private final int length;
    private CudaAllocator.Block block;

    CudaBuffer(CudaBackend backend, DType dtype, int length, CudaAllocator.Block block) {
        this.backend = backend;
        this.dtype = dtype;
        this.length = length;
        this.block = block;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public synchronized boolean isClosed() {
        return block == null;
    }

    /** The device address of element {@code index}. */
    synchronized long address(long index) {
        if (block == null) {
            throw new IllegalStateException(this + " is closed — it was used after close()");
        }
        return block.pointer().address() + index * dtype.byteSize();
    }

    /** The block's pointer, offset to element {@code index}, for driver copies. */
    synchronized jcuda.driver.CUdeviceptr pointer(long index) {
        if (block == null) {
            throw new IllegalStateException(this + " is closed — it was used after close()");
        }
        return block.pointer().plus(index * dtype.byteSize());
    }

    @Override
    public void close() {
        CudaAllocator.Block b;
        synchronized (this) {
            b = block;
            block = null;
        }
        if (b != null) {
            backend.allocator().release(b);
        }
    }

    @Override
    public String toString() {
        return "CudaBuffer[" + dtype + " x " + length + " on " + backend.device() + (isClosed() ? ", closed]" : "]");
    }
}
