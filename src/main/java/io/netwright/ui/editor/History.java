package io.netwright.ui.editor;

import io.netwright.graph.Design;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Undo and redo over immutable designs: each entry is the whole design before (undo) or after (redo) an edit, with
 * the edit's label for the menu ("Undo Move 3 nodes"). Bounded so a long session does not keep every design.
 */
final class History {

    /** A design, the canvas flow it was shown in (where ports sit), and the edit that leads away from it. */
    record Entry(String label, Design design, Flow flow) {
    }

    private static final int LIMIT = 500;

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();

    /** Records that {@code before} was left by the edit {@code label}; clears the redo stack. */
    void push(String label, Design before, Flow flowBefore) {
        undo.push(new Entry(label, before, flowBefore));
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The design (and flow) to return to, given the current ones (which go on the redo stack). */
    Optional<Entry> undo(Design current, Flow currentFlow) {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Entry e = undo.pop();
        redo.push(new Entry(e.label(), current, currentFlow));
        return Optional.of(e);
    }

    /** The design (and flow) to go forward to, given the current ones (which go back on the undo stack). */
    Optional<Entry> redo(Design current, Flow currentFlow) {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        Entry e = redo.pop();
        undo.push(new Entry(e.label(), current, currentFlow));
        return Optional.of(e);
    }

    String undoLabel() {
        return undo.isEmpty() ? "" : undo.peek().label();
    }

    String redoLabel() {
        return redo.isEmpty() ? "" : redo.peek().label();
    }

    /** The stacks as they stand (to come back to after editing a block). */
    record Snapshot(java.util.List<Entry> undo, java.util.List<Entry> redo) {
    }

    Snapshot snapshot() {
        return new Snapshot(java.util.List.copyOf(undo), java.util.List.copyOf(redo));
    }

    void restore(Snapshot s) {
        clear();
        if (s != null) {
            undo.addAll(s.undo());
            redo.addAll(s.redo());
        }
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
