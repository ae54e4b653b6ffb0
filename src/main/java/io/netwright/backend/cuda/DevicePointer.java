package io.netwright.backend.cuda;

import jcuda.driver.CUdeviceptr;

/**
 * A {@link CUdeviceptr} whose raw address we can read: kernel arguments are passed as 64-bit addresses (with the
 * view's element offset already added), which JCuda's own pointer objects do not expose.
 */
final class DevicePointer extends CUdeviceptr {

    /** The device address, as the driver returned it. */
    long address() {
        return getNativePointer();
    }

    /** A pointer {@code bytes} past this one, for copies into or out of the middle of a buffer. */
    CUdeviceptr plus(long bytes) {
        return withByteOffset(bytes);
    }
}
