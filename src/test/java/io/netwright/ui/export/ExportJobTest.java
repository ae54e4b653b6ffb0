package io.netwright.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Design;
import io.netwright.graph.DesignCompiler;
import io.netwright.graph.DesignFiles;
import io.netwright.io.Safetensors;
import io.netwright.tensor.Generator;
import io.netwright.train.OptimizerConfig;
import io.netwright.train.RunStore;
import io.netwright.ui.runs.TinyRunsAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's export: a run's weights, a file's, the initial ones; the check report; what it refuses. */
class ExportJobTest {

    @TempDir
    static Path tmp;
    static Design lenet;
    static RunStore store;

    @BeforeAll
    static void oneRun() throws Exception {
        lenet = DesignFiles.read(Path.of("samples/designs/lenet5.json"));
        store = new RunStore(tmp.resolve("runs"));
        TinyRunsAccess.run(store, lenet, OptimizerConfig.adam(0.002), 1);
    }

    private static ExportViewModel vm() {
        return new ExportViewModel(lenet, Path.of("samples/designs/lenet5.json"), store, tmp);
    }

    @Test
    void theNewestRunOfTheDesignIsOfferedFirstAndItsExportPassesTheCheck() throws Exception {
        ExportViewModel vm = vm();
        assertTrue(vm.weightsProperty().get() instanceof WeightsChoice.Run, vm.weightsChoices().toString());
        vm.outputProperty().set(tmp.resolve("run.onnx").toString());
        vm.probabilitiesProperty().set(true);
        ExportOutcome o = ExportJob.run(vm.request(false));
        assertTrue(o.ok(), o.text());
        assertTrue(o.report().passed(), o.text());
        assertTrue(o.report().batch().contains("Fashion-MNIST"), o.report().batch());
        assertEquals(2, o.report().outputs().size(), "logits and probabilities");
        assertEquals(1.0, o.report().top1Agreement());
        assertTrue(Files.size(tmp.resolve("run.onnx")) > 200_000);
        vm.finish(o);
        assertEquals("Exported — check passed", vm.statusProperty().get());
        assertTrue(vm.reportProperty().get().contains("PASSED"), vm.reportProperty().get());
    }

    @Test
    void initialWeightsToATritonRepository() {
        ExportViewModel vm = vm();
        vm.weightsProperty().set(new WeightsChoice.Initial());
        vm.formatProperty().set(ExportFormat.TRITON);
        assertTrue(vm.outputProperty().get().endsWith("lenet-5-triton"), vm.outputProperty().get());
        vm.outputProperty().set(tmp.resolve("repo").toString());
        vm.opsetProperty().set(13);
        ExportOutcome o = ExportJob.run(vm.request(false));
        assertTrue(o.ok(), o.text());
        assertTrue(Files.isRegularFile(o.written().resolve("1/model.onnx")), o.written().toString());
        assertTrue(o.text().contains("opset 13): PASSED"), o.text());
    }

    @Test
    void aRunAsPyTorchCodeWithItsTrainingRecipe() throws Exception {
        ExportViewModel vm = vm();
        vm.formatProperty().set(ExportFormat.PYTORCH);
        assertTrue(vm.outputProperty().get().endsWith("lenet-5-pytorch"));
        vm.outputProperty().set(tmp.resolve("code").toString());
        ExportOutcome o = ExportJob.run(vm.request(false));
        assertTrue(o.ok(), o.text());
        String script = Files.readString(tmp.resolve("code/train_ddp.py"));
        assertTrue(script.contains("'optimizer': 'Adam'"), "the run's optimizer: " + script.lines()
                .filter(l -> l.contains("'optimizer'")).toList());
        boolean torch = io.netwright.export.PythonTorch.find().isPresent();
        assertEquals(torch, o.report().checked(), o.text());
        assertTrue(o.text().contains(torch ? "weights loaded strictly: yes" : "no python3 with torch"), o.text());
    }

    @Test
    void aWeightsFileForAnotherDesignIsRefusedWithItsKeys() throws Exception {
        Design other = DesignFiles.read(Path.of("samples/designs/simple_cnn.json"));
        Path w = tmp.resolve("other.safetensors");
        Safetensors.write(w, DesignCompiler.compile(other, new Generator(1)).stateDict(), Map.of());
        ExportViewModel vm = vm();
        vm.addWeightsFile(w);
        vm.outputProperty().set(tmp.resolve("bad.onnx").toString());
        ExportOutcome o = ExportJob.run(vm.request(false));
        assertFalse(o.ok());
        assertTrue(o.error().startsWith("other.safetensors: the weights do not fit the design"), o.error());
        assertFalse(o.error().contains("\n"), "one line");
        assertFalse(Files.exists(tmp.resolve("bad.onnx")));
        vm.finish(o);
        assertEquals("Export failed", vm.statusProperty().get());
    }

    @Test
    void theSuggestionFollowsTheFormatUntilTheUserTypesAPath() {
        ExportViewModel vm = vm();
        assertTrue(vm.outputProperty().get().endsWith("lenet-5.onnx"), vm.outputProperty().get());
        vm.formatProperty().set(ExportFormat.TRITON);
        assertTrue(vm.outputProperty().get().endsWith("lenet-5-triton"));
        vm.outputProperty().set("/tmp/mine");
        vm.formatProperty().set(ExportFormat.ONNX);
        assertEquals("/tmp/mine", vm.outputProperty().get());
        vm.outputProperty().set(" ");
        assertEquals("Choose where to write the export.", vm.problem().orElseThrow());
    }

    @Test
    void anExistingOutputIsReplacedOnlyWhenForced() throws Exception {
        ExportViewModel vm = vm();
        vm.weightsProperty().set(new WeightsChoice.Initial());
        Path f = tmp.resolve("exists.onnx");
        Files.writeString(f, "keep");
        vm.outputProperty().set(f.toString());
        vm.checkProperty().set(false);
        assertTrue(vm.outputExists());
        assertFalse(ExportJob.run(vm.request(false)).ok());
        assertEquals("keep", Files.readString(f));
        ExportOutcome o = ExportJob.run(vm.request(true));
        assertTrue(o.ok(), o.text());
        assertNull(o.report());
        assertTrue(Files.size(f) > 1000);
    }
}
