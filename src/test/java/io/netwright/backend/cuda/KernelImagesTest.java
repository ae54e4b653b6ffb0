package io.netwright.backend.cuda;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelImagesTest {

    @ParameterizedTest
    @ValueSource(ints = {13000, 13010, 14000})
    void cuda13DriversLoadTheFatbin(int driver) {
        KernelImage img = KernelImages.choose(driver);
        assertEquals(KernelImages.FATBIN, img.name());
        assertTrue(img.loadable());
        assertArrayEquals(KernelImages.fatbin(), img.data());
        assertTrue(img.reason().contains("fatbin"), img.reason());
        assertFalse(img.reason().contains("\n"), "one line: " + img.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {12000, 12040, 12090})
    void cuda12DriversJitTheCompatPtx(int driver) {
        KernelImage img = KernelImages.choose(driver);
        assertEquals(KernelImages.COMPAT_PTX, img.name());
        assertArrayEquals(KernelImages.compatPtx(), img.data());
        assertTrue(img.reason().startsWith("driver " + KernelImages.versionString(driver) + " (CUDA 12.x) JITs"),
                img.reason());
        assertFalse(img.reason().contains("\n"), "one line: " + img.reason());
    }

    @Test
    void olderDriversGetNoImageAndTheFix() {
        KernelImage img = KernelImages.choose(11080);
        assertFalse(img.loadable());
        assertEquals(KernelImage.NONE, img.name());
        assertNull(img.data());
        assertEquals("NVIDIA driver 11.8 is too old: Netwright's CUDA kernels need driver 525 (CUDA 12.0) or newer"
                + " — update the driver or use --device cpu", img.reason());
        assertTrue(KernelImages.choose(11040).reason().startsWith("NVIDIA driver 11.4 is too old"));
        assertFalse(KernelImages.choose(0).loadable());
    }

    @Test
    void ptxImagesEndWithOneNulAndDeclareTheirVersion() {
        for (byte[] ptx : new byte[][] {KernelImages.ptx(), KernelImages.compatPtx()}) {
            assertEquals(0, ptx[ptx.length - 1], "trailing NUL for cuModuleLoadData");
            assertTrue(ptx[ptx.length - 2] != 0, "exactly one trailing NUL");
            assertTrue(new String(ptx, US_ASCII).contains("\n.version "), "a .version directive");
        }
        assertTrue(new String(KernelImages.compatPtx(), US_ASCII).contains("\n.version 7.8\n"));
    }

    @Test
    void missingResourceNamesItAndTheScript() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelImages.resource("nope.bin"));
        assertTrue(e.getMessage().contains("io/netwright/backend/cuda/nope.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/build-cuda-kernels.sh"), e.getMessage());
    }

    @Test
    void versionStringIsMajorDotMinor() {
        assertEquals("12.4", KernelImages.versionString(12040));
        assertEquals("13.0", KernelImages.versionString(13000));
        assertEquals("11.8", KernelImages.versionString(11080));
    }

    @Test
    void recordValidatesNoneAndData() {
        assertThrows(IllegalArgumentException.class, () -> new KernelImage("x.ptx", null, "why"));
        assertThrows(IllegalArgumentException.class, () -> new KernelImage(KernelImage.NONE, new byte[1], "why"));
        assertThrows(IllegalArgumentException.class, () -> new KernelImage("x.ptx", new byte[1], " "));
        assertEquals("KernelImage[x.ptx, 3 bytes: why]", new KernelImage("x.ptx", new byte[3], "why").toString());
    }
}
