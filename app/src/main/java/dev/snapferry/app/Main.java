package dev.snapferry.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.snapferry.sim.SimulatorCli;
import javafx.application.Application;

/**
 * The launcher. It deliberately does not extend {@link Application}: started from the class path (as the jpackage
 * launcher does), a main class that extends it fails with "JavaFX runtime components are missing".
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--simulator")) {
            // Headless: no toolkit, logs to the console's standard error only above WARN.
            prepareLogging(AppDirectories.forCurrentUser());
            System.exit(SimulatorCli.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("--list")) {
            prepareLogging(AppDirectories.forCurrentUser());
            System.exit(ListCommand.run(List.of(args).subList(1, args.length), System.out, System.err,
                    System.getenv(), AppDirectories.userHome()));
        }
        if (args.length > 0 && (args[0].equals("--coverage") || args[0].equals("--retention-dry-run"))) {
            prepareLogging(AppDirectories.forCurrentUser());
            System.exit(CoverageCommand.run(args[0].equals("--retention-dry-run"),
                    List.of(args).subList(1, args.length), System.out, System.err, System.getenv(),
                    AppDirectories.userHome()));
        }
        LaunchOptions options = LaunchOptions.parse(List.of(args));
        if (options.errorMessage().isPresent()) {
            System.err.println("snapferry: " + options.errorMessage().get());
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
        }
        if (options.help()) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        if (options.version()) {
            System.out.println("Snapferry " + Version.current());
            return;
        }
        prepareLogging(AppDirectories.forCurrentUser());
        // The services and accounts are prepared while the toolkit starts: the two overlap instead of following
        // each other.
        SnapferryApp.startEarly(options);
        Application.launch(SnapferryApp.class, args);
        if (options.smoke()) {
            // The window is closed and everything stopped; the check's verdict is the exit status.
            System.exit(SmokeCheck.status());
        }
    }

    /** Must run before the first logger is created: logback reads the folder when it configures itself. */
    static void prepareLogging(AppDirectories dirs) {
        try {
            dirs.create();
        } catch (IOException e) {
            System.err.println("snapferry: cannot create " + dirs.logs() + ": " + e.getMessage());
        }
        if (System.getProperty("snapferry.log.dir") == null) {
            System.setProperty("snapferry.log.dir", dirs.logs().toString());
        }
        // Logback creates the log file with the process's umask; the folder is the user's alone, and so is the file.
        org.slf4j.LoggerFactory.getLogger(Main.class).info("Snapferry {} starting", Version.current());
        Path log = Path.of(System.getProperty("snapferry.log.dir"), "snapferry.log");
        try {
            if (Files.isRegularFile(log) && Files.getFileStore(log).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(log, java.nio.file.attribute.PosixFilePermissions.fromString(
                        "rw-------"));
            }
        } catch (IOException e) {
            System.err.println("snapferry: cannot make " + log + " private: " + e.getMessage());
        }
    }
}
