package io.netwright.ui.monitor;

import javafx.scene.Parent;

/** The monitor components' stylesheet ({@code resources/studio/monitor.css}), added to each component's root. */
final class MonitorStyles {

    private MonitorStyles() {
    }

    /** Adds the stylesheet and the {@code monitor} style class to {@code root}. */
    static void apply(Parent root, String styleClass) {
        var u = MonitorStyles.class.getResource("/studio/monitor.css");
        if (u == null) {
            throw new IllegalStateException("stylesheet /studio/monitor.css is missing from the classpath "
                    + "(resources/studio/ in the source tree)");
        }
        root.getStylesheets().add(u.toExternalForm());
        root.getStyleClass().addAll("monitor", styleClass);
    }
}
