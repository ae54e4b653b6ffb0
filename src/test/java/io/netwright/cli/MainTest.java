package io.netwright.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;

import io.netwright.backend.DeviceInfo;
import io.netwright.backend.Devices;
import org.junit.jupiter.api.Test;

class MainTest {

    /** Output and exit code of one CLI invocation. */
    private record Result(int code, String out, String err) { }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpListsCommandsAndExitsZero() {
        Result r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: netwright"), r.out());
        assertTrue(r.out().contains("devices"), r.out());
        assertTrue(r.out().contains("help"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void helpCommandShowsSubcommandUsage() {
        Result r = run("help", "devices");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: netwright devices"), r.out());
    }

    @Test
    void versionNamesTheAppAndTheJava() {
        Result r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("netwright "), r.out());
        assertTrue(r.out().contains("Java " + System.getProperty("java.version")), r.out());
    }

    @Test
    void devicesPrintsOneLinePerProbedDeviceFamily() {
        Result r = run("devices");
        assertEquals(0, r.code(), r.err());
        List<String> expected = Devices.available().stream().map(DeviceInfo::toString).collect(Collectors.toList());
        assertFalse(expected.isEmpty(), "Devices.available() always reports at least the CUDA family");
        assertEquals(expected, r.out().lines().collect(Collectors.toList()));
    }

    @Test
    void unknownCommandIsAUsageErrorWithAOneLineFix() {
        Result r = run("frobnicate");
        assertEquals(2, r.code());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("netwright: unknown command 'frobnicate' (commands: summary, train,"), r.err());
        assertTrue(first.contains("run 'netwright --help'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void misspeltCommandSuggestsTheRealOne() {
        Result r = run("devics");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("devices"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        Result r = run("devices", "--no-such-option");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("netwright devices: Unknown option: '--no-such-option'"), r.err());
    }

    @Test
    void noCommandIsAUsageError() {
        Result r = run();
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("netwright: Missing command"), r.err());
    }

    @Test
    void aLoneDesignFileOpensItInTheStudio(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path design = java.nio.file.Files.writeString(tmp.resolve("net.nwd.json"), "{}");
        assertEquals(List.of("studio", design.toString()), List.of(Main.openingDesign(design.toString())));
        // anything else is left alone: commands, options, missing files, other extensions, more arguments
        for (String[] args : List.of(new String[] {"devices"}, new String[] {"--version"},
                new String[] {tmp.resolve("missing.json").toString()}, new String[] {tmp.toString()},
                new String[] {"summary", design.toString()}, new String[] {"\u0000.json"})) {
            assertEquals(List.of(args), List.of(Main.openingDesign(args)));
        }
    }

    @Test
    void studioWithoutADisplayOrWithAMissingDesignFailsInOneLine() {
        Result missing = run("studio", "no-such-design.json");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no design file no-such-design.json"), missing.err());
    }
}
