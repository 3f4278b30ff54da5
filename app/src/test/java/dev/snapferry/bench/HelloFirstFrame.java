package dev.snapferry.bench;

import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The startup benchmark's reference: the smallest JavaFX window, a label, started like Snapferry (same runtime,
 * class path, display); prints how long after the process started its first frame was drawn.
 */
public final class HelloFirstFrame {

    private HelloFirstFrame() {
    }

    /** Launches through a separate class, as Snapferry's Main does: the java launcher wants it so on a class path. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new Label("Hello"), 320, 200));
            stage.show();
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames < 2) {
                        return;
                    }
                    stop();
                    long ms = ProcessHandle.current().info().startInstant()
                            .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
                    System.out.println("HELLO FIRST FRAME ms=" + ms + " firstFrameAt=" + System.currentTimeMillis());
                    Platform.exit();
                }
            }.start();
        }
    }
}
