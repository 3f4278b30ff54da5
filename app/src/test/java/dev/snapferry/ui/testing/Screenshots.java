package dev.snapferry.ui.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a scene shows to {@code target/screenshots/NAME.png}, so that every UI test run leaves pictures of
 * the screens it drove for a person to look at.
 */
public final class Screenshots {

    private static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {
    }

    public static Path save(Scene scene, String name) {
        WritableImage image = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> scene.snapshot(null));
        Path file = FOLDER.resolve(name + ".png");
        try {
            Files.createDirectories(FOLDER);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
