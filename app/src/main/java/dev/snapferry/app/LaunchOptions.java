package dev.snapferry.app;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The command line of the GUI. Parsing never throws: a mistake is reported as {@link #error()} so that
 * {@link Main} can print the usage and exit with status 2.
 *
 * @param profile the AWS profile to open, or null for the default choice
 * @param smoke   start, wait for the first snapshot rows to be drawn, print one line and exit (installer checks)
 */
public record LaunchOptions(boolean demo, @Nullable String profile, boolean help, boolean version,
                            @Nullable String error, boolean smoke) {

    public static final String USAGE = """
            Usage: snapferry [--demo] [--profile NAME]
                   snapferry --list [--profile NAME | --demo] [--regions r1,r2|all] [--format csv|json] ...
                   snapferry --coverage | --retention-dry-run [--list options] (snapferry --coverage --help)
                   snapferry --simulator [--port N] [--speed X | --manual-clock] [--dataset demo|empty|RxS]
              --demo           open the demo account (the embedded AWS simulator)
              --profile NAME   open the named profile of ~/.aws/config
              --list           print the snapshot listing and exit (snapferry --list --help)
              --simulator      run only the embedded AWS simulator (see snapferry --simulator --help)
              --smoke          exit once the first snapshot rows are drawn, printing how long that took
              --version        print the version and exit
              --help           print this help and exit
            """;

    public static LaunchOptions parse(List<String> args) {
        boolean demo = false;
        boolean help = false;
        boolean version = false;
        boolean smoke = false;
        String profile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--demo" -> demo = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--smoke" -> smoke = true;
                case "--profile" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--") || args.get(i + 1).isBlank()) {
                        return failed("--profile needs a profile name");
                    }
                    profile = args.get(++i);
                }
                default -> {
                    if (arg.startsWith("--profile=") && arg.length() > "--profile=".length()) {
                        profile = arg.substring("--profile=".length());
                    } else {
                        return failed("unknown option: " + arg);
                    }
                }
            }
        }
        if (demo && profile != null) {
            return failed("--demo and --profile exclude each other");
        }
        return new LaunchOptions(demo, profile, help, version, null, smoke);
    }

    public Optional<String> errorMessage() {
        return Optional.ofNullable(error);
    }

    private static LaunchOptions failed(String message) {
        return new LaunchOptions(false, null, false, false, message, false);
    }
}
