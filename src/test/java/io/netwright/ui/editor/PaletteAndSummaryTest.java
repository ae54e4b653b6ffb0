package io.netwright.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Catalogue;
import io.netwright.graph.OptimizerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteAndSummaryTest {

    @Test
    void theDeviceBoxOffersEachGpuFoundWithItsFreeMemory() {
        List<SummaryViewModel.DeviceChoice> d = SummaryViewModel.devices();
        assertEquals("CPU", d.get(0).name());
        boolean cuda = io.netwright.backend.Devices.shared().isAvailable(io.netwright.backend.Device.cuda(0));
        long gpus = d.stream().filter(c -> c.name().startsWith("cuda:0")).count();
        assertEquals(cuda ? 1 : 0, gpus, d.toString());
        if (cuda) {
            SummaryViewModel.DeviceChoice g = d.stream().filter(c -> c.name().startsWith("cuda:0")).findFirst()
                    .orElseThrow();
            assertTrue(g.bytes() > 0 && g.toString().contains("free"), g.toString());
        }
        assertTrue(d.get(d.size() - 1).name().endsWith("(planning)"));
    }

    @Test
    void paletteListsEveryCatalogueLayerByCategory() {
        PaletteViewModel p = new PaletteViewModel(new EditorViewModel());
        assertEquals(Catalogue.standard().names(), p.visibleItems().stream().map(PaletteViewModel.Item::type).toList());
        assertEquals("Input/Output", p.sectionsProperty().get().keySet().iterator().next());
    }

    @Test
    void searchMatchesNamesAndDocs() {
        PaletteViewModel p = new PaletteViewModel(new EditorViewModel());
        p.filterProperty().set("conv");
        List<String> types = p.visibleItems().stream().map(PaletteViewModel.Item::type).toList();
        assertTrue(types.contains("Conv2d") && types.contains("ConvTranspose2d"), types.toString());
        assertFalse(types.contains("ReLU"));
        p.filterProperty().set("zzz");
        assertTrue(p.sectionsProperty().get().isEmpty());
    }

    @Test
    void blocksOfTheDesignAppearInTheirOwnSection() {
        EditorViewModel ed = new EditorViewModel();
        ed.load(Designs.lenet());
        PaletteViewModel p = new PaletteViewModel(ed);
        ed.select(List.of("conv2", "relu2"));
        ed.makeBlock("ConvRelu");
        assertEquals(List.of("ConvRelu"), p.sectionsProperty().get().get(PaletteViewModel.BLOCKS).stream()
                .map(PaletteViewModel.Item::type).toList());
    }

    @Test
    void summaryFollowsEditsBatchSizeAndDevice() {
        EditorViewModel ed = new EditorViewModel();
        ed.load(Designs.lenet());
        SummaryViewModel s = new SummaryViewModel(ed);
        assertEquals("61,706 trainable / 61,706", s.paramsProperty().get());
        assertEquals("No problems", s.problemsProperty().get());
        String m64 = s.memoryProperty().get();
        s.batchSizeProperty().set(4096);
        assertFalse(m64.equals(s.memoryProperty().get()));
        s.optimizerProperty().set(OptimizerKind.SGD);
        s.deviceProperty().set(new SummaryViewModel.DeviceChoice("tiny", 1 << 20));
        assertTrue(s.memoryWarningProperty().get().contains("reduce the batch size"), s.memoryWarningProperty().get());
        ed.setFrozen("fc1", true);
        assertEquals("13,586 trainable / 61,706", s.paramsProperty().get());
        ed.disconnect(io.netwright.graph.Edge.of("fc3", "output"));
        assertTrue(s.problemsProperty().get().startsWith("1 error") || s.problemsProperty().get().contains("error"));
    }
}
