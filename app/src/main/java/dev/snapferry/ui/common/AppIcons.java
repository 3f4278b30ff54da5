package dev.snapferry.ui.common;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/**
 * Snapferry's icon at the sizes the desktop picks from (title bar, taskbar, task switcher), drawn from
 * {@code icons/snapferry.svg} by {@code icons/generate.sh}. Every window of the app wears it.
 */
public final class AppIcons {

    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};
    private static @Nullable List<Image> images;

    private AppIcons() {
    }

    /** The icon at every size; loaded once, on first use (the toolkit must be running). */
    public static synchronized List<Image> all() {
        List<Image> result = images;
        if (result == null) {
            List<Image> loaded = new ArrayList<>(SIZES.length);
            for (int size : SIZES) {
                try (InputStream in = AppIcons.class.getResourceAsStream("/dev/snapferry/ui/icons/snapferry-"
                        + size + ".png")) {
                    if (in != null) {
                        loaded.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // A missing size only means the desktop scales another one.
                }
            }
            result = List.copyOf(loaded);
            images = result;
        }
        return result;
    }

    /** Gives {@code window} the icon when it is a stage (dialogs are). */
    public static void apply(Window window) {
        if (window instanceof Stage stage) {
            stage.getIcons().setAll(all());
        }
    }
}
