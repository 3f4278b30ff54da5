package dev.snapferry.ui.common;

/**
 * Runs an action on the UI thread after a delay, for debouncing (an identifier checked against AWS once the user
 * stops typing). Production uses a JavaFX timer; tests run the pending actions when they choose.
 */
@FunctionalInterface
public interface Scheduler {

    /** Schedules {@code action}; the returned runnable cancels it if it has not run yet. */
    Runnable after(long millis, Runnable action);

    /** A scheduler on JavaFX's animation timer: the action runs on the FX thread. */
    static Scheduler fx() {
        return (millis, action) -> {
            javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(
                    javafx.util.Duration.millis(millis));
            pause.setOnFinished(e -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
