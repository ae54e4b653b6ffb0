package io.netwright.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.io.Safetensors;
import io.netwright.io.SafetensorsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export folder, without Python. */
class PyTorchExporterTest {

    @TempDir
    Path tmp;

    private static ExportSource lenet() {
        return ExportFixtures.sample(ExportFixtures.SAMPLES.resolve("lenet5.json"));
    }

    @Test
    void writesEveryFileWithOurWeightsAndMetadata() throws Exception {
        ExportSource src = lenet();
        Path out = tmp.resolve("lenet-pt");
        PyTorchExporter.export(src, null, out, false);
        for (String f : List.of("model.py", "weights.safetensors", "labels.txt", "export_utils.py", "predict.py",
                "to_torchscript.py", "train_ddp.py", "README.md")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertFalse(Files.exists(out.resolve("check_export.py")));
        SafetensorsFile w = Safetensors.read(out.resolve("weights.safetensors"));
        assertEquals(src.model().stateDict().keySet(), w.tensors().keySet());
        assertEquals(src.name(), w.metadata().get("netwright.design"));
        assertTrue(w.metadata().get("netwright.classes").startsWith("[\"class 0\""), w.metadata().toString());
        assertEquals(String.join("\n", src.classes()) + "\n", Files.readString(out.resolve("labels.txt")));
        String readme = Files.readString(out.resolve("README.md"));
        assertFalse(readme.contains("{{"), readme);
        assertTrue(readme.contains("torchrun --nproc_per_node=2 train_ddp.py"), readme);
    }

    @Test
    void refusesAnExistingFolderUnlessForced() throws Exception {
        Path out = tmp.resolve("pt");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "old");
        ExportException e = assertThrows(ExportException.class, () -> PyTorchExporter.export(lenet(), null, out,
                false));
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertTrue(Files.exists(out.resolve("old.txt")));
        PyTorchExporter.export(lenet(), null, out, true);
        assertFalse(Files.exists(out.resolve("old.txt")));
        assertTrue(Files.exists(out.resolve("model.py")));
    }

    @Test
    void theRecipeIsFilledIntoTheTrainingScript() throws Exception {
        TrainingRecipe r = new TrainingRecipe("/data/cifar", 128, 30, 0, 7, "AdamW",
                Map.of("lr", 0.003, "betas", List.of(0.9, 0.99), "weight_decay", 0.05), "cosine",
                Map.of("eta_min", 1e-5), 500, 0.1, new TrainingRecipe.Augment(true, false, 4, 0, 0, 0), 0.1, 1.0, 0);
        Path out = tmp.resolve("pt");
        PyTorchExporter.export(lenet(), r, out, false);
        String py = Files.readString(out.resolve("train_ddp.py"));
        assertFalse(py.contains(TrainScript.PLACEHOLDER));
        assertTrue(py.contains("'optimizer': 'AdamW',"), py);
        assertTrue(py.contains("'optimizer_options': {'betas': (0.9, 0.99), 'lr': 0.003, 'weight_decay': 0.05},"));
        assertTrue(py.contains("'schedule': 'cosine',"));
        assertTrue(py.contains("'warmup_steps': 500,"));
        assertTrue(py.contains("'horizontal_flip': True"));
        assertTrue(py.contains("'crop_padding': 4"));
        assertTrue(py.contains("'batch_size': 128,"));
        assertTrue(py.contains("'dataset': '/data/cifar',"));
        assertTrue(py.contains("'loss': 'CrossEntropyLoss',"));
    }

    @Test
    void recipeValuesAreChecked() {
        ExportException e = assertThrows(ExportException.class, () -> new TrainingRecipe("", 64, 1, 0, 0, "LBFGS",
                Map.of(), "none", Map.of(), 0, 1, null, 0, 0, 0));
        assertTrue(e.getMessage().contains("'LBFGS'"), e.getMessage());
        assertEquals(64, TrainingRecipe.defaults("x").batchSize());
        assertEquals(3, TrainingRecipe.defaults("x").withEpochs(3).epochs());
    }

    @Test
    void withoutPythonTheCheckSaysWhatToInstall() {
        PyTorchCheck.Result r = PyTorchCheck.Result.notRun(PyTorchCheck.Status.NOT_CHECKED,
                "not checked: no python3 with torch found (install python3-torch)");
        assertFalse(r.checked());
        assertFalse(r.loadedStrictly());
        assertTrue(r.summary().contains("install python3-torch"), r.summary());
    }
}
