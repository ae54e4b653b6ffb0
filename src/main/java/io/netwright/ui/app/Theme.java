package io.netwright.ui.app;

/** The studio's colour themes; each is a stylesheet in {@code resources/studio/} on top of {@code base.css}. */
public enum Theme {
    /** Light greys and blue accents. */
    LIGHT("light.css"),
    /** Dark slate with bright accents. */
    DARK("dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** The URLs of the stylesheets to apply, base first. */
    public java.util.List<String> stylesheets() {
        return java.util.List.of(url("base.css"), url(stylesheet));
    }

    private static String url(String name) {
        var u = Theme.class.getResource("/studio/" + name);
        if (u == null) {
            throw new IllegalStateException("stylesheet /studio/" + name + " is missing from the classpath "
                    + "(resources/studio/ in the source tree)");
        }
        return u.toExternalForm();
    }
}
