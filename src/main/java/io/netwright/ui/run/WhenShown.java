package io.netwright.ui.run;

import java.util.Objects;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * Runs a view's update now if the view can be seen, else once it can: while it sits on a tab in the back, updating
 * its nodes costs scene pulses, layouts and repaints — CPU taken from a training run — for nothing anybody sees.
 * Only the latest update waits (a later one replaces it, so it must catch up on everything); a view not in a showing
 * window at all (being built, or used without a window) is updated at once.
 *
 * <pre>{@code WhenShown shown = new WhenShown(this);
 * shown.run(this::redraw);   // now, or when the tab comes to the front}</pre>
 */
public final class WhenShown {

    private final Node node;
    private Runnable pending;
    private Node waitingOn;
    private final ChangeListener<Boolean> visibleAgain = this::visibilityChanged;

    /** Updates of {@code node}. */
    public WhenShown(Node node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** Runs {@code update} now if the node can be seen (or has no showing window), else when it can. FX thread. */
    public void run(Runnable update) {
        Objects.requireNonNull(update, "update");
        Node hidden = hiddenAncestor(node);
        if (hidden == null) {
            pending = null;
            unwatch();
            update.run();
            return;
        }
        pending = update;
        watch(hidden);
    }

    /** Forgets a waiting update. */
    public void cancel() {
        pending = null;
        unwatch();
    }

    /** Whether an update waits for the node to be shown. */
    public boolean isWaiting() {
        return pending != null;
    }

    /**
     * The node or ancestor that hides {@code n} in a showing window, or null when {@code n} can be seen or is not in
     * a showing window.
     */
    public static Node hiddenAncestor(Node n) {
        if (n.getScene() == null || n.getScene().getWindow() == null || !n.getScene().getWindow().isShowing()) {
            return null;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return p;
            }
        }
        return null;
    }

    private void watch(Node hidden) {
        if (waitingOn == hidden) {
            return;
        }
        unwatch();
        waitingOn = hidden;
        hidden.visibleProperty().addListener(visibleAgain);
    }

    private void unwatch() {
        if (waitingOn != null) {
            waitingOn.visibleProperty().removeListener(visibleAgain);
            waitingOn = null;
        }
    }

    private void visibilityChanged(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
        if (is && pending != null) {
            Runnable update = pending;
            run(update); // runs it, or waits on the next hidden ancestor
        }
    }
}
