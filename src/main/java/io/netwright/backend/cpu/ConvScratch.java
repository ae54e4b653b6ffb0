package io.netwright.backend.cpu;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * One thread's reusable buffers for the convolution paths ({@link CpuConvGemm}, {@link CpuConvRows}): four native
 * slots (columns, weights, output/gradient planes, partials) and a few heap arrays (unfolding into an array is much
 * cheaper than many small native puts). Each grows to the largest size asked for and is never shrunk.
 */
final class ConvScratch {

    /** The native slots as pointers (for OpenBLAS) and as buffers (for bulk puts); valid after {@link #get}. */
    final FloatPointer[] ptr = new FloatPointer[4];
    final FloatBuffer[] buf = new FloatBuffer[4];
    private final float[][] heap = {new float[0], new float[0], new float[0]};

    /** Native slot {@code slot} (0–3) with room for at least {@code n} floats. */
    FloatBuffer get(int slot, long n) {
        if (ptr[slot] == null || ptr[slot].capacity() < n) {
            if (ptr[slot] != null) {
                ptr[slot].close();
            }
            ptr[slot] = new FloatPointer(Math.max(n, 1024));
            buf[slot] = ptr[slot].asBuffer();
        }
        return buf[slot];
    }

    /** Heap array {@code slot} (0–2) of at least {@code n} floats; its contents are whatever was left there. */
    float[] heap(int slot, int n) {
        if (heap[slot].length < n) {
            heap[slot] = new float[n];
        }
        return heap[slot];
    }
}
