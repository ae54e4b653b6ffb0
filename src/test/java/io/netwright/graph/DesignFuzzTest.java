package io.netwright.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.io.Fuzz;
import io.netwright.tensor.Generator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Design files on a few thousand seeded mutations of the samples (wrong types, hostile numbers such as
 * {@code 1e2147483648} or {@code 1048576} channels, deep nesting, removed fields, damaged bytes): each is read,
 * analysed and — when valid — compiled, or refused with a message naming the file; nothing crashes.
 */
class DesignFuzzTest {

    @TempDir
    Path tmp;

    private static void readAnalyseCompile(Path f) throws IOException {
        Design d = DesignFiles.read(f);
        DesignAnalysis a = new Analyzer().analyze(d);
        if (!a.hasErrors()) {
            try {
                DesignCompiler.compile(a, new Generator(0));
            } catch (InvalidDesignException e) {
                throw new IllegalArgumentException(f.getFileName() + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void mutatedSampleDesignsAreReadOrRefusedCleanly() throws IOException {
        int total = 0;
        for (String sample : new String[] {"lenet5.json", "resnet_small.json", "inception_block.json"}) {
            String json = Files.readString(Path.of("samples/designs", sample));
            Fuzz.Report r = Fuzz.json(tmp, "mutant-" + sample, json, 700, sample.hashCode(),
                    DesignFuzzTest::readAnalyseCompile);
            System.out.println("design " + sample + ": " + r);
            assertTrue(r.clean(), sample + ": " + r);
            total += r.tried;
        }
        assertTrue(total >= 2000);
    }

    @Test
    void hugeExponentsAreRefusedNamingTheField() throws IOException {
        String json = Files.readString(Path.of("samples/designs/lenet5.json"))
                .replaceFirst("\"out_channels\": 6", "\"out_channels\": 1e2147483648");
        Path f = Files.writeString(tmp.resolve("big.json"), json);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> DesignFiles.read(f));
        assertTrue(e.getMessage().contains("big.json: line 22") && e.getMessage().contains("1e2147483648 is out of range"), e.getMessage());
    }

    @Test
    void weightsThatCannotFitAreRefusedBeforeAllocating() throws IOException {
        String json = Files.readString(Path.of("samples/designs/lenet5.json"))
                .replaceFirst("\"out_features\": 120", "\"out_features\": 1048576")
                .replaceFirst("\"out_channels\": 16", "\"out_channels\": 1048576");
        Path f = Files.writeString(tmp.resolve("wide.json"), json);
        DesignAnalysis a = new Analyzer().analyze(DesignFiles.read(f));
        var e = org.junit.jupiter.api.Assertions.assertThrows(InvalidDesignException.class,
                () -> DesignCompiler.compile(a, new Generator(0)));
        assertTrue(e.getMessage().contains("memory"), e.getMessage());
    }

    @Test
    void aDevicePathIsRefusedInsteadOfReadForever() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> DesignFiles.read(zero));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
