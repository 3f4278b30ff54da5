package dev.snapferry.ui.testing;

import java.util.List;
import javafx.scene.Scene;
import org.testfx.util.WaitForAsyncUtils;

/** Runs something (a screenshot) with a scene in the dark theme, then puts the light theme back. */
public final class Themes {

    private Themes() {
    }

    public static void dark(Scene scene, Runnable what) throws Exception {
        List<String> light = WaitForAsyncUtils.asyncFx(() -> List.copyOf(scene.getStylesheets())).get();
        WaitForAsyncUtils.asyncFx(() -> scene.getStylesheets().setAll(light.stream()
                .map(s -> s.replace("light.css", "dark.css")).toList())).get();
        WaitForAsyncUtils.waitForFxEvents();
        what.run();
        WaitForAsyncUtils.asyncFx(() -> scene.getStylesheets().setAll(light)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
