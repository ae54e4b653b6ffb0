package io.netwright.ui.editor;

import java.util.Locale;

/** How the studio prints counts: {@code 61,706} and {@code 416.5 K} / {@code 1.2 M} / {@code 3.4 G}. */
public final class Numbers {

    private Numbers() {
    }

    /** {@code 61,706}. */
    public static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 416.5 K}, {@code 1.2 M}; plain below a thousand. */
    public static String short_(long n) {
        if (Math.abs(n) < 1000) {
            return Long.toString(n);
        }
        String[] units = {"K", "M", "G", "T"};
        double v = n;
        int u = -1;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
