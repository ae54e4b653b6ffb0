package io.netwright.io;

import java.util.Random;

/** The mutators of {@link Fuzz} for fuzz tests in other packages. */
public final class FuzzAccess {

    private FuzzAccess() {
    }

    /** {@link Fuzz#mutateJson}. */
    public static String mutateJson(String json, Random rnd) {
        return Fuzz.mutateJson(json, rnd);
    }

    /** {@link Fuzz#mutateBytes}. */
    public static byte[] mutateBytes(byte[] bytes, Random rnd) {
        return Fuzz.mutateBytes(bytes, rnd);
    }
}
