package dev.snapferry.app;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.AwsProfile;
import dev.snapferry.core.aws.AwsProfiles;
import dev.snapferry.core.aws.AwsRegions;
import dev.snapferry.core.aws.CredentialProviders;
import dev.snapferry.core.aws.CredentialsUnavailableException;
import dev.snapferry.core.aws.EndpointPolicy;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.MfaPrompt;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.export.SnapshotExport;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * {@code snapferry --list}: the unified listing on standard output for scripts and for checking any AWS-compatible
 * endpoint, per-region failures on standard error, exit status 3 when any region failed or was listed only in
 * part. The CSV is the browser export's ({@link SnapshotExport}, written by {@code core.export.Csv}): RFC 4180,
 * cells a spreadsheet would run as formulas neutralised, tags in one cell of escaped {@code key=value} pairs.
 */
public final class ListCommand {

    public static final String USAGE = """
            Usage: snapferry --list [--profile NAME | --demo] [--regions r1,r2,...|all] [--endpoint-url URL]
                                    [--format csv|json] [--include-public] [--no-shared] [--allow-insecure-endpoint]
              Lists every cluster snapshot (Aurora, DocumentDB, DocumentDB Elastic, Neptune) of the account in the
              regions given (default: the profile's region). Exit status: 0 all regions listed, 3 some region
              failed or was listed only in part, such as DocumentDB Elastic failing while the rest answered
              (reasons on standard error), 1 no usable credentials, 2 wrong options.
            """;

    record Options(@Nullable String profile, boolean demo, List<RegionRef> regions, @Nullable URI endpoint,
                   SnapshotExport.Format format, boolean includePublic, boolean includeShared, boolean allowInsecure) {
    }

    private ListCommand() {
    }

    /** What is printed once the snapshots are listed: the listing itself, or a report built on it. */
    @FunctionalInterface
    interface Report {
        void write(AccountSession session, List<RegionRef> regions, List<Snapshot> rows, Options options,
                   Writer out) throws IOException;
    }

