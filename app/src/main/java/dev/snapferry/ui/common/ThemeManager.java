package dev.snapferry.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

/**
 * Applies the base stylesheet plus the light or dark variant to every registered scene, following the user's
 * choice or, for {@link ThemeChoice#SYSTEM}, the operating system's colour scheme as it changes.
 */
public final class ThemeManager {

    static final String BASE = "/dev/snapferry/ui/common/base.css";
    static final String LIGHT = "/dev/snapferry/ui/common/light.css";
    static final String DARK = "/dev/snapferry/ui/common/dark.css";

    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(this, "choice", ThemeChoice.SYSTEM);
    private final ReadOnlyObjectWrapper<Boolean> dark = new ReadOnlyObjectWrapper<>(this, "dark", false);
    private final List<Scene> scenes = new ArrayList<>();
    private final ReadOnlyObjectProperty<ColorScheme> systemScheme;

    /** Must be created on the FX thread, after the toolkit has started. */
    public ThemeManager() {
        systemScheme = Platform.getPreferences().colorSchemeProperty();
        choice.addListener((obs, old, now) -> apply());
        systemScheme.addListener((obs, old, now) -> apply());
        apply();
    }

    public ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    /** True while the dark variant is applied. */
    public ReadOnlyObjectProperty<Boolean> darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public void register(Scene scene) {
        scenes.add(Objects.requireNonNull(scene, "scene"));
        style(scene);
    }

    private void apply() {
        ThemeChoice current = choice.get() == null ? ThemeChoice.SYSTEM : choice.get();
        dark.set(switch (current) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> systemScheme.get() == ColorScheme.DARK;
        });
        scenes.forEach(this::style);
    }

    private void style(Scene scene) {
        String variant = dark.get() ? DARK : LIGHT;
        scene.getStylesheets().setAll(url(BASE), url(variant));
    }

    private static String url(String resource) {
        return Objects.requireNonNull(ThemeManager.class.getResource(resource), resource).toExternalForm();
    }
}
