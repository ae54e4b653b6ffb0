package io.netwright.backend.cuda;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;

import jcuda.driver.CUresult;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A caching allocator over {@code cuMemAlloc}: freed blocks are kept by rounded size and handed out again, so a
 * training step that allocates the same temporaries every time stops calling the driver after the first step. All
 * work runs on one stream, so a block released by a tensor may be reused at once by later work (stream order).
 * When the driver is out of memory the cache is emptied and the allocation tried once more; then the failure is a
 * {@link CudaOutOfMemoryException} naming the size and the free memory.
 */
final class CudaAllocator {

    /** One device allocation, possibly larger than requested (the rounded size). */
    record Block(DevicePointer pointer, long bytes) { }

    private static final long SMALL = 1L << 20;
    private static final long SMALL_ROUND = 512;
    private static final long LARGE_ROUND = 1L << 20;

    private final String device;
    private final Map<Long, ArrayDeque<Block>> cache = new HashMap<>();
    private long cachedBytes;
    private long liveBytes;
    private long peakBytes;

    CudaAllocator(String device) {
        this.device = device;
    }

    /** A block of at least {@code bytes}; {@code what} describes the tensor for an out-of-memory message. */
    synchronized Block allocate(long bytes, String what) {
        long size = round(bytes);
        ArrayDeque<Block> free = cache.get(size);
        if (free != null && !free.isEmpty()) {
            Block b = free.pop();
            cachedBytes -= size;
            live(size);
            return b;
        }
        DevicePointer p = new DevicePointer();
        int r = cuMemAlloc(p, size);
        if (r == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
            emptyCache();
            p = new DevicePointer();
            r = cuMemAlloc(p, size);
        }
        if (r == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
            throw new CudaOutOfMemoryException(outOfMemory(size, what));
        }
        CudaDriver.check(r, "cuMemAlloc(" + size + " bytes) for " + what);
        live(size);
        return new Block(p, size);
    }

    /** Returns a block to the cache. */
    synchronized void release(Block b) {
        cache.computeIfAbsent(b.bytes(), k -> new ArrayDeque<>()).push(b);
        cachedBytes += b.bytes();
        liveBytes -= b.bytes();
    }

    /** Frees every cached block (PyTorch's {@code torch.cuda.empty_cache()}). */
    synchronized void emptyCache() {
        for (ArrayDeque<Block> q : cache.values()) {
            for (Block b : q) {
                cuMemFree(b.pointer());
            }
        }
        cache.clear();
        cachedBytes = 0;
    }

    /** Bytes held by live buffers. */
    synchronized long liveBytes() {
        return liveBytes;
    }

    /** Bytes kept in the cache for reuse. */
    synchronized long cachedBytes() {
        return cachedBytes;
    }

    /** The most bytes live at once since creation. */
    synchronized long peakBytes() {
        return peakBytes;
    }

    private void live(long size) {
        liveBytes += size;
        peakBytes = Math.max(peakBytes, liveBytes);
    }

    static long round(long bytes) {
        long b = Math.max(bytes, 1);
        long unit = b <= SMALL ? SMALL_ROUND : LARGE_ROUND;
        return (b + unit - 1) / unit * unit;
    }

    private String outOfMemory(long size, String what) {
        long[] free = new long[1];
        long[] total = new long[1];
        String mem = cuMemGetInfo(free, total) == CUresult.CUDA_SUCCESS
                ? " (" + CudaDriver.bytes(free[0]) + " free of " + CudaDriver.bytes(total[0]) + ", "
                + CudaDriver.bytes(liveBytes) + " held by Netwright tensors)"
                : "";
        return "CUDA out of memory on " + device + ": cannot allocate " + CudaDriver.bytes(size) + " for " + what
                + mem + " — use a smaller batch size or a smaller model";
    }
}
