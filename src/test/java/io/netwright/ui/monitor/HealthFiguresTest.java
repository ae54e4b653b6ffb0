package io.netwright.ui.monitor;

import static io.netwright.ui.monitor.Events.layer;
import static io.netwright.ui.monitor.Events.relu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How health figures combine per node and map to colours, without a display. */
class HealthFiguresTest {

    @Test
    void gradientNormsCombineAsTheNormOfAllParameters() {
        assertEquals(5.0, HealthMetric.GRADIENT_NORM.combine(List.of(layer("a", "Conv2d", 1, 3, 0.1),
                relu("r"), layer("b", "BatchNorm2d", 1, 4, 0.1))), 1e-12);
        assertTrue(Double.isNaN(HealthMetric.GRADIENT_NORM.combine(List.of(relu("r")))));
    }

    @Test
    void updateRatiosCombineAsTheUpdateOverTheWeightsOfAllParameters() {
        // updates 0.3·1 and 0.4·... : sqrt(0.3² + (0.1·4)²) / sqrt(1 + 16)
        double r = HealthMetric.UPDATE_RATIO.combine(List.of(layer("a", "Conv2d", 1, 1, 0.3),
                layer("b", "Linear", 4, 1, 0.1)));
        assertEquals(Math.sqrt(0.09 + 0.16) / Math.sqrt(17), r, 1e-12);
        assertEquals(2e-3, HealthMetric.UPDATE_RATIO.combine(List.of(layer("a", "Conv2d", 3, 1, 2e-3))), 1e-15);
    }

    @Test
    void scalesAreLogarithmicAndClamp() {
        HealthScale s = HealthScale.updateRatio();
        assertEquals(0.5, s.position(1e-3), 1e-12);
        assertEquals(0.25, s.position(1e-4), 1e-12);
        assertEquals(0, s.position(0));
        assertEquals(1, s.position(5));
        assertEquals(s.color(1e-9), s.color(1e-5));
        HealthScale span = HealthScale.spanning(Arrays.asList(2e-3, Double.NaN, 0.0, 5e-1));
        assertEquals(2e-3, span.min(), 1e-15);
        assertEquals(5e-1, span.max(), 1e-15);
        HealthScale narrow = HealthScale.spanning(List.of(1.0, 2.0));
        assertEquals(10, narrow.max() / narrow.min(), 1e-9, "at least a decade");
        assertThrows(IllegalArgumentException.class, () -> new HealthScale(1, 1));
    }
}
