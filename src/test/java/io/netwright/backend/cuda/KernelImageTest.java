package io.netwright.backend.cuda;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed kernel images ({@code resources/io/netwright/backend/cuda/}) against the sources and the Java launch
 * descriptors: not stale, the same entry points and parameters as {@link Kernels#all()}, the compat PTX loadable by
 * CUDA 12 drivers, and a fatbin with SASS for every arch we ship. None of this needs nvcc or a GPU.
 */
class KernelImageTest {

    private static final String STALE = "CUDA kernel images are stale: run scripts/build-cuda-kernels.sh";
    private static final Path ROOT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path SOURCES = ROOT.resolve("src/main/cuda");
    private static final Path SCRIPT = ROOT.resolve("scripts/build-cuda-kernels.sh");
    private static final Pattern FLAG_LINE = Pattern.compile("^NW_[A-Z_]+='[^']*'$");
    private static final int[] SASS_ARCHS = {75, 80, 86, 89, 90, 100, 120};
    private static final int PTX_ARCH = 75;

    // ---------------------------------------------------------------- staleness

    @Test
    void committedHashMatchesSourcesAndBuildFlags() throws IOException {
        skipUnless(Files.isDirectory(SOURCES) && Files.isRegularFile(SCRIPT),
                "no kernel sources at " + SOURCES + " or no " + SCRIPT + " (not run from the repository)");
        String committed = new String(resource("netwright_kernels.sha256"), UTF_8).trim();
        String now = sourceHash(SOURCES, SCRIPT);
        assertEquals(now, committed, STALE + " (committed sha256 " + committed + ", sources and flags now " + now
                + ")");
    }

    /** The hash scripts/build-cuda-kernels.sh writes: see the comment at the top of the script. */
    static String sourceHash(Path sources, Path script) throws IOException {
        MessageDigest sha = sha256();
        sha.update("netwright-cuda-kernels\n".getBytes(UTF_8));
        for (String line : Files.readAllLines(script, UTF_8)) {
            if (FLAG_LINE.matcher(line).matches()) {
                sha.update((line + "\n").getBytes(UTF_8));
            }
        }
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().endsWith(".cu")
                            || p.getFileName().toString().endsWith(".cuh"))
                    .map(p -> sources.relativize(p).toString().replace(File.separatorChar, '/'))
                    .sorted((a, b) -> Arrays.compareUnsigned(a.getBytes(UTF_8), b.getBytes(UTF_8)))
                    .collect(Collectors.toList());
        }
        for (String rel : files) {
            byte[] content = Files.readAllBytes(sources.resolve(rel));
            sha.update((rel + "\n" + content.length + "\n").getBytes(UTF_8));
            sha.update(content);
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    // ---------------------------------------------------------------- entry points against Kernels.all()

    @ParameterizedTest
    @ValueSource(strings = {KernelImages.PTX, KernelImages.COMPAT_PTX})
    void ptxEntriesEqualTheJavaDescriptors(String resource) {
        Map<String, List<String>> ptx = PtxEntries.parse(new String(resource(resource), UTF_8));
        List<String> problems = new ArrayList<>();
        Set<String> java = new TreeSet<>();
        for (CudaKernel k : Kernels.all()) {
            java.add(k.name());
            List<String> got = ptx.get(k.name());
            if (got == null) {
                problems.add("missing in PTX: " + k.name() + " (declared in Kernels.java)");
                continue;
            }
            List<String> want = k.params().stream().map(CudaKernel.Param::ptx).toList();
            if (got.size() != want.size()) {
                problems.add(k.name() + ": PTX has " + got.size() + " params " + got + ", Kernels.java "
                        + want.size() + " " + k.params());
            }
            for (int i = 0; i < Math.min(got.size(), want.size()); i++) {
                if (!got.get(i).equals(want.get(i))) {
                    problems.add(k.name() + ": param " + i + " is " + got.get(i) + " in PTX, " + k.params().get(i)
                            + " (" + want.get(i) + ") in Kernels.java");
                }
            }
        }
        for (String name : new TreeSet<>(ptx.keySet())) {
            if (!java.contains(name)) {
                problems.add("missing in Java: " + name + " " + ptx.get(name) + " (add a descriptor to Kernels.java)");
            }
        }
        if (Kernels.all().size() != java.size()) {
            problems.add("Kernels.java declares a kernel name twice");
        }
        if (!problems.isEmpty()) {
            fail(resource + " and Kernels.all() disagree (" + problems.size() + "):\n  "
                    + String.join("\n  ", problems) + "\n(if the sources changed: " + STALE + ")");
        }
    }

    // ---------------------------------------------------------------- compat PTX

    @Test
    void compatPtxDeclaresVersion78() {
        String first = firstDirective(new String(resource(KernelImages.COMPAT_PTX), UTF_8));
        assertEquals(".version 7.8", first, "the first directive of " + KernelImages.COMPAT_PTX);
        String original = firstDirective(new String(resource(KernelImages.PTX), UTF_8));
        assertTrue(original.startsWith(".version "), "the first directive of " + KernelImages.PTX + ": " + original);
    }

    @ParameterizedTest
    @ValueSource(ints = {75, 90})
    void compatPtxAssemblesWithPtxas(int sm, @TempDir Path tmp) throws IOException, InterruptedException {
        Optional<Path> ptxas = findPtxas();
        skipUnless(ptxas.isPresent(), "ptxas not found (/usr/local/bin/ptxas, CUDA_HOME/bin or PATH): the compat"
                + " PTX is not assembled for sm_" + sm);
        Path in = tmp.resolve(KernelImages.COMPAT_PTX);
        Files.write(in, resource(KernelImages.COMPAT_PTX));
        Path log = tmp.resolve("ptxas.log");
        Process p = new ProcessBuilder(ptxas.get().toString(), "-arch=sm_" + sm, "-o",
                tmp.resolve("sm_" + sm + ".cubin").toString(), in.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(ptxas.get() + " -arch=sm_" + sm + " did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), () -> KernelImages.COMPAT_PTX + " does not assemble for sm_" + sm + " with "
                + ptxas.get() + ":\n" + readQuietly(log) + "\n(" + STALE + ")");
    }

    static Optional<Path> findPtxas() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/local/bin/ptxas"));
        for (String env : List.of("CUDA_HOME", "CUDA_PATH")) {
            String dir = System.getenv(env);
            if (dir != null && !dir.isBlank()) {
                candidates.add(Path.of(dir, "bin", "ptxas"));
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "ptxas"));
                    candidates.add(Path.of(dir, "ptxas.exe"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).filter(Files::isRegularFile).findFirst();
    }

    // ---------------------------------------------------------------- fatbin

    @Test
    void fatbinHoldsSassForEveryArchAndThePtx() {
        List<FatbinInfo.Entry> entries = FatbinInfo.entries(resource(KernelImages.FATBIN));
        System.out.println("KernelImageTest: " + KernelImages.FATBIN + " holds " + entries);
        List<String> missing = new ArrayList<>();
        for (int sm : SASS_ARCHS) {
            if (entries.stream().noneMatch(e -> e.kind() == FatbinInfo.KIND_ELF && e.sm() == sm)) {
                missing.add("ELF sm_" + sm);
            }
        }
        if (entries.stream().noneMatch(e -> e.kind() == FatbinInfo.KIND_PTX && e.sm() == PTX_ARCH)) {
            missing.add("PTX compute_" + PTX_ARCH);
        }
        assertTrue(missing.isEmpty(), KernelImages.FATBIN + " lacks " + missing + "; it holds " + entries + " ("
                + STALE + ")");
    }

    // ---------------------------------------------------------------- the parsers themselves

    @Test
    void ptxParserNormalisesEveryIntegerSpellingAndMultiLineLists() {
        String ptx = """
                .visible .entry a(
                	.param .u64 a_param_0,
                	.param .align 4 .b8 a_param_1[68],
                	.param .s32 a_param_2,
                	.param .b32 a_param_3,
                	.param .b64 a_param_4,
                	.param .f64 a_param_5
                )
                .visible .entry b()
                .entry hidden(
                	.param .u32 x
                )
                .visible .entry c(.param .f32 c_param_0, .param .s64 c_param_1)
                """;
        Map<String, List<String>> got = PtxEntries.parse(ptx);
        assertEquals(Map.of(
                "a", List.of(".u64", ".align 4 .b8[68]", ".u32", ".u32", ".u64", ".f64"),
                "b", List.of(),
                "c", List.of(".f32", ".u64")), got);
    }

    @Test
    void fatbinParserListsKindAndArchOfEveryEntry() {
        byte[] elf = {0x7F, 'E', 'L', 'F', 0, 0, 0, 0};
        byte[] ptx = ".version 9.0\0".getBytes(UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16 + 2 * 64 + elf.length + ptx.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(FatbinInfo.MAGIC).putShort((short) 1).putShort((short) 16).putLong(b.capacity() - 16);
        for (Object[] e : new Object[][] {{FatbinInfo.KIND_ELF, 86, elf}, {FatbinInfo.KIND_PTX, 75, ptx}}) {
            byte[] payload = (byte[]) e[2];
            int at = b.position();
            b.putShort((short) (int) (Integer) e[0]).putShort((short) 0x0101).putInt(64).putLong(payload.length);
            b.putInt(at + 28, (Integer) e[1]);
            b.position(at + 64).put(payload);
        }
        List<FatbinInfo.Entry> got = FatbinInfo.entries(b.array());
        assertEquals(List.of(new FatbinInfo.Entry(FatbinInfo.KIND_ELF, 86, elf.length, true),
                new FatbinInfo.Entry(FatbinInfo.KIND_PTX, 75, ptx.length, false)), got);
        assertEquals("[ELF sm_86, PTX compute_75]", got.toString());
    }

    // ---------------------------------------------------------------- helpers

    /** Skips the test, saying why on stdout as well as in the report: no test is skipped silently. */
    static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("KernelImageTest: SKIPPED: " + reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    static byte[] resource(String name) {
        try (InputStream in = KernelImages.class.getResourceAsStream(name)) {
            if (in == null) {
                fail("io/netwright/backend/cuda/" + name + " is not on the classpath: " + STALE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    /** The first line of PTX that is neither blank nor a comment. */
    static String firstDirective(String ptx) {
        return ptx.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//")).findFirst().orElse("");
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
