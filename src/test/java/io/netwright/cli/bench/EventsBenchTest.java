package io.netwright.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A tiny events benchmark runs and reports both arms (the real figures come from main with more steps). */
class EventsBenchTest {

    @Test
    void runsBothArmsAndReportsTheDifference() throws Exception {
        EventsBench.Result r = EventsBench.run(1, 4, 16);
        assertEquals(1, r.none().size());
        assertEquals(4, r.none().get(0).steps());
        assertEquals(4, r.listening().get(0).steps());
        assertTrue(r.listening().get(0).delivered() > 0);
        assertEquals(0, r.none().get(0).delivered());
        assertTrue(r.publishPercent() >= 0 && r.publishPercent() < 100, r.format());
        String text = r.format();
        assertTrue(text.contains("difference") && text.contains("LeNet-5"), text);
    }
}
