package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirectoriesTest {

    private final Path home = Path.of("/home/dba");

    @Test
    void linuxFollowsXdgDefaults() {
        AppDirectories dirs = AppDirectories.resolve(null, "Linux", home, Map.of());
        assertThat(dirs.config()).isEqualTo(Path.of("/home/dba/.config/snapferry"));
        assertThat(dirs.data()).isEqualTo(Path.of("/home/dba/.local/share/snapferry"));
        assertThat(dirs.logs()).isEqualTo(Path.of("/home/dba/.local/state/snapferry/logs"));
    }

    @Test
    void linuxHonoursAbsoluteXdgVariablesAndIgnoresRelativeOnes() {
        AppDirectories dirs = AppDirectories.resolve(null, "Linux", home,
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "relative/data"));
        assertThat(dirs.config()).isEqualTo(Path.of("/cfg/snapferry"));
        assertThat(dirs.data()).isEqualTo(Path.of("/home/dba/.local/share/snapferry"));
    }

    @Test
    void windowsUsesRoamingForSettingsAndLocalForData() {
        AppDirectories dirs = AppDirectories.resolve(null, "Windows 11", home,
                Map.of("APPDATA", "/roaming", "LOCALAPPDATA", "/local"));
        assertThat(dirs.config()).isEqualTo(Path.of("/roaming/Snapferry"));
        assertThat(dirs.data()).isEqualTo(Path.of("/local/Snapferry"));
    }

    @Test
    void macOsUsesApplicationSupportAndLibraryLogs() {
        AppDirectories dirs = AppDirectories.resolve(null, "Mac OS X", home, Map.of());
        assertThat(dirs.config()).isEqualTo(home.resolve("Library/Application Support/Snapferry"));
        assertThat(dirs.logs()).isEqualTo(home.resolve("Library/Logs/Snapferry"));
    }

    @Test
    void overridePutsEverythingUnderOneFolder(@TempDir Path root) throws IOException {
        AppDirectories dirs = AppDirectories.resolve(root.toString(), "Linux", home, Map.of());
        dirs.create();
        assertThat(dirs.config()).isEqualTo(root.resolve("config")).isDirectory();
        assertThat(dirs.data()).isEqualTo(root.resolve("data")).isDirectory();
        assertThat(Files.getPosixFilePermissions(dirs.logs()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
}
