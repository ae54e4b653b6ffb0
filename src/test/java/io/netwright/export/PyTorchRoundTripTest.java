package io.netwright.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Design;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.GraphModule;
import io.netwright.io.Safetensors;
import io.netwright.nn.LoadResult;
import io.netwright.tensor.Generator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports run in PyTorch: every sample design and a design per catalogue type agree with our engine, TorchScript
 * conversion works, and a two-process DDP run trains and writes weights that load back. Skipped without a
 * python3 with torch.
 */
class PyTorchRoundTripTest {

    private static Optional<PythonTorch> python;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findPython() {
        python = PythonTorch.find();
    }

    private static PythonTorch python() {
        Assumptions.assumeTrue(python.isPresent(), "skipped: no python3 with torch");
        return python.get();
    }

    @Test
    void samplesAndEveryCatalogueTypeMatchOurEngine() throws Exception {
        python();
        List<ExportSource> sources = new ArrayList<>();
        for (Path f : ExportFixtures.sampleFiles()) {
            sources.add(ExportFixtures.sample(f));
        }
        for (Design d : ExportFixtures.catalogueDesigns()) {
            sources.add(ExportFixtures.source(d, 3));
        }
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Path dir = tmp.resolve("e" + i);
            PyTorchExporter.export(sources.get(i), null, dir, false);
            dirs.add(dir);
        }
        List<PyTorchCheck.Result> results = PyTorchCheck.checkAll(sources, dirs, 3, Duration.ofSeconds(120));
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            PyTorchCheck.Result r = results.get(i);
            if (r.status() != PyTorchCheck.Status.PASSED || !r.loadedStrictly()) {
                bad.add(sources.get(i).name() + ": " + r.summary());
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void torchScriptConversionMatchesEager() throws Exception {
        PythonTorch py = python();
        Path dir = tmp.resolve("resnet");
        PyTorchExporter.export(ExportFixtures.sample(ExportFixtures.SAMPLES.resolve("resnet_small.json")), null, dir,
                false);
        PythonTorch.Outcome o = py.run(List.of("to_torchscript.py"), dir, Duration.ofSeconds(90));
        assertEquals(0, o.exitCode(), o.stdout() + o.stderr());
        assertTrue(Files.isRegularFile(dir.resolve("model_traced.pt")));
        assertTrue(Files.isRegularFile(dir.resolve("model_scripted.pt")));
        assertTrue(o.stdout().contains("model_scripted.pt: max abs error"), o.stdout());
    }

    @Test
    void ddpTrainingOnTwoProcessesWritesWeightsThatLoadStrictly() throws Exception {
        PythonTorch py = python();
        Path torchrun = py.executable().resolveSibling("torchrun");
        Assumptions.assumeTrue(Files.isExecutable(torchrun), "skipped: no torchrun next to " + py.executable());
        Path design = ExportFixtures.SAMPLES.resolve("lenet5.json");
        ExportSource src = ExportFixtures.sample(design);
        Path dir = tmp.resolve("lenet");
        PyTorchExporter.export(src, TrainingRecipe.defaults("fashion-mnist-small").withEpochs(1), dir, false);
        Path data = Path.of("samples", "data", "fashion-mnist-small").toAbsolutePath();
        // --redirects 2 --tee 2: torchrun of torch < 2.0 on Python 3.11 crashes parsing the default "0" (Debian 12)
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // not --standalone's fixed 29400, which another run on the machine may hold
        }
        PythonTorch.Outcome o = PythonTorch.exec(List.of(torchrun.toString(), "--nnodes=1", "--rdzv_backend=c10d",
                "--rdzv_endpoint=localhost:" + port, "--nproc_per_node=2",
                "--redirects", "2", "--tee", "2", "train_ddp.py", "--data", data.toString(), "--max-steps", "5", "--batch-size", "32", "--out",
                "trained.safetensors"), dir, Duration.ofSeconds(120));
        assertEquals(0, o.exitCode(), o.stdout() + o.stderr());
        assertTrue(o.stdout().contains("epoch 1/1"), o.stdout());
        GraphModule ours = DesignCompiler.compile(src.design(), new Generator(0));
        LoadResult r = ours.loadStateDict(Safetensors.read(dir.resolve("trained.safetensors")).tensors(), true);
        assertTrue(r.missingKeys().isEmpty() && r.unexpectedKeys().isEmpty(), r.toString());
    }

    @Test
    void everyPublicModuleAttributeIsRefusedAsANodeId() throws Exception {
        PythonTorch.Outcome o = python().run(List.of("-c", "import torch.nn as nn; print('\\n'.join(n for n in "
                + "dir(nn.Module) if not n.startswith('_')))"), null, Duration.ofSeconds(60));
        assertEquals(0, o.exitCode(), o.stderr());
        List<String> missing = o.stdout().lines().map(String::strip).filter(n -> !n.isEmpty())
                .filter(n -> !PyTorchCode.MODULE_ATTRS.contains(n)).toList();
        assertTrue(missing.isEmpty(), "add to PyTorchCode.MODULE_ATTRS: " + missing);
    }
}
