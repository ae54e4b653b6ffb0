package io.netwright.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Catalogue;
import io.netwright.graph.ParamSpec;
import io.netwright.graph.ParamValue;
import org.junit.jupiter.api.Test;

class ParamTextTest {

    private static ParamSpec spec(String type, String name) {
        return Catalogue.standard().require(type).param(name).orElseThrow();
    }

    @Test
    void pairsParseFromSeveralSpellings() {
        ParamSpec k = spec("Conv2d", "kernel_size");
        assertEquals(ParamValue.of(5), ParamText.parse(k, "5").value());
        assertEquals(ParamValue.ofInts(3, 5), ParamText.parse(k, "3, 5").value());
        assertEquals(ParamValue.ofInts(3, 5), ParamText.parse(k, "[3,5]").value());
        assertEquals(ParamValue.ofInts(3, 5), ParamText.parse(k, "3x5").value());
        assertEquals("3, 5", ParamText.format(ParamValue.ofInts(3, 5)));
    }

    @Test
    void outOfRangeAndGarbageAreRefusedWithWhatIsAccepted() {
        ParamText.Parsed p = ParamText.parse(spec("Conv2d", "out_channels"), "0");
        assertFalse(p.ok());
        assertTrue(p.problem().contains("positive integer"), p.problem());
        assertFalse(ParamText.parse(spec("Conv2d", "out_channels"), "six").ok());
        assertFalse(ParamText.parse(spec("Dropout", "p"), "1.5").ok());
        assertEquals(ParamValue.of(0.25), ParamText.parse(spec("Dropout", "p"), "0.25").value());
    }

    @Test
    void autoAndTextChoicesAreKept() {
        assertEquals(ParamValue.AUTO, ParamText.parse(spec("Conv2d", "in_channels"), "auto").value());
        assertEquals(ParamValue.of("same"), ParamText.parse(spec("Conv2d", "padding"), "same").value());
        assertEquals("auto", ParamText.format(ParamValue.AUTO));
    }
}
