package dev.snapferry.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Snapferry keeps its files, following each system's convention: settings in the config folder, job history
 * in the data folder, logs beside it. The system property {@value #HOME_PROPERTY} puts all three under one folder
 * (tests, portable installs).
 */
public record AppDirectories(Path config, Path data, Path logs) {

    public static final String HOME_PROPERTY = "snapferry.home";
    private static final String NAME = "snapferry";

    public AppDirectories {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(logs, "logs");
    }

    /** The folders for this user on this system. */
    public static AppDirectories forCurrentUser() {
        return resolve(System.getProperties().getProperty(HOME_PROPERTY), System.getProperty("os.name", ""),
                userHome(), System.getenv());
    }

    /**
     * The user's home folder as the AWS CLI and the desktop see it: {@code $HOME} when it is set to an absolute
     * path (not on Windows), else Java's {@code user.home}, which comes from the password file.
     */
    public static Path userHome() {
        String home = System.getenv("HOME");
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        if (!windows && home != null && home.startsWith("/")) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"));
    }

    static AppDirectories resolve(String override, String osName, Path home, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new AppDirectories(root.resolve("config"), root.resolve("data"), root.resolve("logs"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = envPath(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            Path local = envPath(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve("Snapferry"), local.resolve("Snapferry"),
                    local.resolve("Snapferry").resolve("logs"));
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("Snapferry");
            return new AppDirectories(support, support, home.resolve("Library").resolve("Logs").resolve("Snapferry"));
        }
        Path config = envPath(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(NAME);
        Path data = envPath(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(NAME);
        Path state = envPath(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve(NAME);
        return new AppDirectories(config, data, state.resolve("logs"));
    }

    /** Creates the folders, readable by this user only where the file system supports it. */
    public void create() throws IOException {
        for (Path dir : new Path[] {config, data, logs}) {
            Files.createDirectories(dir);
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private static Path envPath(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        // XDG says relative paths are invalid and must be ignored.
        return value == null || value.isBlank() || !Path.of(value).isAbsolute() ? fallback : Path.of(value);
    }
}
