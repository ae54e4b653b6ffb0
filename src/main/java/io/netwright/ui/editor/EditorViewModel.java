package io.netwright.ui.editor;

import io.netwright.graph.Analyzer;
import io.netwright.graph.Block;
import io.netwright.graph.Design;
import io.netwright.graph.Edge;
import io.netwright.graph.Node;
import io.netwright.graph.ParamValue;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The editor's state and every edit, without any view: the current {@link Design} (immutable; every edit makes a
 * new one and pushes the old one on the undo stack), its analysis, the selection, the clipboard, and the open
 * block (when a block is being edited the editor shows its layers; closing it writes the block back as one edit).
 * Views observe the properties and call the edit methods; tests drive it directly without a display.
 */
public final class EditorViewModel {

    private final Analyzer analyzer = new Analyzer();
    private final History history = new History();
    private final ReadOnlyObjectWrapper<Design> design = new ReadOnlyObjectWrapper<>(this, "design");
    private final ReadOnlyObjectWrapper<AnalysisIndex> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ReadOnlyObjectWrapper<Set<String>> selection = new ReadOnlyObjectWrapper<>(this, "selection",
            Set.of());
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel", "");
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper openBlock = new ReadOnlyStringWrapper(this, "openBlock", "");
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads = new javafx.beans.property.ReadOnlyIntegerWrapper(
            this, "loads");
    private final ObjectProperty<Flow> flow = new SimpleObjectProperty<>(this, "flow", Flow.TOP_DOWN);
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private Fragment clipboard = new Fragment(List.of(), List.of());
    private int pasteCount;
    /** The design around the open block, and its history, while a block is open. */
    private Design outer;

    /** An editor showing an empty design. */
    public EditorViewModel() {
        load(Design.empty("Untitled", io.netwright.graph.InputSpec.image(1, 28, 28)));
    }

    // ================================================================ properties

    /** The design shown (the open block's layers while a block is open). */
    public ReadOnlyObjectProperty<Design> designProperty() {
        return design.getReadOnlyProperty();
    }

    /** The current design. */
    public Design design() {
        return design.get();
    }

    /** The analysis of the current design; updated before {@link #designProperty()} changes. */
    public ReadOnlyObjectProperty<AnalysisIndex> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** The current analysis. */
    public AnalysisIndex analysis() {
        return analysis.get();
    }

    /** The ids of the selected nodes, in selection order (an immutable set). */
    public ReadOnlyObjectProperty<Set<String>> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The selected ids. */
    public Set<String> selection() {
        return selection.get();
    }

    /** The one selected node, if exactly one is selected. */
    public Optional<Node> selectedNode() {
        Set<String> s = selection.get();
        return s.size() == 1 ? design().node(s.iterator().next()) : Optional.empty();
    }

    /** Whether there is an edit to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** Whether there is an edit to redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The label of the edit undo would revert ("Add Conv2d"), or "". */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    /** The label of the edit redo would repeat, or "". */
    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    /** The last thing the editor wants the user to know (a refused wire and why); "" for nothing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The name of the block being edited, or "" when the design itself is. */
    public ReadOnlyStringProperty openBlockProperty() {
        return openBlock.getReadOnlyProperty();
    }

    /** Counts loads (a file opened, a block opened or closed): views fit the new design into view on a change. */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    /** Which way data flows on the canvas (where ports sit); auto-layout sets it. */
    public ObjectProperty<Flow> flowProperty() {
        return flow;
    }

    /** Whether moved and dropped nodes snap to the grid. */
    public BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    /** Shows {@code text} to the user (status bar). */
    public void tell(String text) {
        message.set(text);
    }

    // ================================================================ loading, undo, redo

    /** Shows {@code d} with an empty history and no selection (a file was opened or created). */
    public void load(Design d) {
        outer = null;
        openBlock.set("");
        history.clear();
        pasteCount = 0;
        selection.set(Set.of());
        show(d);
        updateHistory();
        loads.set(loads.get() + 1);
    }

