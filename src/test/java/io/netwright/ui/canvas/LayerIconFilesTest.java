package io.netwright.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netwright.graph.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LayerIconFilesTest {

    @Test
    void everyCatalogueLayerHasItsCommittedIcon() throws Exception {
        var files = LayerIconFiles.files();
        assertEquals(Catalogue.standard().all().size() + 1, files.size());
        for (var e : files.entrySet()) {
            Path p = Path.of("icons/layers", e.getKey());
            assertEquals(e.getValue(), Files.readString(p), p + " is out of date: run LayerIconFiles (see its doc)");
        }
    }
}
