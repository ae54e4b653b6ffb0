package io.netwright.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The studio at 1280×800 in both themes, every tab shown in turn: no visible label, button or check box shows its
 * text cut short with an ellipsis (text must be shown whole or wrapped), none shows an exception's text, the
 * window fits 1280 px and, in the dark theme, no chart is white.
 */
@ExtendWith(ApplicationExtension.class)
class StudioLayoutFxTest {

    private StudioViewModel vm;
    private StudioWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path tmp = Files.createTempDirectory("studio-layout");
        vm = new StudioViewModel(new StudioHome(tmp.resolve("home")));
        window = new StudioWindow(stage, vm, new ScriptedDialogs());
        vm.openStartDesign();
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    /** Visible labeled controls whose skin shows fewer characters than their text, ending in an ellipsis. */
    private static void truncated(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && l.getText().contains("Exception")) {
            out.add("raw exception text on screen: '" + l.getText() + "'");
        }
        if ("editor-message".equals(n.getId())) {
            return; // the status message may be cut (its tooltip shows it whole); the controls beside it may not
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && t.isVisible() && !t.getText().equals(l.getText())
                        && (t.getText().endsWith("…") || t.getText().endsWith("...")) && !l.getText().endsWith("…")) {
                    out.add(l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " '"
                            + l.getText().lines().findFirst().orElse("") + "' shown as '" + t.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                truncated(c, out);
            }
        }
    }

    private static void charts(Node n, java.util.function.Consumer<org.jfree.chart.fx.ChartViewer> each) {
        if (n instanceof org.jfree.chart.fx.ChartViewer v && v.getChart() != null && v.isVisible()) {
            each.accept(v);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> charts(c, each));
        }
    }

    private List<String> check(FxRobot robot, Theme theme) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            vm.themeProperty().set(theme);
            vm.editor().tell("negch.json: 1 problem — Conv2d 'conv2': input has 3 channels, layer expects 6 — set "
                    + "in_channels=3 or insert a 1x1 conv; and a long tail of words to fill the status bar twice over");
        });
        TabPane tabs = robot.lookup("#studio-tabs").queryAs(TabPane.class);
        for (Tab t : List.copyOf(tabs.getTabs())) {
            robot.interact(() -> tabs.getSelectionModel().select(t));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                List<String> found = new ArrayList<>();
                truncated(stage.getScene().getRoot(), found);
                found.forEach(f -> out.add(theme + " " + t.getText() + ": " + f));
                if (theme == Theme.DARK) {
                    charts(stage.getScene().getRoot(), v -> {
                        if (java.awt.Color.WHITE.equals(v.getChart().getBackgroundPaint())
                                || java.awt.Color.WHITE.equals(v.getChart().getPlot().getBackgroundPaint())) {
                            out.add("DARK " + t.getText() + ": a white chart " + v.getId());
                        }
                    });
                }
                double min = stage.getScene().getRoot().minWidth(-1);
                if (min > 1280) {
                    out.add(theme + " " + t.getText() + ": the window needs " + min + " px, more than 1280");
                }
            });
        }
        return out;
    }

    @Test
    void nothingIsCutShortAt1280x800InEitherTheme(FxRobot robot) {
        List<String> all = new ArrayList<>(check(robot, Theme.LIGHT));
        all.addAll(check(robot, Theme.DARK));
        assertEquals(List.of(), all);
    }
}