    /**
     * Applies {@code change} as one undoable edit called {@code label}; nothing happens when it changes nothing.
     * An edit that breaks the design's invariants is refused and the reason shown.
     */
    public boolean edit(String label, UnaryOperator<Design> change) {
        return edit(label, change, flow.get());
    }

    /** {@link #edit(String, UnaryOperator)} whose undo also gives the canvas back {@code flowBefore}. */
    private boolean edit(String label, UnaryOperator<Design> change, Flow flowBefore) {
        Design before = design();
        Design after;
        try {
            after = change.apply(before);
        } catch (IllegalArgumentException e) {
            tell(label + " refused: " + e.getMessage());
            return false;
        }
        if (after == null || after.equals(before)) {
            return false;
        }
        history.push(label, before, flowBefore);
        show(after);
        updateHistory();
        return true;
    }

    /** Reverts the last edit. */
    public boolean undo() {
        Optional<History.Entry> e = history.undo(design(), flow.get());
        e.ifPresent(this::back);
        updateHistory();
        return e.isPresent();
    }

    /** Repeats the last undone edit. */
    public boolean redo() {
        Optional<History.Entry> e = history.redo(design(), flow.get());
        e.ifPresent(this::back);
        updateHistory();
        return e.isPresent();
    }

    /** Shows a design from the history in the flow it had (undoing an auto-layout puts the ports back too). */
    private void back(History.Entry e) {
        if (e.flow() != null) {
            flow.set(e.flow());
        }
        show(e.design());
    }

    private void show(Design d) {
        analysis.set(new AnalysisIndex(d, analyzer.analyze(d)));
        design.set(d);
        Set<String> kept = new LinkedHashSet<>();
        for (String id : selection.get()) {
            if (d.node(id).isPresent()) {
                kept.add(id);
            }
        }
        if (kept.size() != selection.get().size()) {
            selection.set(Set.copyOf(kept));
        }
    }

    private void updateHistory() {
        undoLabel.set(history.undoLabel());
        redoLabel.set(history.redoLabel());
        canUndo.set(!history.undoLabel().isEmpty());
        canRedo.set(!history.redoLabel().isEmpty());
    }

    // ================================================================ selection

    /** Selects exactly {@code ids}. */
    public void select(java.util.Collection<String> ids) {
        selection.set(java.util.Collections.unmodifiableSet(new LinkedHashSet<>(ids)));
    }

    /** Selects only {@code id}. */
    public void select(String id) {
        select(List.of(id));
    }

    /** Adds {@code id} to the selection, or removes it if selected (shift-click). */
    public void toggle(String id) {
        Set<String> s = new LinkedHashSet<>(selection.get());
        if (!s.remove(id)) {
            s.add(id);
        }
        select(s);
    }

    /** Selects every node. */
    public void selectAll() {
        select(design().nodes().stream().map(Node::id).toList());
    }

    /** Clears the selection. */
    public void clearSelection() {
        select(List.of());
    }

    // ================================================================ nodes and wires

    /** Adds a layer (or block instance) of {@code type} at {@code (x, y)}, selects it and returns its id. */
    public String addNode(String type, double x, double y) {
        double px = snapToGrid.get() ? NodeGeometry.snap(x) : x;
        double py = snapToGrid.get() ? NodeGeometry.snap(y) : y;
        Node n = Insertion.newNode(design(), type, px, py);
        edit("Add " + type, d -> d.withNode(n));
        select(n.id());
        return n.id();
    }

