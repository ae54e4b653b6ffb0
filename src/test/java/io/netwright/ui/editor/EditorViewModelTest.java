package io.netwright.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import io.netwright.graph.ParamValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EditorViewModelTest {

    private EditorViewModel vm;

    @BeforeEach
    void load() {
        vm = new EditorViewModel();
        vm.load(Designs.lenet());
    }

    private long params() {
        return vm.analysis().analysis().totalParams();
    }

    @Test
    void loadedLenetIsAnalysedWithoutErrors() {
        assertEquals(61_706, params());
        assertFalse(vm.analysis().analysis().hasErrors());
        assertEquals("6×28×28", vm.analysis().status("conv1").shapeText());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void parameterEditReanalysesAndUndoRedoRestoreIt() {
        assertTrue(vm.setParam("conv1", "out_channels", ParamValue.of(8)));
        assertEquals("8×28×28", vm.analysis().status("conv1").shapeText());
        assertEquals(8 * 25 + 8, vm.analysis().status("conv1").params());
        assertEquals("Set conv1.out_channels", vm.undoLabelProperty().get());
        assertTrue(vm.undo());
        assertEquals(61_706, params());
        assertTrue(vm.canRedoProperty().get());
        assertTrue(vm.redo());
        assertEquals("8×28×28", vm.analysis().status("conv1").shapeText());
    }

    @Test
    void addNodeGetsFreshIdSnapsToGridAndIsSelected() {
        String id = vm.addNode("ReLU", 303, 417);
        assertEquals("relu5", id);
        Node n = vm.design().requireNode(id);
        assertEquals(300, n.x());
        assertEquals(420, n.y());
        assertEquals(Set.of(id), vm.selection());
    }

    @Test
    void connectionsIntoInputFromOutputOrClosingACycleAreRefusedWithAReason() {
        assertNotNull(vm.connectionProblem("conv1", "input", 0));
        assertTrue(vm.connectionProblem("output", "conv1", 0).contains("Output"));
        assertTrue(vm.connectionProblem("relu1", "conv1", 0).contains("cycle"));
        assertFalse(vm.connect("relu1", "conv1", 0));
        assertTrue(vm.messageProperty().get().contains("cycle"));
        assertNull(vm.connectionProblem("pool1", "relu2", 0));
    }

    @Test
    void deletingAWireMakesAnErrorThatReconnectingFixes() {
        vm.disconnect(Edge.of("relu2", "pool2"));
        assertTrue(vm.analysis().status("pool2").hasError());
        assertTrue(vm.connect("relu2", "pool2", 0));
        assertFalse(vm.analysis().analysis().hasErrors());
    }

    @Test
    void addAfterSelectedInsertsIntoTheChain() {
        vm.select("conv1");
        String bn = vm.addAfterSelected("BatchNorm2d");
        Design d = vm.design();
        assertEquals(List.of(Edge.of("conv1", bn)), d.incoming(bn));
        assertEquals(bn, d.incoming("relu1").get(0).from());
        assertFalse(vm.analysis().analysis().hasErrors());
        assertEquals(61_706 + 12, params());
        assertTrue(d.requireNode("relu1").y() > d.requireNode(bn).y());
    }

    @Test
    void deleteCopyPasteAndDuplicate() {
        vm.select(List.of("conv2", "relu2"));
        vm.copy();
        assertTrue(vm.paste());
        assertEquals(2, vm.selection().size());
        Design d = vm.design();
        String c = vm.selection().stream().filter(id -> id.startsWith("conv")).findFirst().orElseThrow();
        String r = vm.selection().stream().filter(id -> id.startsWith("relu")).findFirst().orElseThrow();
        assertEquals(List.of(Edge.of(c, r)), d.incoming(r));
        assertEquals(d.requireNode("conv2").x() + 30, d.requireNode(c).x());
        assertTrue(vm.deleteSelection());
        assertEquals(Designs.lenet().nodes().size(), vm.design().nodes().size());
        vm.select("fc1");
        assertTrue(vm.duplicate());
        assertEquals(Designs.lenet().nodes().size() + 1, vm.design().nodes().size());
        vm.select("fc1");
        vm.cut();
        assertTrue(vm.design().node("fc1").isEmpty());
        assertTrue(vm.analysis().analysis().hasErrors());
    }

    @Test
    void moveIsOneUndoStep() {
        vm.moveNodes(Map.of("conv1", new double[] {203, 131}, "relu1", new double[] {400, 220}));
        assertEquals(200, vm.design().requireNode("conv1").x());
        assertEquals(130, vm.design().requireNode("conv1").y());
        vm.undo();
        assertEquals(Designs.lenet(), vm.design());
    }

    @Test
    void autoLayoutLeftToRightPutsEachLayerRightOfItsInput() {
        vm.autoLayout(Flow.LEFT_RIGHT);
        Design d = vm.design();
        for (Edge e : d.edges()) {
            assertTrue(d.requireNode(e.to()).x() > d.requireNode(e.from()).x(), e.toString());
        }
        assertEquals(Flow.LEFT_RIGHT, vm.flowProperty().get());
    }

    @Test
    void undoingAnAutoLayoutPutsThePortsBackAndRedoFlipsThemAgain() {
        Flow before = vm.flowProperty().get();
        vm.autoLayout(Flow.LEFT_RIGHT);
        vm.moveNodes(java.util.Map.of("conv1", new double[] {400, 40})); // a later edit: undone, the flow stays
        vm.undo();
        assertEquals(Flow.LEFT_RIGHT, vm.flowProperty().get());
        vm.undo();
        assertEquals(Designs.lenet(), vm.design());
        assertEquals(before, vm.flowProperty().get(), "the ports go back to where they were");
        vm.redo();
        assertEquals(Flow.LEFT_RIGHT, vm.flowProperty().get());
    }

    @Test
    void autoLayoutOfABranchingDesignKeepsNodesApart() {
        vm.load(Designs.sample("inception_block.json"));
        vm.autoLayout(Flow.TOP_DOWN);
        List<Node> ns = vm.design().nodes();
        for (int i = 0; i < ns.size(); i++) {
            for (int j = i + 1; j < ns.size(); j++) {
                boolean apart = Math.abs(ns.get(i).x() - ns.get(j).x()) >= NodeGeometry.WIDTH
                        || Math.abs(ns.get(i).y() - ns.get(j).y()) >= NodeGeometry.HEIGHT;
                assertTrue(apart, ns.get(i).id() + " overlaps " + ns.get(j).id());
            }
        }
        assertFalse(vm.analysis().analysis().hasErrors());
    }

    @Test
    void alignLeftLinesUpTheSelection() {
        vm.moveNodes(Map.of("relu1", new double[] {300, 220}));
        vm.select(List.of("conv1", "relu1", "pool1"));
        vm.align(Align.LEFT);
        assertEquals(80, vm.design().requireNode("relu1").x());
    }

    @Test
    void makeBlockReplacesTheSelectionWithAnInstanceAndKeepsTheNumbers() {
        vm.select(List.of("conv2", "relu2", "pool2"));
        assertTrue(vm.makeBlock("ConvUnit"));
        Design d = vm.design();
        assertTrue(d.blocks().containsKey("ConvUnit"));
        String inst = vm.selection().iterator().next();
        assertEquals("ConvUnit", d.requireNode(inst).type());
        assertFalse(vm.analysis().analysis().hasErrors(), vm.analysis().analysis().problems().toString());
        assertEquals(61_706, params());
        assertEquals("16×5×5", vm.analysis().status(inst).shapeText());
        assertEquals(2416, vm.analysis().status(inst).params());
        vm.undo();
        assertEquals(Designs.lenet(), vm.design());
    }

    @Test
    void makeBlockRefusesTwoExits() {
        vm.select(List.of("conv1", "relu1", "pool1"));
        vm.design();
        vm.connect("relu1", "flatten", 0);
        vm.select(List.of("conv1", "relu1", "pool1"));
        assertFalse(vm.makeBlock("Two"));
        assertTrue(vm.messageProperty().get().contains("one output"));
    }

    @Test
    void openingABlockEditsItsLayersAndClosingWritesThemBackAsOneEdit() {
        vm.select(List.of("conv2", "relu2"));
        vm.makeBlock("Unit");
        assertTrue(vm.openBlock("Unit"));
        assertEquals("Unit", vm.openBlockProperty().get());
        assertTrue(vm.design().node("conv2").isPresent());
        vm.setParam("conv2", "out_channels", ParamValue.of(8));
        assertTrue(vm.closeBlock());
        assertEquals("", vm.openBlockProperty().get());
        assertEquals(8, ((ParamValue.IntValue) vm.design().blocks().get("Unit").nodes().stream()
                .filter(n -> n.id().equals("conv2")).findFirst().orElseThrow().param("out_channels")).value());
        assertEquals("Edit block Unit", vm.undoLabelProperty().get());
        vm.undo();
        assertEquals(16, ((ParamValue.IntValue) vm.design().blocks().get("Unit").nodes().stream()
                .filter(n -> n.id().equals("conv2")).findFirst().orElseThrow().param("out_channels")).value());
    }

    @Test
    void renameKeepsWiresAndSelection() {
        vm.select("fc3");
        assertTrue(vm.rename("fc3", "classifier"));
        assertEquals(Set.of("classifier"), vm.selection());
        assertEquals("classifier", vm.design().incoming("output").get(0).from());
        assertFalse(vm.rename("classifier", "conv1"));
        assertTrue(vm.messageProperty().get().contains("taken"));
    }
}
