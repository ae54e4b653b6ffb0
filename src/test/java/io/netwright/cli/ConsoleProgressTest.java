package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void terminalRedrawsOneLineAndEndsItAtTheEpochsLastStep() {
        StringWriter s = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(s), true, 2);
        for (int step = 1; step <= 100; step++) {
            p.step(1, step, 100, 0.5, 0.75, 1234, 65);
        }
        p.println("epoch 1/2  done");
        String out = s.toString();
        assertTrue(out.startsWith("\repoch 1/2 ["), out);
        assertTrue(out.contains("\repoch 1/2 [====================] 100/100  loss 0.5000  acc  75.0%  1,234 img/s  "
                + "ETA 1:05\nepoch 1/2  done\n"), out);
        assertTrue(out.chars().filter(c -> c == '\r').count() < 100, "redraws are throttled");
    }

    @Test
    void plainLinesAboutTenPerEpochAndNoCarriageReturns() {
        StringWriter s = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(s), false, 1);
        for (int step = 1; step <= 100; step++) {
            p.step(1, step, 100, 0.5, 0.75, 10, -1);
        }
        String out = s.toString();
        assertFalse(out.contains("\r"));
        long lines = out.lines().count();
        assertTrue(lines >= 10 && lines <= 11, out);
        assertTrue(out.lines().reduce((a, b) -> b).orElse("").endsWith("100/100  loss 0.5000  acc  75.0%  10 img/s  "
                + "ETA ?"), out);
    }

    @Test
    void durationsReadAsClockTimes() {
        assertEquals("0:05", ConsoleProgress.duration(4.6));
        assertEquals("2:03", ConsoleProgress.duration(123));
        assertEquals("1:01:01", ConsoleProgress.duration(3661));
        assertEquals("?", ConsoleProgress.duration(Double.NaN));
    }
}
