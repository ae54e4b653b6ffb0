package io.netwright.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pytorch_libtorch} model of a Triton repository: {@code <name>_torchscript/config.pbtxt} with
 * {@code INPUT__0}/{@code OUTPUT__0}, the PyTorch export in {@code source/}, and {@code 1/model.pt} traced from it
 * by running its {@code to_torchscript.py} where Python with torch is found; where it is not, the folder has
 * {@code build_model_pt.sh} and the note says to run it.
 */
final class TritonTorchScript {

    /** How long tracing may take. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private TritonTorchScript() {
    }

    /**
     * Writes the model folder {@code dir}.
     *
     * @return a note for the user, or null when model.pt was built
     */
    static String write(ExportSource src, Path dir, TritonOptions o, boolean indices, List<String> labels)
            throws IOException {
        Files.createDirectories(dir.resolve(TritonExporter.VERSION));
        Files.writeString(dir.resolve(TritonExporter.CONFIG), TritonExporter.config(dir.getFileName().toString(),
                "pytorch_libtorch", "INPUT__0", "OUTPUT__0", indices ? "TYPE_INT64" : "TYPE_FP32", src.inputShape(),
                src.outputShape(), !labels.isEmpty(), o), StandardCharsets.UTF_8);
        TritonExporter.writeLabels(dir, labels);
        Path source = dir.resolve("source");
        PyTorchExporter.export(src, null, source, false);
        Path script = dir.resolve("build_model_pt.sh");
        Files.writeString(script, """
                #!/bin/sh
                # Traces the PyTorch export in source/ into 1/model.pt (needs python3 with torch).
                set -e
                cd "$(dirname "$0")"
                python3 source/to_torchscript.py --out source
                cp source/model_traced.pt 1/model.pt
                """, StandardCharsets.UTF_8);
        script.toFile().setExecutable(true);
        Optional<PythonTorch> py = PythonTorch.find();
        if (py.isEmpty()) {
            return "TorchScript model not built: no python3 with torch found here — run " + dir.getFileName()
                    + "/build_model_pt.sh where PyTorch is installed to create " + dir.getFileName() + "/1/model.pt";
        }
        PythonTorch.Outcome r = py.get().run(List.of(source.resolve("to_torchscript.py").toString(), "--out",
                source.toString()), source, TIMEOUT);
        Path traced = source.resolve("model_traced.pt");
        if (r.exitCode() != 0 || !Files.isRegularFile(traced)) {
            return "TorchScript model not built: to_torchscript.py " + (r.timedOut() ? "timed out"
                    : "failed: " + r.firstErrorLine()) + " — fix it and run " + dir.getFileName()
                    + "/build_model_pt.sh";
        }
        Files.copy(traced, dir.resolve(TritonExporter.VERSION).resolve("model.pt"),
                StandardCopyOption.REPLACE_EXISTING);
        return null;
    }
}
