package io.netwright.ui.canvas;

import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * A colour laid over one node card by something outside the editor (the training-health overlay), with a short
 * badge text shown on the card's corner and a longer tooltip line. Set through {@link GraphCanvas#nodeTints()}.
 *
 * <pre>{@code canvas.nodeTints().put("conv1", new NodeTint(Color.ORANGE, "∇ 2.1e-2", "gradient norm 0.021"));}</pre>
 *
 * @param color  the tint (drawn translucent over the card, and as the badge's background)
 * @param badge  a few characters for the badge ("" for none)
 * @param detail a sentence for the badge's tooltip ("" for none)
 */
public record NodeTint(Color color, String badge, String detail) {

    /** Requires a colour; null texts become "". */
    public NodeTint {
        Objects.requireNonNull(color, "color: a NodeTint needs a colour (remove the node's entry to clear it)");
        badge = badge == null ? "" : badge;
        detail = detail == null ? "" : detail;
    }
}
