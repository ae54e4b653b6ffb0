package io.netwright.ui.monitor;

import static io.netwright.ui.monitor.Events.health;
import static io.netwright.ui.monitor.Events.layer;
import static io.netwright.ui.monitor.Events.relu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Blocks;
import io.netwright.graph.Design;
import io.netwright.ui.canvas.GraphCanvas;
import io.netwright.ui.canvas.NodeTint;
import io.netwright.ui.editor.Designs;
import io.netwright.ui.editor.EditorViewModel;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The health overlay colouring LeNet-5's nodes on a real canvas. */
@ExtendWith(ApplicationExtension.class)
class HealthOverlayTest {

    private EditorViewModel editor;
    private GraphCanvas canvas;
    private HealthOverlay overlay;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel();
        editor.load(Designs.lenet());
        canvas = new GraphCanvas(editor);
        overlay = new HealthOverlay(canvas);
        stage.setScene(new Scene(new BorderPane(canvas, overlay, null, null, null), 900, 700));
        stage.show();
    }

    /** conv1 has a large gradient and update ratio, conv2 small ones, fc1 in between; relu1 has no parameters. */
    private void feed(FxRobot robot) {
        robot.interact(() -> overlay.onEvents(List.of(Events.started(Designs.lenet(), 61_706),
                health(20, layer("conv1", "Conv2d", 2, 1e-1, 2e-2), relu("relu1"),
                        layer("conv2", "Conv2d", 4, 1e-3, 1e-5), layer("fc1", "Linear", 8, 1e-2, 1e-3)))));
    }

    private Color tint(String id) {
        NodeTint t = canvas.nodeView(id).tint();
        return t == null ? null : t.color();
    }

    @Test
    void gradientNormsColourTheLayersThatHaveThem(FxRobot robot) {
        feed(robot);
        assertEquals(Set.of("conv1", "conv2", "fc1"), canvas.nodeTints().keySet());
        assertNull(tint("relu1"), "no figure, no colour");
        assertNull(tint("input"));
        // the scale spans the figures: the largest is red, the smallest blue, the middle green
        assertEquals(new HealthScale(1e-3, 1e-1), overlay.scale());
        assertEquals(Color.web("#d92d20"), tint("conv1"));
        assertEquals(Color.web("#2f6fed"), tint("conv2"));
        assertEquals(Color.web("#12b76a"), tint("fc1"));
        assertEquals("∇ 1.0e-01", canvas.nodeView("conv1").badgeText());
        assertTrue(canvas.nodeView("conv1").getStyleClass().contains("tinted"));
        assertEquals("1e-03", robot.lookup("#health-legend-low").queryAs(Label.class).getText());
        assertEquals("1e-01", robot.lookup("#health-legend-high").queryAs(Label.class).getText());
        assertEquals("step 20 · 3 layers", robot.lookup("#health-status").queryAs(Label.class).getText());
    }

    @Test
    void anotherDesignClearsTheColoursTheLegendAndTheStatus(FxRobot robot) {
        feed(robot);
        robot.interact(overlay::documentChanged);
        assertTrue(canvas.nodeTints().isEmpty());
        assertTrue(!robot.lookup("#health-legend-low").queryAs(Label.class).isVisible(), "no stale legend");
        assertEquals("no health figures yet", robot.lookup("#health-status").queryAs(Label.class).getText());
    }

    @Test
    void theMetricCanBeSwitchedAndTurnedOff(FxRobot robot) {
        feed(robot);
        robot.interact(() -> overlay.metricProperty().set(HealthMetric.UPDATE_RATIO));
        assertEquals(HealthScale.updateRatio(), overlay.scale());
        assertEquals(Color.web("#12b76a"), tint("fc1"), "1e-3 is the healthy middle");
        assertEquals(Color.web("#2f6fed"), tint("conv2"), "1e-5: barely learning");
        assertEquals(HealthScale.updateRatio().color(2e-2), tint("conv1"));
        assertEquals("Δ/w 2.0e-02", canvas.nodeView("conv1").badgeText());
        robot.interact(() -> overlay.metricProperty().set(HealthMetric.OFF));
        assertTrue(canvas.nodeTints().isEmpty());
        assertNull(tint("conv1"));
        assertEquals("", canvas.nodeView("conv1").badgeText());
        assertTrue(!canvas.nodeView("conv1").getStyleClass().contains("tinted"));
        robot.interact(() -> overlay.metricProperty().set(HealthMetric.GRADIENT_NORM));
        assertEquals(Color.web("#d92d20"), tint("conv1"), "back on with the latest figures");
    }

    @Test
    void aNewRunClearsTheColoursAndOnlyTheOverlaysOwnTintsAreTouched(FxRobot robot) {
        NodeTint other = new NodeTint(Color.PURPLE, "x", "set by someone else");
        robot.interact(() -> canvas.nodeTints().put("pool1", other));
        feed(robot);
        robot.interact(() -> overlay.onEvents(List.of(Events.started(Designs.lenet(), 61_706))));
        assertEquals(Set.of("pool1"), canvas.nodeTints().keySet());
        assertNull(tint("conv1"));
        assertEquals(Color.PURPLE, tint("pool1"));
    }

    @Test
    void layersOfABlockInstanceColourTheInstance(FxRobot robot) {
        robot.interact(() -> {
            editor.select(List.of("conv2", "relu2", "pool2"));
            editor.makeBlock("ConvUnit");
        });
        String inst = editor.selection().iterator().next();
        Design d = editor.design();
        List<String> flat = Blocks.expand(d).design().nodes().stream().map(n -> n.id())
                .filter(id -> id.startsWith(inst + "_")).toList();
        String conv = flat.stream().filter(id -> id.endsWith("conv2")).findFirst().orElseThrow();
        robot.interact(() -> overlay.onEvents(List.of(Events.started(d, 61_706), health(30,
                layer("conv1", "Conv2d", 2, 3e-2, 1e-3), layer(conv, "Conv2d", 4, 4e-2, 1e-3),
                relu(inst + "_relu2")))));
        assertEquals(Set.of("conv1", inst), canvas.nodeTints().keySet());
        assertNotNull(tint(inst));
        assertEquals("∇ 4.0e-02", canvas.nodeView(inst).badgeText());
        // inside the open block the ids are the block's own: no colours there, back when it closes
        robot.interact(() -> editor.openBlock("ConvUnit"));
        assertTrue(canvas.nodeTints().isEmpty());
        assertEquals("close the block to see the health colours",
                robot.lookup("#health-status").queryAs(Label.class).getText());
        robot.interact(editor::closeBlock);
        assertEquals(Set.of("conv1", inst), canvas.nodeTints().keySet());
    }
}
