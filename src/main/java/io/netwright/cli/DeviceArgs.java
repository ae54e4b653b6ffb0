package io.netwright.cli;

import io.netwright.backend.Device;
import io.netwright.backend.DeviceInfo;
import io.netwright.backend.Devices;

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
            throw new UsageError("--device " + text + ": unknown device — use cpu, cuda, cuda:N (or auto for train)", e);
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
     * Parses {@code text} for a command that runs tensors, which the CLI does on the CPU only for now (models have
     * no {@code to(device)} yet).
     */
    static Device parseForCompute(String text) {
        Device d = parse(text);
        if (d.kind() != Device.Kind.CPU) {
            throw new UsageError("--device " + text + ": the command line runs on the CPU only in this version — use "
                    + "--device cpu");
        }
        return d;
    }

    /** The memory a training run may use on {@code d}: the JVM's heap for the CPU, unknown (0) otherwise. */
    static long memoryBytes(Device d) {
        return d.kind() == Device.Kind.CPU ? Runtime.getRuntime().maxMemory() : 0;
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