    /**
     * Adds {@code type} after the selected node: below it (or to its right), wired from its output, and the wires
     * that left it now leave the new node. With nothing selected the layer goes below the lowest node.
     */
    public String addAfterSelected(String type) {
        Optional<Node> sel = selectedNode();
        Design d0 = design();
        if (sel.isEmpty()) {
            double y = d0.nodes().stream().mapToDouble(Node::y).max().orElse(-50) + NodeGeometry.HEIGHT + 30;
            double x = d0.nodes().stream().mapToDouble(Node::x).min().orElse(80);
            return addNode(type, x, y);
        }
        Insertion.Inserted[] ins = new Insertion.Inserted[1];
        boolean ok = edit("Insert " + type, d -> (ins[0] = Insertion.after(d, sel.get(), type, flow.get())).design());
        if (ok) {
            select(ins[0].id());
        }
        return ok ? ins[0].id() : null;
    }

    /** Null when a wire may be drawn from {@code from} to port {@code port} of {@code to}, else why not. */
    public String connectionProblem(String from, String to, int port) {
        return Connections.problem(design(), from, to, port);
    }

    /** Draws a wire if allowed; otherwise tells why and returns false. */
    public boolean connect(String from, String to, int port) {
        String why = connectionProblem(from, to, port);
        if (why != null) {
            tell("Cannot connect " + from + " → " + to + ": " + why);
            return false;
        }
        tell("");
        return edit("Connect " + from + " → " + to, d -> d.connect(new Edge(from, 0, to, port)));
    }

    /** Removes a wire. */
    public boolean disconnect(Edge e) {
        return edit("Remove wire " + e, d -> d.disconnect(e));
    }

    /** Deletes the selected nodes and their wires. */
    public boolean deleteSelection() {
        Set<String> ids = selection.get();
        if (ids.isEmpty()) {
            return false;
        }
        return edit(ids.size() == 1 ? "Delete " + ids.iterator().next() : "Delete " + ids.size() + " nodes", d -> {
            Design r = d;
            for (String id : ids) {
                r = r.withoutNode(id);
            }
            return r;
        });
    }

    /** Moves nodes to new top-left positions (one edit; snapped to the grid when snapping is on). */
    public boolean moveNodes(Map<String, double[]> positions) {
        boolean snap = snapToGrid.get();
        return edit(positions.size() == 1 ? "Move " + positions.keySet().iterator().next()
                : "Move " + positions.size() + " nodes", d -> {
                    Design r = d;
                    for (var e : positions.entrySet()) {
                        double x = snap ? NodeGeometry.snap(e.getValue()[0]) : e.getValue()[0];
                        double y = snap ? NodeGeometry.snap(e.getValue()[1]) : e.getValue()[1];
                        r = r.moveNode(e.getKey(), x, y);
                    }
                    return r;
                });
    }

    /** Sets a parameter of node {@code id} (null value: back to the default). */
    public boolean setParam(String id, String name, ParamValue value) {
        return edit("Set " + id + "." + name, d -> d.updateNode(id, n -> value == null ? n.withoutParam(name)
                : n.withParam(name, value)));
    }

    /** Renames node {@code id}; wires follow and the selection follows. */
    public boolean rename(String id, String newId) {
        boolean ok = edit("Rename " + id + " to " + newId, d -> d.renameNode(id, newId));
        if (ok) {
            select(newId);
        }
        return ok;
    }

    /** Sets the label shown instead of the id ("" for none). */
    public boolean setLabel(String id, String label) {
        return edit("Label " + id, d -> d.updateNode(id, n -> n.withLabel(label)));
    }

    /** Freezes (or unfreezes) the parameters of node {@code id}. */
    public boolean setFrozen(String id, boolean frozen) {
        return edit((frozen ? "Freeze " : "Unfreeze ") + id, d -> d.updateNode(id, n -> n.withFrozen(frozen)));
    }

    // ================================================================ clipboard

    /** Copies the selected nodes and the wires between them. */
    public void copy() {
        clipboard = Fragment.of(design(), selection.get());
        pasteCount = 0;
    }

    /** Copies, then deletes the selection. */
    public void cut() {
        copy();
        deleteSelection();
    }

