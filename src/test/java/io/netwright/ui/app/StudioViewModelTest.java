package io.netwright.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.DesignFiles;
import io.netwright.graph.ParamValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioViewModelTest {

    @TempDir
    Path tmp;

    private StudioViewModel studio() {
        return new StudioViewModel(new StudioHome(tmp.resolve("home")));
    }

    @Test
    void importedOnnxOpensUntitledUnsavedWithWeightsNextToTheModel() throws Exception {
        Path model = tmp.resolve("small.onnx");
        Files.copy(Path.of("src/test/resources/onnx/torch_small_cnn.onnx"), model);
        Files.writeString(tmp.resolve("small.safetensors"), "someone else's file");
        StudioViewModel vm = studio();
        StudioViewModel.Imported imp = vm.importOnnx(model);
        assertEquals(tmp.resolve("small-2.safetensors"), imp.weights());
        assertTrue(Files.size(imp.weights()) > 1000);
        assertEquals("someone else's file", Files.readString(tmp.resolve("small.safetensors")));
        assertNull(vm.fileProperty().get());
        assertTrue(vm.isDirty());
        assertEquals(imp.result().design().nodes().size(), vm.editor().design().nodes().size());
        io.netwright.graph.DesignCompiler.compile(vm.editor().design())
                .loadStateDict(io.netwright.io.Safetensors.read(imp.weights()).tensors(), true);
    }

    @Test
    void startsOnLenetBoundToTheBundledDatasetUntitled() {
        StudioViewModel vm = studio();
        vm.openStartDesign();
        assertEquals("LeNet-5", vm.editor().design().metadata().name());
        assertEquals("fashion-mnist-small", vm.editor().design().input().dataset());
        assertNull(vm.fileProperty().get());
        assertFalse(vm.isDirty());
        assertEquals("Untitled — LeNet-5 — Netwright Studio", vm.titleProperty().get());
    }

    @Test
    void dirtyMarkFollowsEditsAndUndoBackToTheSavedState() throws Exception {
        StudioViewModel vm = studio();
        Path f = tmp.resolve("mine.json");
        Files.copy(Path.of("samples/designs/lenet5.json"), f);
        vm.open(f);
        assertEquals("mine.json — LeNet-5 — Netwright Studio", vm.titleProperty().get());
        vm.editor().setParam("conv1", "out_channels", ParamValue.of(8));
        assertTrue(vm.isDirty());
        assertTrue(vm.titleProperty().get().startsWith("● mine.json"));
        vm.editor().undo();
        assertFalse(vm.isDirty());
        assertEquals(List.of(f.toAbsolutePath().normalize()), vm.recent().files());
    }

    @Test
    void saveThenReopenGivesTheSameDesignAndFile() throws Exception {
        StudioViewModel vm = studio();
        vm.openStartDesign();
        vm.editor().select("conv1");
        vm.editor().addAfterSelected("BatchNorm2d");
        Path f = tmp.resolve("out/lenet-bn.json");
        Files.createDirectories(f.getParent());
        vm.saveAs(f);
        assertFalse(vm.isDirty());
        var saved = vm.editor().design();
        String text = Files.readString(f);
        StudioViewModel other = studio();
        other.open(f);
        assertEquals(saved, other.editor().design());
        assertEquals(text, DesignFiles.toJson(other.editor().design()));
    }

    @Test
    void autosaveWritesARecoveryFileThatRestoresUnsavedChanges() throws Exception {
        StudioViewModel vm = studio();
        vm.openStartDesign();
        assertFalse(vm.autosave());
        vm.editor().setParam("fc1", "out_features", ParamValue.of(100));
        assertTrue(vm.autosave());
        StudioViewModel next = studio();
        assertTrue(next.recovery().exists());
        next.restore(next.recovery().load().orElseThrow());
        assertEquals(vm.editor().design(), next.editor().design());
        assertTrue(next.isDirty());
        next.recovery().discard();
        assertFalse(studio().recovery().exists());
    }

    @Test
    void templatesAreTheSampleDesigns() {
        List<String> names = StudioViewModel.templates().stream().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.contains("lenet5.json") && names.contains("resnet_small.json"), names.toString());
    }

    @Test
    void blankDesignHasInputAndOutputAndTheBundledData() {
        StudioViewModel vm = studio();
        vm.newBlank();
        assertEquals(2, vm.editor().design().nodes().size());
        assertEquals("fashion-mnist-small", vm.editor().design().input().dataset());
    }
}
