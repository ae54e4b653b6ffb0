package io.netwright.ui.app;

import io.netwright.train.OptimizerConfig;
import io.netwright.train.RunStore;
import io.netwright.ui.data.DataView;
import io.netwright.ui.runs.RunsView;
import io.netwright.ui.runs.TinyRunsAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a check but pictures for a person: the studio's Data tab (a sample selected, its augmentation draws) and a
 * Runs tab over three tiny runs with two overlaid, rendered headless to {@code target/studio-data.png} and
 * {@code target/studio-runs.png}. Tagged slow, so it runs with {@code mvn verify -DexcludedGroups=gpu}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class DataRunsVisualCheckTest {
    StudioWindow window;
    StudioViewModel vm;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        vm = new StudioViewModel(new StudioHome(Files.createTempDirectory("vis")));
        window = new StudioWindow(stage, vm, new ScriptedDialogs());
        vm.openStartDesign();
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    private void snapshot(String file) {
        try {
            var img = window.stage().getScene().snapshot(null);
            javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", Path.of(file).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void pictureOfTheDataTab(FxRobot robot) throws Exception {
        robot.interact(() -> window.showTab("Data"));
        DataView data = robot.lookup("#data-view").queryAs(DataView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> data.viewModel().sourceProperty().get() != null);
        robot.interact(() -> data.viewModel().selectedProperty().set(4));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> snapshot("target/studio-data.png"));
    }

    @Test
    void pictureOfTheRunsTab(FxRobot robot) throws Exception {
        RunStore store = new RunStore(Files.createTempDirectory("vis-runs"));
        var design = vm.editor().documentDesign();
        TinyRunsAccess.run(store, design, OptimizerConfig.sgd(0.05, 0.9), 3);
        TinyRunsAccess.run(store, design, OptimizerConfig.adam(0.002), 3);
        TinyRunsAccess.run(store, design, OptimizerConfig.sgd(0.01, 0.9), 2);
        RunsView runs = new RunsView(store, new javafx.beans.property.SimpleStringProperty(design.metadata().name()),
                p -> { }, (d, c) -> { });
        robot.interact(() -> {
            TabPane tabs = (TabPane) robot.lookup("#studio-tabs").query();
            tabs.getTabs().get(4).setContent(runs);
            window.showTab("Runs");
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runs.refreshesDone() >= 1);
        robot.interact(() -> runs.table().getSelectionModel().selectRange(0, 2));
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> snapshot("target/studio-runs.png"));
    }
}
