package io.netwright.ui.monitor;

import static io.netwright.ui.monitor.Events.probe;
import static io.netwright.ui.monitor.Events.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.train.Evaluation.ProbePoint;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.editor.Designs;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The sample grid fed three epochs of synthetic probe predictions. */
@ExtendWith(ApplicationExtension.class)
class SampleGridTest {

    private SampleGrid grid;

    @Start
    void start(Stage stage) {
        grid = new SampleGrid();
        stage.setScene(new Scene(grid, 900, 520));
        stage.show();
    }

    /** Three epochs: probe 7 (a Sneaker) goes from wrong to right; probe 12 (a Shirt) stays wrong. */
    private void threeEpochs(FxRobot robot) {
        robot.interact(() -> {
            grid.onEvents(List.of(Events.started(Designs.lenet(), 61_706)));
            grid.onEvents(List.of(samples(0, probe(7, 7, 5, 0.6, 0.3), probe(12, 6, 0, 0.7, 0.2))));
            grid.onEvents(List.of(samples(1, probe(7, 7, 7, 0.55, 0.55), probe(12, 6, 0, 0.6, 0.35))));
            grid.onEvents(List.of(samples(2, probe(7, 7, 7, 0.9, 0.9), probe(12, 6, 2, 0.5, 0.4))));
        });
    }

    @Test
    void cellsShowImageLabelsAndRightOrWrong(FxRobot robot) {
        threeEpochs(robot);
        assertEquals(2, grid.cells().size());
        SampleCell sneaker = grid.cell(7);
        SampleCell shirt = grid.cell(12);
        assertTrue(sneaker.isCorrect());
        assertTrue(sneaker.getStyleClass().contains("correct"));
        assertFalse(sneaker.getStyleClass().contains("wrong"));
        assertEquals("true: Sneaker", sneaker.trueText());
        assertEquals("✓ Sneaker 90%", sneaker.predictedText());
        assertFalse(shirt.isCorrect());
        assertTrue(shirt.getStyleClass().contains("wrong"));
        assertEquals("✗ Pullover 50%", shirt.predictedText());
        // the colours the stylesheet gives them
        assertEquals(Color.web("#12b76a"), sneaker.getBorder().getStrokes().get(0).getTopStroke());
        assertEquals(Color.web("#d92d20"), shirt.getBorder().getStrokes().get(0).getTopStroke());
        // the image, crisp at 72 px
        Image img = sneaker.imageView().getImage();
        assertNotNull(img);
        assertEquals(28, img.getWidth());
        assertFalse(sneaker.imageView().isSmooth());
        assertEquals(Color.gray((7 * 20 + 3 * 4) / 255.0), img.getPixelReader().getColor(5, 3));
        assertEquals("Sample predictions (validation split) after epoch 3: 1 of 2 right",
                robot.lookup("#sample-heading").queryAs(Label.class).getText());
    }

    @Test
    void historyIsKeptPerProbeAndOpensOnClick(FxRobot robot) {
        threeEpochs(robot);
        List<ProbePoint> h = grid.history(12);
        assertEquals(3, h.size());
        assertEquals(List.of(0, 0, 2), h.stream().map(ProbePoint::predicted).toList());
        assertEquals(List.of(0.2, 0.35, 0.4), h.stream().map(ProbePoint::trueProbability).toList());
        assertNull(grid.selected());
        robot.clickOn("#probe-12");
        assertEquals(12, grid.selected());
        assertTrue(grid.cell(12).getStyleClass().contains("selected-probe"));
        ProbeHistoryView view = robot.lookup("#probe-history").queryAs(ProbeHistoryView.class);
        assertEquals(3, view.rows().size());
        assertEquals(3, view.chartPoints());
        assertNotNull(robot.lookup("#probe-history-chart").query());
        assertTrue(robot.lookup((TableCell<?, ?> c) -> "Pullover".equals(c.getText())).tryQuery().isPresent(),
                "the table names the predicted class of epoch 3");
        // a fourth epoch arrives while the history is open
        robot.interact(() -> grid.onEvents(List.of(samples(3, probe(7, 7, 7, 0.95, 0.95),
                probe(12, 6, 6, 0.5, 0.5)))));
        assertEquals(4, view.rows().size());
        assertEquals(4, view.chartPoints());
        assertTrue(grid.cell(12).getStyleClass().contains("correct"));
        robot.clickOn("#probe-history-close");
        assertNull(grid.selected());
        assertTrue(robot.lookup("#probe-history").tryQuery().isEmpty());
    }

    @Test
    void aBatchWithSeveralSamplesEventsRecordsThemAll(FxRobot robot) {
        robot.interact(() -> grid.onEvents(List.of(Events.started(Designs.lenet(), 61_706),
                samples(0, probe(1, 1, 1, 0.8, 0.8)), new TrainingEvent.Resumed(1, 10),
                samples(1, probe(1, 1, 3, 0.6, 0.3)))));
        assertEquals(2, grid.history(1).size());
        assertFalse(grid.cell(1).isCorrect(), "the cell shows the latest");
        robot.interact(() -> grid.runStarted(null));
        assertTrue(grid.cells().isEmpty(), "a new run starts empty");
        assertTrue(grid.history(1).isEmpty());
    }
}