    /** Pastes the clipboard, shifted a little further each time, and selects the pasted nodes. */
    public boolean paste() {
        if (clipboard.isEmpty()) {
            return false;
        }
        double off = 30 * ++pasteCount;
        Fragment.Pasted[] p = new Fragment.Pasted[1];
        boolean ok = edit("Paste " + clipboard.nodes().size() + " node" + (clipboard.nodes().size() == 1 ? "" : "s"),
                d -> (p[0] = clipboard.pasteInto(d, off, off)).design());
        if (ok) {
            select(p[0].ids());
        }
        return ok;
    }

    /** Copies and pastes the selection in one step (the clipboard is kept). */
    public boolean duplicate() {
        Fragment f = Fragment.of(design(), selection.get());
        if (f.isEmpty()) {
            return false;
        }
        Fragment.Pasted[] p = new Fragment.Pasted[1];
        boolean ok = edit("Duplicate", d -> (p[0] = f.pasteInto(d, 30, 30)).design());
        if (ok) {
            select(p[0].ids());
        }
        return ok;
    }

    /** Whether something was copied. */
    public boolean hasClipboard() {
        return !clipboard.isEmpty();
    }

    // ================================================================ layout

    /** Aligns the selected nodes. */
    public boolean align(Align how) {
        Set<String> ids = selection.get();
        return edit(how.label(), d -> how.apply(d, ids));
    }

    /** Lays the whole design out in layers flowing {@code direction}, and draws ports for that flow. */
    public boolean autoLayout(Flow direction) {
        Flow prior = flow.get();
        flow.set(direction);
        return edit("Auto-layout", d -> AutoLayout.apply(d, direction), prior);
    }

    // ================================================================ blocks

    /** Makes block {@code name} from the selection; tells why when it cannot. */
    public boolean makeBlock(String name) {
        BlockMaker.Result r = BlockMaker.make(design(), selection.get(), name);
        if (!r.ok()) {
            tell("Cannot make a block: " + r.problem());
            return false;
        }
        boolean ok = edit("Make block " + name, d -> r.design());
        if (ok) {
            select(r.instanceId());
        }
        return ok;
    }

    /** Opens block {@code name} for editing (the canvas shows its layers); edits made there are one undo step. */
    public boolean openBlock(String name) {
        Block b = design().blocks().get(name);
        if (b == null || outer != null) {
            return false;
        }
        outer = design();
        Design inner = new Design(io.netwright.graph.Metadata.named(name), outer.input(), outer.head(), b.nodes(),
                b.edges());
        outerLabel = "Edit block " + name;
        outerHistory = history.snapshot();
        history.clear();
        selection.set(Set.of());
        openBlock.set(name);
        show(inner);
        updateHistory();
        loads.set(loads.get() + 1);
        return true;
    }

    private String outerLabel;
    private History.Snapshot outerHistory;

    /** Closes the open block, writing its layers back into the design as one edit; false (and why) if invalid. */
    public boolean closeBlock() {
        if (outer == null) {
            return true;
        }
        String name = openBlock.get();
        Block old = outer.blocks().get(name);
        Block updated;
        try {
            updated = new Block(name, old.description(), design().nodes(), design().edges());
        } catch (IllegalArgumentException e) {
            tell("Cannot close block " + name + ": " + e.getMessage());
            return false;
        }
        Design back = outer.withBlock(updated);
        Design before = outer;
        outer = null;
        openBlock.set("");
        history.restore(outerHistory);
        selection.set(Set.of());
        if (!back.equals(before)) {
            history.push(outerLabel, before, flow.get());
        }
        show(back);
        updateHistory();
        loads.set(loads.get() + 1);
        return true;
    }

    /** The whole design (with the open block, if any, written back as it stands). */
    public Design documentDesign() {
        if (outer == null) {
            return design();
        }
        Block old = outer.blocks().get(openBlock.get());
        if (old == null) {
            return outer;
        }
        try {
            return outer.withBlock(new Block(old.name(), old.description(), design().nodes(), design().edges()));
        } catch (IllegalArgumentException e) {
            return outer;
        }
    }
}