    private static final Report LISTING = (session, regions, rows, options, out) ->
            SnapshotExport.write(options.format(), rows, out);

    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env, Path home) {
        return run(args, out, err, env, home, LISTING);
    }

    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env, Path home,
                   Report report) {
        if (args.contains("--help")) {
            out.print(USAGE);
            return 0;
        }
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("snapferry --list: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.endpoint() != null) {
            var refusal = EndpointPolicy.refusal(options.endpoint(), options.allowInsecure());
            if (refusal.isPresent()) {
                err.println("snapferry --list: " + refusal.get());
                return 2;
            }
        }
        try (SdkHttpClient http = ApacheHttpClient.builder().maxConnections(AwsClients.MAX_CONNECTIONS).build()) {
            return options.demo() ? listDemo(options, http, out, err, report) : listProfile(options, http, out, err,
                    env, home, report);
        }
    }

    private static int listDemo(Options options, SdkHttpClient http, PrintStream out, PrintStream err,
                                Report report) {
        try (Simulator simulator = Simulator.start(Simulator.Options.demo())) {
            AwsCredentialsProvider keys = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY));
            List<RegionRef> regions = options.regions().isEmpty()
                    ? DemoDataset.REGIONS.stream().map(RegionRef::new).toList() : options.regions();
            return list("demo", keys, simulator.endpoint(), regions, options, http, out, err, report);
        } catch (IOException e) {
            err.println("snapferry --list: the embedded simulator could not start: " + e.getMessage());
            return 1;
        }
    }

    private static int listProfile(Options options, SdkHttpClient http, PrintStream out, PrintStream err,
                                   Map<String, String> env, Path home, Report report) {
        AwsProfiles profiles = AwsProfiles.load(env, home);
        AwsProfile profile = (options.profile() == null ? profiles.defaultProfile()
                : profiles.find(options.profile())).orElse(null);
        if (profile == null) {
            err.println("snapferry --list: " + (options.profile() == null
                    ? "no AWS credentials are configured; give --profile NAME, or --demo for the demo account"
                    : "there is no profile named " + options.profile() + " in the AWS config files"));
            return 1;
        }
        URI endpoint = options.endpoint() != null ? options.endpoint() : profile.endpointUrl();
        if (endpoint != null && options.endpoint() == null) {
            var refusal = EndpointPolicy.refusal(endpoint, options.allowInsecure());
            if (refusal.isPresent()) {
                err.println("snapferry --list: profile " + profile.name() + ": " + refusal.get());
                return 2;
            }
        }
        List<RegionRef> regions = options.regions();
        if (regions.isEmpty()) {
            String region = profile.region().orElse(env.get("AWS_REGION"));
            if (region == null || !RegionRef.isValidCode(region)) {
                err.println("snapferry --list: profile " + profile.name() + " names no region; give --regions");
                return 2;
            }
            regions = List.of(new RegionRef(region));
        }
        AwsCredentialsProvider credentials;
        try {
            credentials = new CredentialProviders(profiles, MfaPrompt.NONE, http, Clock.systemUTC())
                    .forProfile(profile.name(), endpoint);
        } catch (CredentialsUnavailableException e) {
            err.println("snapferry --list: " + e.getMessage());
            return 1;
        }
        return list(profile.name(), credentials, endpoint, regions, options, http, out, err, report);
    }

    private static int list(String profileName, AwsCredentialsProvider credentials, @Nullable URI endpoint,
                            List<RegionRef> regions, Options options, SdkHttpClient http, PrintStream out,
                            PrintStream err, Report report) {
        AccountSession session;
        try {
            session = AccountSession.open(profileName, options.demo(), regions.getFirst(),
                    new AwsClients(credentials, endpoint, http, 5));
        } catch (AwsCallException e) {
            err.println("snapferry --list: AWS refused the credentials of " + profileName + ": "
                    + e.failure().awsCode() + " " + e.failure().awsMessage());
            return 1;
        }
        try (session) {
            List<RegionResult> results = new SnapshotLister(new KmsDirectory(), SnapshotLister.CONCURRENT_REGIONS)
                    .list(List.of(session), regions, new SnapshotLister.Options(options.includeShared(),
                            options.includePublic(), true, true), r -> { })
                    .join();
            List<Snapshot> rows = new ArrayList<>();
            int failed = 0;
            for (RegionResult result : results) {
                switch (result) {
                    case RegionResult.Loaded loaded -> {
                        rows.addAll(loaded.snapshots());
                        // A partial region fails the run as a failed one does: its rows are not all there.
                        if (loaded.isPartial()) {
                            failed++;
                        }
                        loaded.gaps().forEach(g -> err.println("error: " + loaded.account().accountId() + " "
                                + loaded.region() + " partial: " + describe(g)));
                    }
                    case RegionResult.Failed f -> {
                        failed++;
                        err.println("error: " + f.account().accountId() + " " + f.region() + ": "
                                + describe(f.failure()));
                    }
                }
            }
            rows.sort(Comparator.comparing(Snapshot::ownerAccountId).thenComparing(s -> s.region().code())
                    .thenComparing(s -> s.engine().name()).thenComparing(Snapshot::identifier));
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            report.write(session, regions, rows, options, writer);
            writer.flush();
            return failed == 0 ? 0 : 3;
        } catch (IOException e) {
            err.println("snapferry --list: cannot write the listing: " + e.getMessage());
            return 1;
        }
    }

    /** One failed part: what is missing, how AWS answered (status, attempts), then AWS's code and message. */
    private static String describe(RegionResult.Gap gap) {
        String what = switch (gap.part()) {
            case ELASTIC_LIST -> "DocumentDB Elastic not listed";
            case ELASTIC_DETAILS -> "the key and tags of " + gap.snapshots() + " DocumentDB Elastic snapshot"
                    + (gap.snapshots() == 1 ? "" : "s") + " not read";
            case KMS_ALIASES -> "KMS aliases not read";
        };
        String answer = gap.httpStatus() > 0 ? " - HTTP " + gap.httpStatus() : " - no answer";
        String tries = gap.attempts() > 0 ? " after " + gap.attempts() + " attempt" + (gap.attempts() == 1 ? "" : "s")
                : "";
        return what + answer + tries + " (" + describe(gap.failure()) + ")";
    }

    private static String describe(dev.snapferry.core.aws.AwsFailure failure) {
        return failure.getClass().getSimpleName() + (failure.awsCode().isEmpty() ? "" : " " + failure.awsCode())
                + ": " + failure.awsMessage();
    }

    static Options parse(List<String> args) {
        String profile = null;
        boolean demo = false;
        List<RegionRef> regions = List.of();
        URI endpoint = null;
        SnapshotExport.Format format = SnapshotExport.Format.CSV;
        boolean includePublic = false;
        boolean includeShared = true;
        boolean allowInsecure = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--profile" -> profile = value(args, ++i, arg);
                case "--demo" -> demo = true;
                case "--regions" -> regions = regions(value(args, ++i, arg));
                case "--endpoint-url" -> endpoint = endpoint(value(args, ++i, arg));
                case "--format" -> format = format(value(args, ++i, arg));
                case "--include-public" -> includePublic = true;
                case "--no-shared" -> includeShared = false;
                case "--allow-insecure-endpoint" -> allowInsecure = true;
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (demo && profile != null) {
            throw new IllegalArgumentException("--demo and --profile exclude each other");
        }
        return new Options(profile, demo, regions, endpoint, format, includePublic, includeShared, allowInsecure);
    }

    private static List<RegionRef> regions(String text) {
        if (text.equals("all")) {
            return AwsRegions.ofPartition("aws");
        }
        List<RegionRef> result = new ArrayList<>();
        for (String code : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (!RegionRef.isValidCode(code)) {
                throw new IllegalArgumentException("not a region code: " + code);
            }
            result.add(new RegionRef(code));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("--regions needs at least one region");
        }
        return result.stream().distinct().toList();
    }

    private static URI endpoint(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("--endpoint-url needs a URL with a host, such as "
                        + "https://localhost.localstack.cloud:4566");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--endpoint-url is not a URL: " + text);
        }
    }

    private static SnapshotExport.Format format(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "csv" -> SnapshotExport.Format.CSV;
            case "json" -> SnapshotExport.Format.JSON;
            default -> throw new IllegalArgumentException("--format is csv or json, not " + text);
        };
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
