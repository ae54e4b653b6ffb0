package io.netwright.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricRowTest {

    @Test
    void fileNumbersEpochsFromOneAndReadsBackTheSameRow() {
        MetricRow step = MetricRow.of(new TrainingEvent.BatchEnd(0, 3, 3, 9, 0.5f, 0.6, 0.25, 0.01, 120, 4), 1.5);
        String csv = step.toCsv();
        assertEquals("step,1,3,0.5,0.6,0.25,0.01,120.0,,,,1.5,", csv);
        assertEquals(step, MetricRow.parse(csv, false, "t"));
        MetricRow epoch = MetricRow.of(new TrainingEvent.EpochEnd(4, 45, 0.4, 0.8, 0.5, 0.75, 0.9, 5, 0.001, 2.0), 9);
        assertEquals("epoch,5,45,,0.4,0.8,0.001,,0.5,0.75,0.9,9.0,2.0", epoch.toCsv());
        assertEquals(epoch, MetricRow.parse(epoch.toCsv(), false, "t"));
    }

    @Test
    void headerNamesMatchTheMetricKeys() {
        List<String> columns = List.of(MetricRow.HEADER.split(","));
        for (Metric m : Metric.values()) {
            assertTrue(columns.contains(m.key()), m.key() + " in " + MetricRow.HEADER);
        }
    }

    @Test
    void oldFilesWithZeroBasedEpochsAndOneSecondsColumnStillRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(RunFolder.CONFIG), "{}");
        Files.writeString(dir.resolve(RunFolder.METRICS), MetricRow.HEADER_V1 + "\n"
                + "step,0,1,2.3,2.3,0.1,0.01,100.0,,,,0.5\n"
                + "epoch,0,1,,2.3,0.1,0.01,,2.2,0.2,0.6,0.7\n");
        List<MetricRow> rows = RunFolder.open(dir).readMetrics();
        assertEquals(0, rows.get(0).epoch());
        assertEquals(0.5, rows.get(0).elapsedSeconds());
        assertTrue(Double.isNaN(rows.get(0).epochSeconds()));
        assertEquals(0, rows.get(1).epoch());
        assertEquals(0.7, rows.get(1).epochSeconds());
        assertTrue(Double.isNaN(rows.get(1).elapsedSeconds()));
        assertEquals(0.2, rows.get(1).valAccuracy());
    }

    @Test
    void unknownHeaderNamesTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(RunFolder.CONFIG), "{}");
        Files.writeString(dir.resolve(RunFolder.METRICS), "a,b,c\n1,2,3\n");
        IOException e = assertThrows(IOException.class, () -> RunFolder.open(dir).readMetrics());
        assertTrue(e.getMessage().contains("metrics.csv: line 1: not a metrics file"), e.getMessage());
    }
}
