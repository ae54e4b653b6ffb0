package io.netwright.ui.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Browsing the full Fashion-MNIST (70,000 images) where it is installed ({@code -Dnetwright.fashion=DIR}, default
 * {@code /usr/share/datasets/fashion-mnist}): times opening it, scrolling the 60,000-image grid from top to bottom
 * in 200 steps, and filtering by class, and checks the cache stays bounded. Slow-tagged; skipped without the data.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class LargeDatasetBrowseTest {

    private static final Path DIR = Path.of(System.getProperty("netwright.fashion",
            "/usr/share/datasets/fashion-mnist"));

    private DataView view;

    @Start
    void start(Stage stage) {
        view = new DataView(new SimpleStringProperty(""));
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
    }

    @Test
    void sixtyThousandImagesOpenAndScrollQuickly(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(DIR.resolve("train-images-idx3-ubyte.gz")),
                "full Fashion-MNIST not installed at " + DIR);
        DataViewModel vm = view.viewModel();
        long t0 = System.nanoTime();
        robot.interact(() -> view.open(DIR.toString()));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.sourceProperty().get() != null
                && !vm.loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        double openMs = (System.nanoTime() - t0) / 1e6;
        assertEquals(60_000, vm.indices().size());

        var factory = view.grid().getCellFactory();
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> view.grid().setCellFactory(g -> {
            made.incrementAndGet();
            return factory.call(g);
        }));
        int steps = 200;
        long s0 = System.nanoTime();
        long[] fx = new long[3]; // total and worst FX-thread time of a step, total FX-thread CPU time
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 1; i <= steps; i++) {
            double pos = (double) i / steps;
            robot.interact(() -> {
                long a = System.nanoTime();
                long cpu = mx.getCurrentThreadCpuTime();
                view.scrollGrid(pos);
                view.grid().applyCss();
                view.grid().layout(); // lay the new rows out now, thumbnails included, inside the timing
                long d = System.nanoTime() - a;
                fx[2] += mx.getCurrentThreadCpuTime() - cpu;
                fx[0] += d;
                fx[1] = Math.max(fx[1], d);
            });
        }
        double scrollMs = (System.nanoTime() - s0) / 1e6;
        WaitForAsyncUtils.waitForFxEvents();
        boolean lastShown = robot.lookup(".thumbnail-cell").queryAllAs(ThumbnailCell.class).stream()
                .anyMatch(c -> !c.isEmpty() && c.getItem() != null && c.getItem() == 59_999);
        assertTrue(lastShown, "the last image is shown at the end of the grid");
        assertTrue(view.cache().size() <= view.cache().capacity());

        @SuppressWarnings("unchecked")
        ComboBox<String> classes = robot.lookup("#data-class").queryAs(ComboBox.class);
        long[] filter = new long[1];
        robot.interact(() -> {
            long f0 = System.nanoTime();
            classes.setValue("Bag");
            view.applyCss();
            view.layout();
            filter[0] = System.nanoTime() - f0;
        });
        double filterMs = filter[0] / 1e6;
        assertEquals(6000, vm.indices().size());
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "load average %.1f; full Fashion-MNIST: open %.0f ms (70,000 images); "
                + "scroll 60,000 in %d steps %.0f ms wall; FX thread per step %.1f ms mean (CPU %.1f ms), "
                + "%.1f ms worst; %d thumbnails decoded, %d cached; filter by class %.0f ms; %d cells made%n",
                load, openMs, steps, scrollMs, fx[0] / 1e6 / steps, fx[2] / 1e6 / steps, fx[1] / 1e6,
                view.cache().decodedCount(), view.cache().size(), filterMs, made.get());
    }
}
