package io.netwright.ui.app;

import io.netwright.data.ByteImage;
import io.netwright.data.formats.ImageFiles;
import io.netwright.ui.evaluate.EvaluateView;
import io.netwright.ui.evaluate.TinyRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check but pictures for a person: each view of the Evaluate tab on a real one-epoch LeNet-5 run, rendered
 * headless to {@code target/evaluate-*.png}. Tagged slow, so it runs with {@code mvn verify -DexcludedGroups=gpu}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class EvaluateVisualCheckTest {

    private StudioWindow window;

    @Start
    void start(Stage stage) throws Exception {
        StudioViewModel vm = new StudioViewModel(new StudioHome(Files.createTempDirectory("vis-eval")));
        window = new StudioWindow(stage, vm, new ScriptedDialogs());
        vm.openStartDesign();
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    @Test
    void picturesOfEveryEvaluateView(FxRobot robot) throws Exception {
        TinyRun run = TinyRun.get();
        EvaluateView view = window.evaluateView();
        robot.interact(() -> window.evaluateRun(run.dir(), "last"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.stateProperty().get() != null);
        Path png = Files.createTempFile("nw-visual", ".png");
        ByteImage sample = (ByteImage) view.stateProperty().get().split().get(3).input();
        ImageFiles.write(sample, "png", png);
        String[] views = {"Summary", "Confusion matrix", "Precision–recall", "Misclassified", "Predict a file"};
        for (String name : views) {
            robot.interact(() -> view.selectView(name));
            if (name.equals("Predict a file")) {
                robot.interact(() -> view.predictFile(png));
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.busyProperty().get());
            }
            WaitForAsyncUtils.waitForFxEvents();
            String file = "target/evaluate-" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-")
                    + ".png";
            robot.interact(() -> {
                try {
                    var img = window.stage().getScene().snapshot(null);
                    javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", Path.of(file).toFile());
                } catch (Exception e) {
                    throw new IllegalStateException("writing " + file + " failed", e);
                }
            });
        }
        Files.deleteIfExists(png);
    }
}
