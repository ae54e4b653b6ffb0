package io.netwright.backend;

/**
 * Service-provider entry for a backend, found with {@link java.util.ServiceLoader}. Providers are cheap to
 * construct: all probing happens in {@link #probe()}, which must never throw or crash the JVM.
 */
public interface BackendProvider {

    /** The device family this provider serves. */
    Device.Kind kind();

    /** Preference among providers of the same kind: higher wins. */
    int rank();

    /** Short name, e.g. {@code "cpu"} or {@code "cuda (JCuda)"}. */
    String name();

    /**
     * Looks for usable devices. Returns what was found or, if nothing is usable, why (e.g. "no CUDA driver
     * (libcuda.so not found)").
     */
    Probe probe();

    /** Creates the backend for {@code device}; only called after a successful probe listing that device. */
    Backend create(Device device, BackendOptions options);

    /**
     * The outcome of a probe.
     *
     * @param deviceCount usable devices found (0 if none)
     * @param detail      what was found (e.g. device names) or why nothing is usable
     * @param automatic   whether {@code auto} may pick these devices (false for a test emulation of a GPU, which is
     *                    used only when asked for by name)
     */
    record Probe(int deviceCount, String detail, boolean automatic) {
        /** A probe whose devices {@code auto} may pick. */
        public Probe(int deviceCount, String detail) {
            this(deviceCount, detail, true);
        }

        /** Nothing usable, for the given reason. */
        public static Probe unavailable(String reason) {
            return new Probe(0, reason);
        }
    }
}
