package dev.snapferry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.ui.testing.DemoApp;
import dev.snapferry.ui.testing.Screenshots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole app with its settings folder on a disk that fills up (a real tmpfs): a change the app cannot save is
 * announced in the window with the reason and what to do, the file keeps its last good content, and the next save
 * once there is room clears the notice.
 */
class SettingsDiskFullUITest {

    @TempDir
    Path home;

    private final FxRobot robot = new FxRobot();

    @Test
    void aSettingTheDiskCannotTakeIsAnnouncedAndTheFileKeptAsItWas() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(home, 512)) {
            DemoApp running = DemoApp.start(home);
            try {
                Path file = home.resolve("config/preferences.json");
                robot.clickOn("View").clickOn("Theme").clickOn("Dark");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file)
                        && Files.readString(file).contains("DARK"));
                String saved = Files.readString(file);
                Label notice = robot.lookup("#settingsProblem").queryAs(Label.class);
                assertThat(notice.isVisible()).isFalse();

                disk.fill();
                robot.clickOn("View").clickOn("Theme").clickOn("Light");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, notice::isVisible);
                assertThat(notice.getText()).contains(file.toString(), "No space left on device",
                        "saved before, unchanged", "Free some disk space");
                assertThat(Files.readString(file)).isEqualTo(saved);
                Screenshots.save(running.stage().getScene(), "settings-disk-full");

                disk.free();
                robot.clickOn("View").clickOn("Theme").clickOn("Follow system");
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !notice.isVisible());
                assertThat(Files.readString(file)).contains("SYSTEM");
            } finally {
                running.close();
            }
        }
    }
}
