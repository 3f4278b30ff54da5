package dev.snapferry.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML ({@code FooView.fxml} next to {@code FooView}) with the view object as its controller, so
 * views get their ViewModel by constructor instead of through a controller factory or a static locator.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    public static Parent load(Class<?> viewClass, Object controller, Messages messages) {
        String name = viewClass.getSimpleName() + ".fxml";
        URL location = viewClass.getResource(name);
        if (location == null) {
            throw new IllegalStateException("missing " + name + " beside " + viewClass.getName());
        }
        FXMLLoader loader = new FXMLLoader(location, messages.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("could not load " + name, e);
        }
    }
}
