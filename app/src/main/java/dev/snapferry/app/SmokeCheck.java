package dev.snapferry.app;

import dev.snapferry.ui.browser.BrowserViewModel;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --smoke}: proves an installed Snapferry works. Once the listing is over and rows are in the table, one
 * line says how many rows, how long after the process started the first rows were drawn ({@code ms}) and the
 * listing was over ({@code loadedMs}), and which accounts are open; then the app exits with status 0. With no
 * rows after two minutes it exits with status 1.
 */
final class SmokeCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SmokeCheck.class);
    private static final long TIMEOUT_MS = 120_000;

    /** Failed until the rows were drawn: an app that exits any other way (closed, crashed) did not pass. */
    private static volatile int status = 1;

    private SmokeCheck() {
    }

    /** 0 when the rows were drawn, 1 when they never came: what {@link Main} exits with after {@code --smoke}. */
    static int status() {
        return status;
    }

    /** With {@code SNAPFERRY_SMOKE_SCREENSHOT=file.png} in the environment, the window is saved there first. */
    static void exitOnceRowsAreDrawn(BrowserViewModel browser, javafx.stage.Stage stage) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture.delayedExecutor(TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (done.compareAndSet(false, true)) {
                        System.out.println("SNAPFERRY SMOKE FAILED: no snapshot rows after " + TIMEOUT_MS / 1000
                                + " s");
                        Platform.exit();
                    }
                });
        new AnimationTimer() {
            private int framesWithRows;
            private long firstRows = -1;
            private long firstRowsAt = -1;

            @Override
            public void handle(long now) {
                if (browser.visibleRows().isEmpty()) {
                    return;
                }
                // The pulse that first saw rows laid them out; the next one has drawn them.
                if (++framesWithRows == 2) {
                    firstRows = sinceStart();
                    firstRowsAt = System.currentTimeMillis();
                }
                if (framesWithRows < 2 || browser.catalog().loadingProperty().get()) {
                    return;
                }
                if (!done.compareAndSet(false, true)) {
                    return;
                }
                stop();
                String line = "SNAPFERRY SMOKE OK rows=" + browser.visibleRows().size() + " ms=" + firstRows
                        + " loadedMs=" + sinceStart() + " firstRowsAt=" + firstRowsAt + " accounts="
                        + String.join(",", browser.catalog().accounts().open());
                LOG.info(line);
                System.out.println(line);
                status = 0;
                try {
                    String screenshot = System.getenv("SNAPFERRY_SMOKE_SCREENSHOT");
                    if (screenshot != null && !screenshot.isBlank()) {
                        save(stage.getScene().snapshot(null), java.nio.file.Path.of(screenshot));
                    }
                } catch (RuntimeException e) {
                    System.out.println("SNAPFERRY SMOKE screenshot not saved: " + e);
                } finally {
                    Platform.exit();
                }
            }
        }.start();
    }

    /**
     * Milliseconds since this process started, as the system tells it: on Linux from the boot time in whole
     * seconds, so up to a second long (the start-up benchmark measures from its own clock, with
     * {@code firstRowsAt}).
     */
    private static long sinceStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
    }

    private static void save(javafx.scene.image.Image image, java.nio.file.Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                pixels, 0, width);
        out.setRGB(0, 0, width, height, pixels, 0, width);
        try {
            javax.imageio.ImageIO.write(out, "png", file.toFile());
            System.out.println("SNAPFERRY SMOKE screenshot " + file);
        } catch (java.io.IOException e) {
            System.out.println("SNAPFERRY SMOKE screenshot not saved: " + e.getMessage());
        }
    }
}
