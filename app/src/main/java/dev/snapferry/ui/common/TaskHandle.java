package dev.snapferry.ui.common;

/** A piece of background work that the user may cancel. */
public interface TaskHandle {

    /** Stops the work if it can be stopped; its callbacks are not called afterwards. */
    void cancel();

    boolean isCancelled();
}
