package io.netwright.ui.app;

import io.netwright.graph.Edge;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Not a check but a picture for a person: the studio mid-gesture (a refused wire being dragged, an error and a
 * warning on the canvas) rendered headless to {@code target/studio-visual-check.png}. Tagged slow, so it runs with
 * {@code mvn verify -DexcludedGroups=gpu}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class VisualCheckTest {
    StudioWindow window;
    StudioViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        vm = new StudioViewModel(new StudioHome(Files.createTempDirectory("vis")));
        window = new StudioWindow(stage, vm, new ScriptedDialogs());
        vm.openStartDesign();
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    @Test
    void pictureOfARefusedWireAndProblems(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.editor().disconnect(Edge.of("relu2", "pool2"));
            vm.editor().select("pool1");
        });
        robot.moveTo(window.canvas().outputPortOnScreen("relu1")).press(javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(window.canvas().inputPortOnScreen("conv1", 0));
        robot.interact(() -> {
            try {
                var img = window.stage().getScene().snapshot(null);
                javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", Path.of("target/studio-visual-check.png")
                        .toFile());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
    }

    @Test
    void pictureOfALeftToRightLayoutWithABlock(FxRobot robot) throws Exception {
        robot.interact(() -> {
            try {
                vm.open(Path.of("samples/designs/resnet_small.json"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            vm.editor().select(java.util.List.of("s1b1_conv1", "s1b1_bn1", "s1b1_relu1"));
            vm.editor().makeBlock("ConvBnRelu");
            vm.editor().autoLayout(io.netwright.ui.editor.Flow.LEFT_RIGHT);
            window.canvas().fitToView();
            window.canvas().zoom(2.2);
        });
        robot.interact(() -> {
            try {
                var img = window.stage().getScene().snapshot(null);
                javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                        Path.of("target/studio-visual-check-lr.png").toFile());
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
    }
}
