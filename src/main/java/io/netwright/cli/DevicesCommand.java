package io.netwright.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.netwright.backend.DeviceInfo;
import io.netwright.backend.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code netwright devices}: one line per device family the backends found, available or with the reason it is not.
 */
@Command(name = "devices",
        mixinStandardHelpOptions = true,
        description = "List the compute devices Netwright found (CPU, CUDA) and why any are unavailable.")
final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (DeviceInfo info : Devices.available()) {
            out.println(info);
        }
        out.flush();
        return 0;
    }
}
