package io.netwright.ui.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.ParamValue;
import io.netwright.train.TrainingEvent;
import io.netwright.ui.editor.Designs;
import io.netwright.ui.editor.EditorViewModel;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The parameter table on LeNet-5: rows, shares and totals; following edits; a run's figures. */
@ExtendWith(ApplicationExtension.class)
class ParameterTableTest {

    private EditorViewModel editor;
    private ParameterTable table;

    @Start
    void start(Stage stage) {
        editor = new EditorViewModel();
        editor.load(Designs.lenet());
        table = new ParameterTable(editor);
        stage.setScene(new Scene(table, 760, 520));
        stage.show();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private Map<String, ParameterSummary.Row> rows() {
        return table.tableView().getItems().stream()
                .collect(Collectors.toMap(ParameterSummary.Row::name, r -> r));
    }

    @Test
    void lenetRowsAndTotals(FxRobot robot) {
        List<ParameterSummary.Row> items = table.tableView().getItems();
        assertEquals(14, items.size());
        assertEquals("input", items.get(0).name(), "forward order, the input first");
        assertEquals("output", items.get(13).name());
        Map<String, ParameterSummary.Row> r = rows();
        assertEquals(156, r.get("conv1").params());
        assertEquals("6×28×28", r.get("conv1").shape());
        assertEquals("Conv 2D", r.get("conv1").type(), "the catalogue's display name");
        assertEquals(2_416, r.get("conv2").params());
        assertEquals(48_120, r.get("fc1").params());
        assertEquals(10_164, r.get("fc2").params());
        assertEquals(850, r.get("fc3").params());
        assertEquals(0, r.get("relu1").params());
        assertEquals(48_120 / 61_706.0, r.get("fc1").share(), 1e-12);
        assertEquals(1.0, items.stream().mapToDouble(ParameterSummary.Row::share).sum(), 1e-9);
        assertEquals("61,706", text(robot, "#param-total"));
        assertEquals("61,706", text(robot, "#param-trainable"));
        assertEquals(io.netwright.ui.editor.Numbers.short_(editor.analysis().analysis().macs()),
                text(robot, "#param-macs"));
        assertTrue(text(robot, "#param-memory").startsWith("weights 241.0 KiB · training ≈ "),
                text(robot, "#param-memory"));
        assertTrue(text(robot, "#parameter-source").contains("follows edits"));
        // the share column draws a bar and a percentage
        assertTrue(robot.lookup(".share-bar").queryAll().size() >= 5);
        assertTrue(robot.lookup((Label l) -> "78.0 %".equals(l.getText())).tryQuery().isPresent(), "fc1's share");
    }

    @Test
    void followsDesignEdits(FxRobot robot) {
        robot.interact(() -> editor.setParam("conv1", "out_channels", ParamValue.of(8)));
        // conv1: 8·1·25 + 8 = 208; conv2: 16·8·25 + 16 = 3,216
        assertEquals(208, rows().get("conv1").params());
        assertEquals(3_216, rows().get("conv2").params());
        assertEquals("62,558", text(robot, "#param-total"));
        robot.interact(editor::undo);
        assertEquals("61,706", text(robot, "#param-total"));
    }

    @Test
    void aRunShowsTheTrainedDesignUntilTheNextEditAfterItEnds(FxRobot robot) {
        robot.interact(() -> table.onEvents(List.of(Events.started(Designs.lenet(), 61_706))));
        assertEquals("Run run-1: 'LeNet-5' as trained", text(robot, "#parameter-source"));
        assertEquals("61,706", text(robot, "#param-total"));
        assertTrue(text(robot, "#param-memory").contains("(batch 64, sgd momentum)"), text(robot, "#param-memory"));
        // edits while the run trains do not change what it trains
        robot.interact(() -> editor.setParam("conv1", "out_channels", ParamValue.of(8)));
        assertEquals("61,706", text(robot, "#param-total"));
        assertEquals(156, rows().get("conv1").params());
        robot.interact(() -> table.onEvents(List.of(new TrainingEvent.Stopped(1, 15, null))));
        assertEquals("61,706", text(robot, "#param-total"), "the run's figures stay after it ends");
        robot.interact(() -> editor.setParam("conv1", "out_channels", ParamValue.of(6)));
        assertTrue(text(robot, "#parameter-source").contains("follows edits"));
        assertEquals("61,706", text(robot, "#param-total"));
        robot.interact(() -> editor.setParam("fc3", "out_features", ParamValue.of(5)));
        assertEquals("61,281", text(robot, "#param-total")); // fc3: 84·5 + 5 = 425 instead of 850
    }
}
