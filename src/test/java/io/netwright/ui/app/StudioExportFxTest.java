package io.netwright.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.ui.export.ExportDialog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Export Model… from the menu to the check report, in the real window (headless). */
@ExtendWith(ApplicationExtension.class)
class StudioExportFxTest {

    private StudioWindow window;
    private Path tmp;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("studio-export");
        StudioViewModel vm = new StudioViewModel(new StudioHome(tmp.resolve("home")));
        window = new StudioWindow(stage, vm, new ScriptedDialogs());
        vm.openStartDesign();
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    @Test
    void theFileMenuOffersExportModelAndKeepsUnderscoresInSampleNames(FxRobot robot) {
        javafx.scene.control.MenuBar bar = robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu file = bar.getMenus().get(0);
        assertTrue(file.getItems().stream().anyMatch(i -> "Export Model…".equals(i.getText())));
        javafx.scene.control.Menu newMenu = (javafx.scene.control.Menu) file.getItems().get(0);
        var sample = newMenu.getItems().stream().filter(i -> i.getText() != null && i.getText().contains("_"))
                .findFirst().orElseThrow();
        assertTrue(sample.getText().contains("cifar10_tutorial") || sample.getText().contains("_"), sample.getText());
        assertTrue(!sample.isMnemonicParsing(), "an underscore in a sample name is shown, not taken as a mnemonic");
    }

    @Test
    void theDataTabPreviewsTheAugmentationTheNextRunWillUse(FxRobot robot) {
        robot.interact(() -> window.showTab("Train"));
        javafx.scene.control.CheckBox flip = robot.lookup("#cfg-hflip").queryAs(javafx.scene.control.CheckBox.class);
        robot.interact(() -> flip.setSelected(!flip.isSelected()));
        boolean want = flip.isSelected();
        robot.interact(() -> window.showTab("Data"));
        io.netwright.ui.data.DataView data = robot.lookup((javafx.scene.Node n) -> n instanceof
                io.netwright.ui.data.DataView).queryAs(io.netwright.ui.data.DataView.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(want, data.viewModel().augmentationProperty().get().horizontalFlip(),
                "the preview follows the Train tab");
        assertTrue(data.viewModel().followingRunSettingsProperty().get());
    }

    @Test
    void exportingTheOpenDesignShowsThePassedCheckReport(FxRobot robot) throws Exception {
        ExportDialog[] dialog = new ExportDialog[1];
        robot.interact(() -> dialog[0] = window.showExport());
        Path out = tmp.resolve("studio.onnx");
        robot.interact(() -> robot.lookup("#export-output").queryAs(TextField.class).setText(out.toString()));
        robot.clickOn("#export-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#export-status").queryAs(Label.class)
                .getText().startsWith("Exported"));
        String status = robot.lookup("#export-status").queryAs(Label.class).getText();
        String report = robot.lookup("#export-report").queryAs(TextArea.class).getText();
        assertEquals("Exported — check passed", status, report);
        assertTrue(report.contains("Export check (onnx, opset 17): PASSED"), report);
        assertTrue(Files.size(out) > 1000);
        robot.interact(() -> dialog[0].stage().close());
        // a closed dialog leaves nothing pulsing
        java.util.concurrent.atomic.AtomicLong pulses = new java.util.concurrent.atomic.AtomicLong();
        robot.interact(() -> window.stage().getScene().addPreLayoutPulseListener(pulses::incrementAndGet));
        Thread.sleep(500);
        long before = pulses.get();
        Thread.sleep(600);
        assertTrue(pulses.get() - before <= 4, (pulses.get() - before) + " pulses in 0.6 s after closing; dialog focus "
                + dialog[0].stage().getScene().getFocusOwner() + ", main focus " + window.stage().getScene()
                .getFocusOwner());
    }
}
