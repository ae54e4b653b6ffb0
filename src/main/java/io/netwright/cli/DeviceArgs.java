package io.netwright.cli;

import io.netwright.backend.Backend;
import io.netwright.backend.Device;
import io.netwright.backend.DeviceInfo;
import io.netwright.backend.Devices;
import java.util.function.Consumer;

/** The {@code --device} option: {@code cpu}, {@code cuda} or {@code cuda:N}, checked against what was found. */
final class DeviceArgs {

    private DeviceArgs() {
    }

    /**
     * Parses {@code text} and checks the device exists.
     *
     * @throws CliError naming the device, why it is unavailable and the fix
     */
    static Device parse(String text) {
        Device d;
        try {
            d = Device.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--device " + text + ": unknown device — use cpu, cuda, cuda:N or auto", e);
        }
        if (!Devices.shared().isAvailable(d)) {
            throw new CliError("--device " + text + ": " + d + " is not available: " + reason(d)
                    + " — use --device cpu, or run 'netwright devices'");
        }
        return d;
    }

    /**
     * Parses {@code --device} of {@code train}: {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto} (a GPU when
     * one works, else the CPU); a named device must be available.
     */
    static String parseForTraining(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("auto")) {
            return t;
        }
        return parse(t).toString();
    }

    /**
     * The backend {@code --device} of a command that runs tensors ({@code predict}, {@code eval}) names:
     * {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto} (a GPU when one works, else the CPU, saying why to
     * {@code notes}).
     *
     * @throws CliError when the device is not available, with the reason and the fix
     */
    static Backend backendForCompute(String text, Consumer<String> notes) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        Device d;
        if (t.equals("auto")) {
            d = Devices.shared().auto();
            if (d.kind() == Device.Kind.CPU) {
                notes.accept("device auto: running on the CPU — " + Devices.shared().whyNotAccelerated());
            }
        } else {
            d = parse(t);
        }
        try {
            return Devices.backendFor(d);
        } catch (IllegalStateException e) {
            throw new CliError("--device " + text + ": " + ShortErrors.oneLine(ShortErrors.message(e))
                    + " — use --device cpu, or run 'netwright devices'", e);
        }
    }

    /**
     * The memory a training run may use on {@code d}: the JVM's heap for the CPU, the free memory of a GPU
     * ({@code cuMemGetInfo}), 0 when unknown.
     */
    static long memoryBytes(Device d) {
        if (d.kind() == Device.Kind.CPU) {
            return Runtime.getRuntime().maxMemory();
        }
        try {
            return Devices.backendFor(d).freeMemoryBytes();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String reason(Device d) {
        for (DeviceInfo info : Devices.available()) {
            if (info.kind() == d.kind()) {
                return info.available() ? "it has " + info.devices() + " device(s)" : info.detail();
            }
        }
        return "no backend for " + d.kind();
    }
}
