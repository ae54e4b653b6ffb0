package io.netwright.ui;

import io.netwright.ui.app.FxDialogs;
import io.netwright.ui.app.StudioHome;
import io.netwright.ui.app.StudioViewModel;
import io.netwright.ui.app.StudioWindow;
import io.netwright.ui.app.Theme;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started through {@link StudioLauncher} (a class that does not extend
 * {@code Application}, so the studio runs from the class path of a plain jar). Parameters: an optional design file
 * to open, {@code --theme=dark}.
 */
public final class StudioApp extends Application {

    @Override
    public void start(Stage stage) {
        StudioViewModel vm = new StudioViewModel(StudioHome.fromSystem());
        var named = getParameters().getNamed();
        if ("dark".equalsIgnoreCase(named.getOrDefault("theme", ""))) {
            vm.themeProperty().set(Theme.DARK);
        }
        StudioWindow window = new StudioWindow(stage, vm, new FxDialogs());
        var files = getParameters().getUnnamed();
        if (files.isEmpty()) {
            vm.openStartDesign();
        } else {
            try {
                vm.open(Path.of(files.get(0)));
            } catch (IOException e) {
                vm.openStartDesign();
                vm.editor().tell("Could not open " + files.get(0) + ": " + e.getMessage());
            }
        }
        window.show();
        window.offerRecovery();
    }
}
