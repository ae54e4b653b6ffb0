package io.netwright.ui.app;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A tab that a later part of the studio fills: says what will be there and what to do meanwhile. */
final class PlaceholderPane extends VBox {

    PlaceholderPane(String title, String what, String meanwhile) {
        super(10);
        getStyleClass().add("placeholder");
        setAlignment(Pos.CENTER);
        Label t = new Label(title);
        t.getStyleClass().add("placeholder-title");
        Label w = new Label(what);
        w.getStyleClass().add("placeholder-text");
        w.setWrapText(true);
        w.setMaxWidth(560);
        Label m = new Label(meanwhile);
        m.getStyleClass().add("placeholder-hint");
        m.setWrapText(true);
        m.setMaxWidth(560);
        getChildren().addAll(t, w, m);
    }
}
