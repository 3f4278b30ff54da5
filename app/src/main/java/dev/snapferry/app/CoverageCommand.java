package dev.snapferry.app;

import dev.snapferry.core.aws.ClusterSurvey;
import dev.snapferry.core.coverage.CoverageReport;
import dev.snapferry.core.coverage.DrPolicy;
import dev.snapferry.core.coverage.Fleet;
import dev.snapferry.core.coverage.PriceTable;
import dev.snapferry.core.coverage.UserPriceTable;
import dev.snapferry.core.coverage.RetentionPlanner;
import dev.snapferry.core.coverage.RetentionPolicy;
import dev.snapferry.core.export.CoverageExport;
import dev.snapferry.core.export.SnapshotExport;
import dev.snapferry.core.model.RegionRef;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code snapferry --coverage} and {@code snapferry --retention-dry-run}: the Coverage tab's report and a retention
 * dry run on standard output, as CSV or JSON, for scripts. They list like {@code --list} (same options, same exit
 * statuses) and survey each region's clusters, quota and engine versions; nothing is ever deleted from here.
 */
public final class CoverageCommand {

    public static final String USAGE = """
            Usage: snapferry --coverage [--list options] [--dr-region-hours H] [--dr-account-hours H]
                   snapferry --retention-dry-run [--list options] [--keep-newest N] [--keep-days D]
                                                 [--keep-tags k1,k2] [--dr-region-hours H] [--dr-account-hours H]
                                                 [--prices FILE]
              --coverage           one line per cluster: its newest copies elsewhere and the DR policy's verdict
              --retention-dry-run  one line per snapshot: delete or keep, and why; nothing is deleted
              The DR policy defaults to a copy in another region within 24 hours; the retention policy to the newest
              3 per cluster and place, 30 days, and the tag key keep. --prices FILE replaces the bundled price table
              (the same JSON shape). The --list options (snapferry --list --help) choose the account, the regions
              and the format.
            """;

    private CoverageCommand() {
    }

    /** @param args the arguments after {@code --coverage} or {@code --retention-dry-run} */
    public static int run(boolean retention, List<String> args, PrintStream out, PrintStream err,
                          Map<String, String> env, Path home) {
        String name = retention ? "--retention-dry-run" : "--coverage";
        if (args.contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        List<String> listArgs = new ArrayList<>();
        Integer regionHours = 24;
        Integer accountHours = null;
        int keepNewest = 3;
        int keepDays = 30;
        List<String> keepTags = List.of("keep");
        boolean hoursGiven = false;
        Path pricesFile = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--dr-region-hours" -> {
                        regionHours = hours(value(args, ++i, arg), arg);
                        hoursGiven = true;
                    }
                    case "--dr-account-hours" -> {
                        accountHours = hours(value(args, ++i, arg), arg);
                        if (!hoursGiven) {
                            regionHours = null;
                        }
                    }
                    case "--keep-newest" -> keepNewest = count(value(args, ++i, arg), arg);
                    case "--keep-days" -> keepDays = count(value(args, ++i, arg), arg);
                    case "--keep-tags" -> keepTags = Arrays.asList(value(args, ++i, arg).split(","));
                    case "--prices" -> pricesFile = Path.of(value(args, ++i, arg));
                    default -> listArgs.add(arg);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("snapferry " + name + ": " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        DrPolicy dr = new DrPolicy(List.of(new DrPolicy.Rule(null, regionHours, accountHours)));
        RetentionPolicy keep = new RetentionPolicy(keepNewest, keepDays, keepTags);
        PriceTable prices;
        try {
            prices = pricesFile == null ? PriceTable.bundled() : UserPriceTable.read(pricesFile);
        } catch (java.io.IOException e) {
            err.println("snapferry " + name + ": the price table " + pricesFile + " cannot be used: "
                    + e.getMessage());
            return 2;
        }
        Clock clock = Clock.systemUTC();
        return ListCommand.run(listArgs, out, err, env, home, (session, regions, rows, options, writer) -> {
            List<ClusterSurvey.Result> surveys = new ArrayList<>();
            ClusterSurvey survey = new ClusterSurvey();
            for (RegionRef region : regions) {
                ClusterSurvey.Result result = survey.survey(session, region);
                result.problems().forEach(p -> err.println("warning: " + region + " " + p.awsCode() + ": "
                        + p.awsMessage()));
                surveys.add(result);
            }
            Fleet fleet = ClusterSurvey.fleet(rows, surveys);
            CoverageExport.Format format = options.format() == SnapshotExport.Format.JSON
                    ? CoverageExport.Format.JSON : CoverageExport.Format.CSV;
            if (retention) {
                CoverageExport.plan(format, RetentionPlanner.plan(fleet, dr, keep, clock.instant()), prices,
                        writer);
            } else {
                CoverageExport.coverage(format, CoverageReport.of(fleet, dr, clock.instant()), writer);
            }
        });
    }

    private static @Nullable Integer hours(String text, String option) {
        DrPolicy.hoursProblem(text).ifPresent(p -> {
            throw new IllegalArgumentException(option + " takes 1 to " + DrPolicy.MAX_HOURS + " hours, not " + text);
        });
        return Integer.valueOf(text.strip());
    }

    private static int count(String text, String option) {
        RetentionPolicy.countProblem(text).ifPresent(p -> {
            throw new IllegalArgumentException(option + " takes 0 to " + RetentionPolicy.MAX_KEEP + ", not " + text);
        });
        return Integer.parseInt(text.strip());
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
