package io.netwright.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds backends with {@link ServiceLoader}, probes them lazily (once per registry) and hands out one backend per
 * device. A registry is an ordinary object so tests and tools can build their own with other options; the
 * process-wide default ({@link #shared()}) is what tensors use when no backend is passed explicitly.
 *
 * <pre>{@code Devices.available().forEach(System.out::println);}</pre>
 */
public final class Devices {

    private static final class Holder {
        static final Devices SHARED = new Devices(BackendOptions.defaults());
    }

    private final BackendOptions options;
    private final Map<Device, Backend> backends = new ConcurrentHashMap<>();
    private volatile List<Entry> entries;

    private record Entry(BackendProvider provider, BackendProvider.Probe probe) { }

    /** A registry that creates backends with {@code options}. */
    public Devices(BackendOptions options) {
        this.options = options;
    }

    /** The process-wide registry with default options, created on first use. */
    public static Devices shared() {
        return Holder.SHARED;
    }

    /** What the shared registry found: one line per provider, available or with the reason it is not. */
    public static List<DeviceInfo> available() {
        return shared().probeAll();
    }

    /** The backend for {@code device} from the shared registry. */
    public static Backend backendFor(Device device) {
        return shared().backend(device);
    }

    /** Probes every provider (once) and reports each. */
    public List<DeviceInfo> probeAll() {
        List<DeviceInfo> out = new ArrayList<>();
        for (Entry e : entries()) {
            BackendProvider.Probe p = e.probe();
            out.add(new DeviceInfo(e.provider().kind(), e.provider().name(), p.deviceCount() > 0,
                    p.deviceCount(), p.detail()));
        }
        if (out.stream().noneMatch(i -> i.kind() == Device.Kind.CUDA)) {
            out.add(new DeviceInfo(Device.Kind.CUDA, "none", false, 0,
                    "no CUDA backend on the class path (the CUDA backend module is not installed)"));
        }
        return out;
    }

    /**
     * The backend for {@code device}, created on first request by the highest-ranked provider whose probe found
     * that device.
     *
     * @throws IllegalStateException naming the device and why it is unavailable
     */
    public Backend backend(Device device) {
        Backend b = backends.get(device);
        if (b != null) {
            return b;
        }
        return backends.computeIfAbsent(device, this::create);
    }

    /**
     * What {@code --device auto} means: the first device of the highest-ranked accelerator whose probe allows
     * automatic use ({@link BackendProvider.Probe#automatic}), else the CPU.
     */
    public Device auto() {
        return entries().stream()
                .filter(e -> e.provider().kind() != Device.Kind.CPU && e.probe().deviceCount() > 0
                        && e.probe().automatic())
                .max(Comparator.comparingInt(e -> e.provider().rank()))
                .map(e -> new Device(e.provider().kind(), 0))
                .orElse(Device.cpu());
    }

    /** Why {@code auto} chose the CPU, for a log line: each accelerator's reason. */
    public String whyNotAccelerated() {
        return probeAll().stream().filter(i -> i.kind() != Device.Kind.CPU)
                .map(i -> i.kind().name().toLowerCase(java.util.Locale.ROOT) + ": "
                        + (i.available() ? "only a test emulation (" + i.detail() + ")" : i.detail()))
                .reduce((a, b) -> a + "; " + b).orElse("no accelerator backend");
    }

    /** Whether {@code device} can be used. */
    public boolean isAvailable(Device device) {
        return find(device).isPresent();
    }

    private Backend create(Device device) {
        Entry e = find(device).orElseThrow(() -> new IllegalStateException("Device " + device
                + " is not available: " + reason(device.kind()) + " — use Device.cpu() or check Devices.available()"));
        return e.provider().create(device, options);
    }

    private Optional<Entry> find(Device device) {
        return entries().stream()
                .filter(e -> e.provider().kind() == device.kind() && device.index() < e.probe().deviceCount())
                .max(Comparator.comparingInt(e -> e.provider().rank()));
    }

    private String reason(Device.Kind kind) {
        return probeAll().stream().filter(i -> i.kind() == kind).map(DeviceInfo::detail)
                .reduce((a, b) -> a + "; " + b).orElse("no provider");
    }

    private List<Entry> entries() {
        List<Entry> e = entries;
        if (e == null) {
            synchronized (this) {
                if (entries == null) {
                    entries = load();
                }
                e = entries;
            }
        }
        return e;
    }

    private static List<Entry> load() {
        List<Entry> found = new ArrayList<>();
        ServiceLoader<BackendProvider> loader = ServiceLoader.load(BackendProvider.class,
                Devices.class.getClassLoader());
        var it = loader.iterator();
        while (true) {
            BackendProvider p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError | LinkageError err) {
                // A provider whose classes cannot load is reported as absent, never fatal.
                continue;
            }
            BackendProvider.Probe probe;
            try {
                probe = p.probe();
            } catch (RuntimeException | LinkageError err) {
                probe = BackendProvider.Probe.unavailable("probe failed: " + err);
            }
            found.add(new Entry(p, probe));
        }
        found.sort(Comparator.comparingInt((Entry x) -> -x.provider().rank()));
        return List.copyOf(found);
    }
}
