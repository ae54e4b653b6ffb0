package io.netwright.ui.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.ui.editor.Designs;
import io.netwright.ui.editor.EditorViewModel;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The canvas's per-node tints: applied, cleared, and kept for nodes that appear later. */
@ExtendWith(ApplicationExtension.class)
class NodeTintTest {

    private EditorViewModel editor;
    private GraphCanvas canvas;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel();
        editor.load(Designs.lenet());
        canvas = new GraphCanvas(editor);
        stage.setScene(new Scene(canvas, 800, 600));
        stage.show();
    }

    @Test
    void tintsFollowTheMapByNodeId(FxRobot robot) {
        NodeTint t = new NodeTint(Color.ORANGE, "∇ 1.0e-02", "gradient norm 0.01");
        robot.interact(() -> canvas.nodeTints().put("conv2", t));
        assertEquals(t, canvas.nodeView("conv2").tint());
        assertEquals("∇ 1.0e-02", canvas.nodeView("conv2").badgeText());
        assertTrue(canvas.nodeView("conv2").getStyleClass().contains("tinted"));
        assertNull(canvas.nodeView("conv1").tint());
        robot.interact(() -> canvas.nodeTints().remove("conv2"));
        assertNull(canvas.nodeView("conv2").tint());
        assertEquals("", canvas.nodeView("conv2").badgeText());
        assertFalse(canvas.nodeView("conv2").getStyleClass().contains("tinted"));
    }

    @Test
    void aTintForAnIdNotYetOnTheCanvasAppliesWhenItAppears(FxRobot robot) {
        NodeTint t = new NodeTint(Color.RED, "", "");
        robot.interact(() -> {
            canvas.nodeTints().put("features", t);
            editor.rename("conv1", "features");
        });
        assertEquals(t, canvas.nodeView("features").tint());
        assertEquals("", canvas.nodeView("features").badgeText(), "no badge text, no badge");
    }

    @Test
    void aTintNeedsAColour() {
        assertThrows(NullPointerException.class, () -> new NodeTint(null, "x", "y"));
        assertEquals("", new NodeTint(Color.RED, null, null).badge());
    }
}
