package dev.snapferry.ui.common;

/**
 * Where outcomes of background work are delivered. In the app this is {@code Platform::runLater}; keeping it an
 * interface lets the runner be tested without a toolkit.
 */
@FunctionalInterface
public interface UiThread {

    void execute(Runnable action);
}
