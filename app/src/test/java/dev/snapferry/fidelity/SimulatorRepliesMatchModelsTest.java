package dev.snapferry.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.AwsErrors;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.ClusterRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Issue 18, part 2: every reply the simulator gives the app's SDK clients, checked against AWS's own published
 * service models (botocore's {@code service-2.json}, from Debian's {@code awscli} package). Scenarios drive the
 * app's own AWS code ({@link SnapshotLister}, {@link SnapshotWriter}, {@link KmsDirectory}, {@link AccountSession})
 * and real SDK clients over HTTP for every operation the app uses, every engine and both demo accounts, plus the
 * error paths; a delegating HTTP client records each reply on the client side. Each reply is then checked by
 * {@link ReplyValidator}; departures fail the test unless listed in {@link KnownGaps}. The coverage is printed and
 * written to {@code target/fidelity/model-coverage.md}.
 */
class SimulatorRepliesMatchModelsTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final RegionRef WEST = new RegionRef("us-west-2");
    private static final RegionRef IRELAND = new RegionRef("eu-west-1");
    private static final RegionRef FRANKFURT = new RegionRef("eu-central-1");
    private static final List<RegionRef> REGIONS = List.of(EAST, WEST, IRELAND, FRANKFURT,
            new RegionRef("ap-southeast-2"), new RegionRef("ap-northeast-1"));

    private static Map<String, ServiceModel> models;
    private static Simulator simulator;
    private static SimClock.Manual clock;
    private static RecordingHttpClient http;
    private static final List<AwsClients> clients = new ArrayList<>();
    private static final List<String> scenarioFailures = new ArrayList<>();
    private static final List<Violation> violations = new ArrayList<>();
    private static final List<String> unresolved = new ArrayList<>();
    private static ModelCoverage coverage;
    /** Every successful reply as "service Operation | scenario". */
    private static final List<String> answered = new ArrayList<>();
    private static String report = "";

    @BeforeAll
    static void runScenariosAndCheckEveryReply() throws Exception {
        // No model, no check: this fails here, with what to install, rather than passing having checked nothing.
        models = ServiceModel.loadAll(Path.of(System.getProperty("snapferry.awsModels",
                ServiceModel.DEBIAN_AWSCLI_DATA.toString())));
        clock = SimClock.manual(Instant.now());
        simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), new DemoDataset()));
        http = new RecordingHttpClient(ApacheHttpClient.builder().build());
        try {
            new Scenarios().run();
        } finally {
            clients.forEach(AwsClients::close);
        }
        coverage = new ModelCoverage(models);
        OperationResolver resolver = new OperationResolver(models);
        for (RecordingHttpClient.Exchange e : http.exchanges()) {
            var resolved = resolver.resolve(e).orElse(null);
            if (resolved == null) {
                unresolved.add(e.method() + " " + e.path() + " [" + e.userAgent() + "]");
                continue;
            }
            String service = resolved.model().service();
            String operation = resolved.operation();
            // An operation newer than the installed model is checked as its stand-in (NewerOperations).
            String modelledAs = NewerOperations.modelledAs(resolved.model(), operation);
            List<Violation> found = new ReplyValidator(resolved.model(),
                    (op, member) -> coverage.member(service, operation, member))
                    .validate(modelledAs, e.status(), e.headers(), e.body()).stream()
                    .map(v -> new Violation(v.service(), operation, v.path(), v.problem(), v.expected(), v.actual(),
                            v.shape())).toList();
            String who = e.scenario().contains("|") ? e.scenario().substring(0, e.scenario().lastIndexOf('|'))
                    : e.scenario();
            coverage.reply(service, operation, who, e.status() < 300 ? null : errorCode(e));
            if (e.status() < 300) {
                answered.add(service + " " + operation + " | " + e.scenario()
                        + (e.requestBody().contains("PreSignedUrl=") ? " [presigned]" : ""));
            }
            for (Violation v : found) {
                if (!violations.contains(v)) {
                    violations.add(v);
                }
            }
        }
        report = coverage.markdown(violations, mappedErrorCodes());
        Path out = Path.of("target", "fidelity", "model-coverage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    @AfterAll
    static void stop() {
        if (http != null) {
            http.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void everyReplyConformsToItsServiceModel() {
        List<Violation> unexpected = violations.stream().filter(v -> !KnownGaps.known(v)).toList();
        assertThat(unexpected).as("replies that depart from AWS's models (see target/fidelity/model-coverage.md)")
                .isEmpty();
    }

    /** The same recorded replies, against a deliberately wrong model, fail: the check can fail. */
    @Test
    void aWrongModelExpectationFailsOnTheRecordedReplies() {
        ServiceModel wrong = models.get("rds").tampered("DBClusterSnapshot", "Engine", "DBClusterSnapshotArn");
        RecordingHttpClient.Exchange reply = http.exchanges().stream().filter(e -> e.status() == 200
                && e.requestBody().contains("Action=DescribeDBClusterSnapshots")
                && e.userAgent().contains("api/RDS#")).findFirst().orElseThrow();
        List<Violation> found = new ReplyValidator(wrong).validate("DescribeDBClusterSnapshots", reply.status(),
                reply.headers(), reply.body());
        assertThat(found).anyMatch(v -> v.problem().equals("unknown member") && v.actual().equals("Engine"));
        assertThat(found).anyMatch(v -> v.problem().equals("type") && v.path().endsWith("/DBClusterSnapshotArn"));
        assertThat(new ReplyValidator(models.get("rds")).validate("DescribeDBClusterSnapshots", reply.status(),
                reply.headers(), reply.body())).allMatch(KnownGaps::known);
    }

    @Test
    void everyKnownGapStillOccurs() {
        assertThat(KnownGaps.SIMULATOR).as("known gaps the simulator no longer has: take them off the list")
                .allMatch(g -> violations.stream().anyMatch(g::covers));
    }

    @Test
    void everyScenarioDidWhatItMeant() {
        assertThat(scenarioFailures).isEmpty();
        assertThat(unresolved).as("recorded exchanges no model operation matches").isEmpty();
    }

    @Test
    void everyOperationTheAppUsesWasAnsweredForEveryEngineAndAccount() {
        ModelCoverage.APP_OPERATIONS.forEach((service, ops) -> assertThat(coverage.succeeded(service))
                .as("%s operations answered successfully", service).containsAll(ops));
        for (String op : List.of("DescribeDBClusterSnapshots", "CopyDBClusterSnapshot", "CreateDBClusterSnapshot",
                "DeleteDBClusterSnapshot", "AddTagsToResource", "RemoveTagsFromResource")) {
            assertThat(String.join(" ", coverage.whoCalled("rds", op))).as("rds %s", op)
                    .contains("aurora-mysql", "aurora-postgresql", "production", "disaster-recovery");
        }
        for (String service : List.of("docdb", "neptune")) {
            for (String op : List.of("CopyDBClusterSnapshot", "DeleteDBClusterSnapshot")) {
                assertThat(String.join(" ", coverage.whoCalled(service, op))).as("%s %s", service, op)
                        .contains("production", "disaster-recovery");
            }
        }
        for (String kind : List.of("copy cross-region", "copy cross-account")) {
            for (String copy : List.of("rds CopyDBClusterSnapshot | aurora-mysql", "rds CopyDBClusterSnapshot | "
                    + "aurora-postgresql", "docdb CopyDBClusterSnapshot | docdb", "neptune CopyDBClusterSnapshot | "
                    + "neptune")) {
                if (kind.contains("account") && copy.contains("postgresql")) {
                    continue;
                }
                assertThat(answered).as(copy + " " + kind).anyMatch(a -> a.startsWith(copy) && a.contains(kind));
            }
        }
        // The SDK presigns a cross-region copy for DocumentDB and Neptune (and RDS) when given its source region.
        for (String copy : List.of("rds CopyDBClusterSnapshot", "docdb CopyDBClusterSnapshot",
                "neptune CopyDBClusterSnapshot")) {
            assertThat(answered).as(copy + " presigned").anyMatch(a -> a.startsWith(copy)
                    && a.contains("copy cross-region") && a.endsWith("[presigned]"));
        }
    }

    @Test
    void errorRepliesCoverTheCodesTheAppMaps() {
        assertThat(coverage.errorCodesSeen()).contains("DBClusterSnapshotNotFoundFault", "DBClusterNotFoundFault",
                "DBClusterSnapshotAlreadyExistsFault", "InvalidDBClusterSnapshotStateFault", "KMSKeyNotAccessibleFault",
                "SnapshotQuotaExceeded", "SharedSnapshotQuotaExceeded", "InvalidParameterValue",
                "InvalidParameterCombination", "ResourceNotFoundException", "ConflictException",
                "ValidationException", "NotFoundException", "MalformedPolicyDocumentException", "AccessDenied",
                "AccessDeniedException", "Throttling", "ThrottlingException", "InvalidClientTokenId",
                "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException", "InternalFailure",
                "InternalServerException", "KMSInternalException");
    }

    /**
     * The list of operations the app uses is the app's: every SDK operation called in main code outside the
     * simulator is on it, and nothing on it is not called.
     */
    @Test
    void theOperationListIsTheAppsOwn() throws IOException {
        Set<String> called = new TreeSet<>();
        StringBuilder text = new StringBuilder();
        Pattern call = Pattern.compile("\\.\\s*([a-z][A-Za-z]+?)(?:Paginator)?\\(");
        Path main = Path.of("src", "main", "java", "dev", "snapferry");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                    && !p.startsWith(main.resolve("sim"))).toList()) {
                String source = Files.readString(f);
                text.append(source);
                Matcher m = call.matcher(source);
                while (m.find()) {
                    called.add(m.group(1));
                }
            }
        }
        Set<String> fromModels = new TreeSet<>();
        Set<String> onList = new TreeSet<>();
        ModelCoverage.APP_OPERATIONS.values().forEach(ops -> ops.forEach(op -> onList.add(op)));
        models.values().forEach(m -> m.operationNames().forEach(op -> {
            if (called.contains(sdkMethod(op))) {
                fromModels.add(op);
            }
        }));
        // CopyClusterSnapshot is newer than the installed docdb-elastic model; the app calls it all the same.
        assertThat(called).contains("copyClusterSnapshot");
        fromModels.add("CopyClusterSnapshot");
        // AssumeRole is called by the SDK's credential provider, which the app configures with its request.
        assertThat(text.toString()).contains("StsAssumeRoleCredentialsProvider", "AssumeRoleRequest");
        fromModels.add("AssumeRole");
        assertThat(onList).isEqualTo(fromModels);
    }

    /** The SDK's method name for an operation: the name with a lower-case first letter. */
    private static String sdkMethod(String operation) {
        return Character.toLowerCase(operation.charAt(0)) + operation.substring(1);
    }

    private static String errorCode(RecordingHttpClient.Exchange e) {
        String header = e.headers().getOrDefault("x-amzn-ErrorType", List.of()).stream().findFirst().orElse(null);
        if (header != null) {
            return header.split(":")[0];
        }
        Matcher xml = Pattern.compile("<Code>([^<]+)</Code>").matcher(e.bodyText());
        if (xml.find()) {
            return xml.group(1);
        }
        Matcher json = Pattern.compile("\"__type\"\\s*:\\s*\"(?:[^\"#]*#)?([^\"]+)\"").matcher(e.bodyText());
        return json.find() ? json.group(1) : "HTTP " + e.status();
    }

    /** Every AWS error code {@link AwsErrors} names, read from its constants so the list cannot drift. */
    @SuppressWarnings("unchecked")
    static Set<String> mappedErrorCodes() throws IllegalAccessException {
        Set<String> codes = new TreeSet<>(Set.of("ConflictException"));
        for (Field f : AwsErrors.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Set.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                codes.addAll((Set<String>) f.get(null));
            }
        }
        return codes;
    }

    private static AwsClients clientsFor(AwsCredentialsProvider credentials) {
        AwsClients c = new AwsClients(credentials, simulator.endpoint(), http, 1);
        clients.add(c);
        return c;
    }

    private static StaticCredentialsProvider keys(String access, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret));
    }

    /** The scenarios, in order: each names its engine, account and purpose for the report. */
    private static final class Scenarios {

        private final KmsDirectory kms = new KmsDirectory();
        private final SnapshotWriter writer = new SnapshotWriter();
        private AccountSession prod;
        private AccountSession dr;

        void run() throws Exception {
            sessions();
            listings();
            Map<Engine, Snapshot> prodMade = createTagShareAndCopy(prod, EAST, "production");
            Map<Engine, Snapshot> drMade = new java.util.LinkedHashMap<>();
            for (RegionRef region : List.of(EAST, WEST, IRELAND, FRANKFURT)) {
                drMade.putAll(createTagShareAndCopy(dr, region, "disaster-recovery"));
            }
            crossRegion(prodMade);
            crossAccount(prodMade);
            keyPolicies();
            directModelClients();
            errors(prodMade);
            faults();
            cleanUp(prodMade, drMade);
        }

        private void step(String label, Runnable action) {
            http.scenario(label);
            long start = System.nanoTime();
            try {
                action.run();
            } catch (RuntimeException e) {
                scenarioFailures.add(label + ": " + describe(e));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > 1_000) {
                System.out.println("slow scenario step (" + millis + " ms): " + label);
            }
        }

        /** An error path: the call must be refused, with {@code code}. */
        private void refused(String label, String code, Runnable action) {
            http.scenario(label);
            try {
                action.run();
                scenarioFailures.add(label + ": expected " + code + " but the call succeeded");
            } catch (RuntimeException e) {
                String actual = code(e);
                if (!code.equals(actual)) {
                    scenarioFailures.add(label + ": expected " + code + ", got " + describe(e));
                }
            }
        }

        private static String code(Throwable e) {
            if (e instanceof AwsCallException a) {
                return a.failure().awsCode();
            }
            if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
                return s.awsErrorDetails().errorCode();
            }
            return e.getClass().getSimpleName();
        }

        private static String describe(Throwable e) {
            return code(e) + " " + e.getMessage();
        }

        private void sessions() {
            http.scenario("-|production|GetCallerIdentity");
            prod = AccountSession.open("prod", true, EAST, clientsFor(keys(DemoAccounts.PRODUCTION_ACCESS_KEY,
                    DemoAccounts.PRODUCTION_SECRET_KEY)));
            http.scenario("-|disaster-recovery|GetCallerIdentity");
            dr = AccountSession.open("dr", true, EAST, clientsFor(keys(DemoAccounts.DR_ACCESS_KEY,
                    DemoAccounts.DR_SECRET_KEY)));
            StsClient sts = StsClient.builder().endpointOverride(simulator.endpoint()).region(Region.US_EAST_1)
                    .httpClient(http).credentialsProvider(keys(DemoAccounts.PRODUCTION_ACCESS_KEY,
                            DemoAccounts.PRODUCTION_SECRET_KEY)).build();
            step("-|production|AssumeRole into disaster-recovery", () -> {
                Credentials c = sts.assumeRole(b -> b.roleArn(DemoAccounts.DR_ROLE_ARN).roleSessionName("fidelity"))
                        .credentials();
                http.scenario("-|disaster-recovery (assumed role)|calls as the role");
                AccountSession assumed = AccountSession.open("dr-role", true, EAST, clientsFor(
                        StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
                                c.secretAccessKey(), c.sessionToken()))));
                writer.clusters(assumed, EAST);
            });
            step("-|production|AssumeRole with MFA", () -> sts.assumeRole(b -> b.roleArn(DemoAccounts.DR_MFA_ROLE_ARN)
                    .roleSessionName("fidelity-mfa").serialNumber(DemoAccounts.MFA_SERIAL).tokenCode("123456")));
            refused("-|production|AssumeRole without the MFA it demands", "AccessDenied",
                    () -> sts.assumeRole(b -> b.roleArn(DemoAccounts.DR_MFA_ROLE_ARN).roleSessionName("no-mfa")));
            refused("-|production|AssumeRole with a bad session name", "ValidationError",
                    () -> sts.assumeRole(b -> b.roleArn(DemoAccounts.DR_ROLE_ARN).roleSessionName("bad name!")));
            // Temporary credentials past their expiry: ExpiredToken in Query, ExpiredTokenException in JSON.
            step("-|production|short AssumeRole", () -> {
                Credentials c = sts.assumeRole(b -> b.roleArn(DemoAccounts.DR_ROLE_ARN).roleSessionName("short")
                        .durationSeconds(900)).credentials();
                clock.advance(Duration.ofMinutes(20));
                AwsClients expired = clientsFor(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        c.accessKeyId(), c.secretAccessKey(), c.sessionToken())));
                refused("-|disaster-recovery (expired role)|rds", "ExpiredToken",
                        () -> expired.rds(EAST).describeDBClusters());
                refused("-|disaster-recovery (expired role)|kms", "ExpiredTokenException",
                        () -> expired.kms(EAST).listKeys());
                refused("-|disaster-recovery (expired role)|sts", "ExpiredToken",
                        () -> expired.sts(EAST).getCallerIdentity());
            });
            AwsClients unknown = clientsFor(keys("AKIAUNKNOWNUNKNOWN00", "nope"));
            refused("-|unknown key|sts", "InvalidClientTokenId", () -> unknown.sts(EAST).getCallerIdentity());
            refused("-|unknown key|kms", "UnrecognizedClientException", () -> unknown.kms(EAST).listAliases());
            refused("-|unknown key|docdb-elastic", "UnrecognizedClientException",
                    () -> unknown.elastic(EAST).listClusters(b -> { }));
            sts.close();
        }

        private void listings() {
            SnapshotLister lister = new SnapshotLister(kms, 2);
            for (AccountSession s : List.of(prod, dr)) {
                String who = account(s);
                step("all engines|" + who + "|list every region", () -> lister.list(List.of(s), REGIONS,
                        new SnapshotLister.Options(true, true, true, true), r -> { }).join().forEach(r -> {
                            if (r instanceof RegionResult.Failed f) {
                                throw new IllegalStateException(f.region() + " " + f.failure());
                            }
                        }));
                for (RegionRef region : List.of(EAST, IRELAND)) {
                    step("all engines|" + who + "|clusters and keys " + region.code(), () -> {
                        writer.clusters(s, region);
                        kms.keys(s, region);
                        writer.elasticManual(s, region);
                        // The Coverage tab's survey: clusters, the quota, the versions the clusters run.
                        new dev.snapferry.core.aws.ClusterSurvey().survey(s, region);
                    });
                }
            }
        }

        /** In one account and region, per engine: take a snapshot, tag it, share and unshare it, copy it. */
        private Map<Engine, Snapshot> createTagShareAndCopy(AccountSession session, RegionRef region, String who) {
            Map<Engine, Snapshot> made = new java.util.LinkedHashMap<>();
            http.scenario("all engines|" + who + "|clusters " + region.code());
            List<ClusterRef> clusters = writer.clusters(session, region);
            for (ClusterRef cluster : clusters) {
                String engine = cluster.engine().rawNames().getFirst();
                String name = "fid-" + cluster.identifier();
                step(engine + "|" + who + "|create", () -> made.put(cluster.engine(), writer.create(session, cluster,
                        name, List.of(new Tag("Owner", "fidelity")))));
            }
            clock.advance(Duration.ofHours(2));
            List<Snapshot> available = new ArrayList<>();
            made.forEach((engine, s) -> step(engine.rawNames().getFirst() + "|" + who + "|describe",
                    () -> available.add(current(session, s))));
            for (Snapshot s : available) {
                String engine = s.engine().rawNames().getFirst();
                step(engine + "|" + who + "|tag", () -> {
                    writer.addTags(session, s, List.of(new Tag("CostCenter", "cc-1"), new Tag("Purpose", "fidelity")));
                    writer.removeTags(session, s, List.of("Purpose"));
                });
                boolean awsManagedKey = s.engine() != Engine.DOCUMENTDB_ELASTIC
                        && kms.aliases(session, region).resolve(s).awsManagedKey();
                if (awsManagedKey) {
                    refused(engine + "|" + who + "|share a snapshot under the AWS managed key",
                            "InvalidParameterValue", () -> writer.share(session, s, List.of(other(session)),
                                    List.of()));
                } else if (s.engine() != Engine.DOCUMENTDB_ELASTIC) {
                    step(engine + "|" + who + "|share", () -> {
                        writer.restoreAccounts(session, s);
                        writer.share(session, s, List.of(other(session)), List.of());
                        writer.makePrivate(session, s);
                    });
                }
                step(engine + "|" + who + "|copy same region", () -> writer.copy(session, new CopyRequest(s,
                        session.account(), region, s.identifier() + "-copy", null, true,
                        List.of(new Tag("Purpose", "copy")))));
                made.put(s.engine(), s);
            }
            return made;
        }

        private Snapshot current(AccountSession session, Snapshot s) {
            if (s.engine() == Engine.DOCUMENTDB_ELASTIC) {
                return writer.elasticManual(session, s.region()).stream().filter(e -> e.arn().equals(s.arn()))
                        .findFirst().orElseThrow();
            }
            Snapshot found = writer.describe(session, s.region(), s.identifier()).orElseThrow();
            if (found.status().state() != SnapshotState.AVAILABLE) {
                throw new IllegalStateException(s.identifier() + " is " + found.status().raw());
            }
            return found;
        }

        private void crossRegion(Map<Engine, Snapshot> made) {
            clock.advance(Duration.ofHours(3));
            copyAcrossRegions(made.get(Engine.AURORA_MYSQL), WEST);
            copyAcrossRegions(made.get(Engine.AURORA_POSTGRESQL), FRANKFURT);
            copyAcrossRegions(made.get(Engine.DOCUMENTDB), IRELAND);
            copyAcrossRegions(made.get(Engine.NEPTUNE), FRANKFURT);
        }

        private void copyAcrossRegions(Snapshot source, RegionRef to) {
            String engine = source.engine().rawNames().getFirst();
            step(engine + "|production|copy cross-region (presigned) to " + to.code(), () -> {
                String key = source.storageEncrypted() ? customerKey(prod, to) : null;
                writer.copy(prod, new CopyRequest(source, prod.account(), to, source.identifier() + "-x", key,
                        true, List.of()));
            });
        }

        private String customerKey(AccountSession session, RegionRef region) {
            return kms.keys(session, region).stream().filter(k -> !k.awsManaged()
                            && k.state() == dev.snapferry.core.model.KmsKeyState.ENABLED)
                    .map(KmsKey::arn).findFirst().orElseThrow(() -> new IllegalStateException("no key in " + region));
        }

        /** Production shares with DR, which copies by ARN; and production copies what DR shares with it. */
        private void crossAccount(Map<Engine, Snapshot> made) {
            for (Engine engine : List.of(Engine.AURORA_MYSQL, Engine.DOCUMENTDB, Engine.NEPTUNE)) {
                Snapshot s = made.get(engine);
                String label = engine.rawNames().getFirst() + "|";
                step(label + "production|share with disaster-recovery",
                        () -> writer.share(prod, s, List.of(DemoAccounts.DISASTER_RECOVERY), List.of()));
                step(label + "disaster-recovery|copy cross-account by ARN", () -> writer.copy(dr, new CopyRequest(
                        s, dr.account(), EAST, "from-prod-" + s.identifier(),
                        s.storageEncrypted() ? customerKey(dr, EAST) : null, false, List.of())));
            }
            http.scenario("all engines|production|list shared");
            List<Snapshot> shared = new SnapshotLister(kms, 1).list(List.of(prod), List.of(EAST, WEST, IRELAND,
                            FRANKFURT), SnapshotLister.Options.DEFAULT, r -> { }).join().stream()
                    .filter(r -> r instanceof RegionResult.Loaded).flatMap(r -> ((RegionResult.Loaded) r)
                            .snapshots().stream()).filter(s -> s.isForeign() && s.type() == SnapshotType.SHARED)
                    .toList();
            if (shared.isEmpty()) {
                scenarioFailures.add("production sees no snapshot shared by disaster-recovery");
            }
            for (Snapshot s : shared) {
                step(s.engine().rawNames().getFirst() + "|production|copy cross-account by ARN", () -> writer.copy(
                        prod, new CopyRequest(s, prod.account(), s.region(), "from-dr-" + s.identifier(),
                                s.storageEncrypted() ? customerKey(prod, s.region()) : null, false, List.of())));
            }
        }

        private void keyPolicies() {
            step("-|production|key policy", () -> {
                String key = customerKey(prod, EAST);
                String policy = prod.clients().kms(EAST).getKeyPolicy(b -> b.keyId(key).policyName("default"))
                        .policy();
                prod.clients().kms(EAST).putKeyPolicy(b -> b.keyId(key).policyName("default").policy(policy));
                prod.clients().kms(EAST).describeKey(b -> b.keyId("alias/aws/rds"));
            });
            step("-|disaster-recovery|key policy", () -> {
                String key = customerKey(dr, EAST);
                dr.clients().kms(EAST).getKeyPolicy(b -> b.keyId(key).policyName("default"));
            });
        }

        /** DocumentDB's and Neptune's clients describing their own snapshots, checked against their own models. */
        private void directModelClients() {
            step("docdb|production|describe through the docdb client", () -> prod.clients().docdb(EAST)
                    .describeDBClusterSnapshots(b -> b.filters(f -> f.name("engine").values("docdb"))));
            step("neptune|production|describe through the neptune client", () -> prod.clients().neptune(EAST)
                    .describeDBClusterSnapshots(b -> b.filters(f -> f.name("engine").values("neptune"))));
        }

        private void errors(Map<Engine, Snapshot> made) {
            var rds = prod.clients().rds(EAST);
            Snapshot aurora = made.get(Engine.AURORA_MYSQL);
            refused("aurora-mysql|production|describe a missing snapshot", "DBClusterSnapshotNotFoundFault",
                    () -> rds.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier("no-such-snapshot")));
            refused("docdb|production|describe a missing snapshot", "DBClusterSnapshotNotFoundFault",
                    () -> prod.clients().docdb(EAST).describeDBClusterSnapshots(b -> b
                            .dbClusterSnapshotIdentifier("no-such-snapshot")));
            refused("neptune|production|describe a missing snapshot", "DBClusterSnapshotNotFoundFault",
                    () -> prod.clients().neptune(EAST).describeDBClusterSnapshots(b -> b
                            .dbClusterSnapshotIdentifier("no-such-snapshot")));
            refused("aurora-mysql|production|describe a missing cluster", "DBClusterNotFoundFault",
                    () -> rds.describeDBClusters(b -> b.dbClusterIdentifier("no-such-cluster")));
            refused("aurora-mysql|production|attributes of a missing snapshot", "DBClusterSnapshotNotFoundFault",
                    () -> rds.describeDBClusterSnapshotAttributes(b -> b.dbClusterSnapshotIdentifier("nope")));
            refused("aurora-mysql|production|share a missing snapshot", "DBClusterSnapshotNotFoundFault",
                    () -> rds.modifyDBClusterSnapshotAttribute(b -> b.dbClusterSnapshotIdentifier("nope")
                            .attributeName("restore").valuesToAdd(DemoAccounts.DISASTER_RECOVERY)));
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                many.add(String.format(Locale.ROOT, "5000000000%02d", i));
            }
            refused("aurora-mysql|production|share with too many accounts", "SharedSnapshotQuotaExceeded",
                    () -> rds.modifyDBClusterSnapshotAttribute(b -> b.dbClusterSnapshotIdentifier(
                            aurora.identifier()).attributeName("restore").valuesToAdd(many)));
            refused("aurora-mysql|production|snapshot a missing cluster", "DBClusterNotFoundFault",
                    () -> rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier("no-such-cluster")
                            .dbClusterSnapshotIdentifier("x1")));
            refused("aurora-mysql|production|snapshot under a taken name", "DBClusterSnapshotAlreadyExistsFault",
                    () -> rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders-aurora")
                            .dbClusterSnapshotIdentifier(aurora.identifier())));
            refused("aurora-mysql|production|snapshot under a bad name", "InvalidParameterValue",
                    () -> rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders-aurora")
                            .dbClusterSnapshotIdentifier("bad--name")));
            refused("aurora-mysql|production|list with MaxRecords under 20", "InvalidParameterValue",
                    () -> rds.describeDBClusterSnapshots(b -> b.maxRecords(10)));
            refused("aurora-mysql|production|copy onto a taken name", "DBClusterSnapshotAlreadyExistsFault",
                    () -> rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(aurora.identifier())
                            .targetDBClusterSnapshotIdentifier(aurora.identifier())));
            refused("docdb|production|copy a missing snapshot", "DBClusterSnapshotNotFoundFault",
                    () -> prod.clients().docdb(EAST).copyDBClusterSnapshot(b -> b
                            .sourceDBClusterSnapshotIdentifier("nope").targetDBClusterSnapshotIdentifier("nope-copy")));
            refused("aurora-mysql|production|copy a missing snapshot", "DBClusterSnapshotNotFoundFault",
                    () -> rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("nope")
                            .targetDBClusterSnapshotIdentifier("nope-copy")));
            step("aurora-mysql|production|copy with a disabled key", () -> {
                String disabled = kms.keys(prod, EAST).stream().filter(k -> k.state()
                        == dev.snapferry.core.model.KmsKeyState.DISABLED).map(KmsKey::arn).findFirst().orElseThrow();
                refused("aurora-mysql|production|copy with a disabled key", "KMSKeyNotAccessibleFault",
                        () -> rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(aurora.identifier())
                                .targetDBClusterSnapshotIdentifier("disabled-key-copy").kmsKeyId(disabled)));
            });
            Snapshot neptune = made.get(Engine.NEPTUNE);
            refused("neptune|production|copy an unencrypted snapshot with a key", "InvalidParameterCombination",
                    () -> prod.clients().neptune(EAST).copyDBClusterSnapshot(b -> b
                            .sourceDBClusterSnapshotIdentifier(neptune.identifier())
                            .targetDBClusterSnapshotIdentifier("neptune-keyed").kmsKeyId("alias/aws/rds")));
            for (var client : List.of("rds", "docdb", "neptune")) {
                refused(client + "|production|delete a missing snapshot", "DBClusterSnapshotNotFoundFault",
                        () -> {
                            switch (client) {
                                case "docdb" -> prod.clients().docdb(EAST).deleteDBClusterSnapshot(b -> b
                                        .dbClusterSnapshotIdentifier("nope"));
                                case "neptune" -> prod.clients().neptune(EAST).deleteDBClusterSnapshot(b -> b
                                        .dbClusterSnapshotIdentifier("nope"));
                                default -> rds.deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier("nope"));
                            }
                        });
            }
            step("aurora-mysql|production|delete an automated snapshot", () -> {
                String automated = rds.describeDBClusterSnapshots(b -> b.snapshotType("automated")
                        .dbClusterIdentifier("orders-aurora")).dbClusterSnapshots().getFirst()
                        .dbClusterSnapshotIdentifier();
                refused("aurora-mysql|production|delete an automated snapshot", "InvalidDBClusterSnapshotStateFault",
                        () -> rds.deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier(automated)));
            });
            // A sixth copy in flight into one region is over AWS's limit of five.
            http.scenario("aurora-mysql|production|copies over the in-flight limit");
            String westKey = customerKey(prod, WEST);
            String quota = null;
            for (int i = 0; i < 7 && quota == null; i++) {
                int n = i;
                try {
                    writer.copy(prod, new CopyRequest(aurora, prod.account(), WEST, "quota-" + n, westKey, false,
                            List.of()));
                } catch (AwsCallException e) {
                    quota = e.failure().awsCode();
                }
            }
            if (!"SnapshotQuotaExceeded".equals(quota)) {
                scenarioFailures.add("copies over the limit: expected SnapshotQuotaExceeded, got " + quota);
            }
            String missingArn = "arn:aws:rds:us-east-1:" + DemoAccounts.PRODUCTION + ":cluster-snapshot:nope";
            step("aurora-mysql|production|tag a missing snapshot", () -> {
                try {
                    rds.addTagsToResource(b -> b.resourceName(missingArn).tags(t -> t.key("a").value("b")));
                } catch (AwsServiceException expected) {
                    // Whatever the code, its reply is checked against AddTagsToResource's declared errors.
                }
                try {
                    rds.removeTagsFromResource(b -> b.resourceName(missingArn).tagKeys("a"));
                } catch (AwsServiceException expected) {
                    // As above.
                }
            });
            var elastic = prod.clients().elastic(EAST);
            Snapshot es = made.get(Engine.DOCUMENTDB_ELASTIC);
            String missingElastic = es.arn().substring(0, es.arn().lastIndexOf('/') + 1)
                    + "00000000-0000-0000-0000-000000000000";
            refused("docdb-elastic|production|get a missing snapshot", "ResourceNotFoundException",
                    () -> elastic.getClusterSnapshot(b -> b.snapshotArn(missingElastic)));
            refused("docdb-elastic|production|delete a missing snapshot", "ResourceNotFoundException",
                    () -> elastic.deleteClusterSnapshot(b -> b.snapshotArn(missingElastic)));
            refused("docdb-elastic|production|tag a missing snapshot", "ResourceNotFoundException",
                    () -> elastic.tagResource(b -> b.resourceArn(missingElastic).tags(Map.of("a", "b"))));
            refused("docdb-elastic|production|untag a missing snapshot", "ResourceNotFoundException",
                    () -> elastic.untagResource(b -> b.resourceArn(missingElastic).tagKeys("a")));
            refused("docdb-elastic|production|tags of a missing snapshot", "ResourceNotFoundException",
                    () -> elastic.listTagsForResource(b -> b.resourceArn(missingElastic)));
            String elasticCluster = writer.clusters(prod, EAST).stream().filter(c -> c.engine()
                    == Engine.DOCUMENTDB_ELASTIC).map(ClusterRef::arn).findFirst().orElseThrow();
            refused("docdb-elastic|production|snapshot under a taken name", "ConflictException",
                    () -> elastic.createClusterSnapshot(b -> b.clusterArn(elasticCluster)
                            .snapshotName(es.identifier())));
            refused("docdb-elastic|production|snapshot under a bad name", "ValidationException",
                    () -> elastic.createClusterSnapshot(b -> b.clusterArn(elasticCluster).snapshotName("-bad-")));
            Map<String, String> tooMany = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 51; i++) {
                tooMany.put("k" + i, "v");
            }
            step("docdb-elastic|production|too many tags", () -> {
                try {
                    elastic.tagResource(b -> b.resourceArn(es.arn()).tags(tooMany));
                    scenarioFailures.add("51 tags on an Elastic snapshot were accepted");
                } catch (AwsServiceException expected) {
                    // ServiceQuotaExceededException or ValidationException: the validator checks it is declared.
                }
            });
            var kmsClient = prod.clients().kms(EAST);
            refused("-|production|describe a missing key", "NotFoundException",
                    () -> kmsClient.describeKey(b -> b.keyId("alias/no-such-key")));
            refused("-|production|policy of a missing key", "NotFoundException",
                    () -> kmsClient.getKeyPolicy(b -> b.keyId("00000000-0000-0000-0000-000000000000")
                            .policyName("default")));
            refused("-|production|malformed key policy", "MalformedPolicyDocumentException",
                    () -> kmsClient.putKeyPolicy(b -> b.keyId(customerKey(prod, EAST)).policyName("default")
                            .policy("{\"Version\":\"2012-10-17\"}")));
        }

        /** The simulator's injected faults: denied, disabled region, throttled, failing. */
        private void faults() {
            AccountSession p = prod;
            RegionRef tokyo = new RegionRef("ap-northeast-1");
            simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(), Map.of(
                    DemoAccounts.PRODUCTION, List.of("rds", "kms", "docdb-elastic", "sts"))));
            refused("-|production|denied rds", "AccessDenied", () -> p.clients().rds(EAST).describeDBClusters());
            refused("-|production|denied docdb-elastic", "AccessDeniedException",
                    () -> p.clients().elastic(EAST).listClusterSnapshots(b -> { }));
            refused("-|production|denied kms", "AccessDeniedException", () -> p.clients().kms(EAST).listAliases());
            simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(DemoAccounts.PRODUCTION,
                    List.of(tokyo.code())), Map.of()));
            refused("-|production|region not enabled (rds)", "InvalidClientTokenId",
                    () -> p.clients().rds(tokyo).describeDBClusterSnapshots());
            refused("-|production|region not enabled (kms)", "UnrecognizedClientException",
                    () -> p.clients().kms(tokyo).listAliases());
            refused("-|production|region not enabled (docdb-elastic)", "UnrecognizedClientException",
                    () -> p.clients().elastic(tokyo).listClusters(b -> { }));
            simulator.faults().set(new FaultSettings(0, 0.001, 1, 0, List.of(), Map.of(), Map.of()));
            throttled("rds", "Throttling", () -> p.clients().rds(WEST).describeDBClusters());
            throttled("kms", "ThrottlingException", () -> p.clients().kms(IRELAND).listKeys());
            throttled("docdb-elastic", "ThrottlingException",
                    () -> p.clients().elastic(FRANKFURT).listClusterSnapshots(b -> { }));
            simulator.faults().set(new FaultSettings(0, 0, 0, 1, List.of(), Map.of(), Map.of()));
            refused("-|production|server error (rds)", "InternalFailure",
                    () -> p.clients().rds(EAST).describeDBClusters());
            refused("-|production|server error (kms)", "KMSInternalException",
                    () -> p.clients().kms(EAST).listKeys());
            refused("-|production|server error (docdb-elastic)", "InternalServerException",
                    () -> p.clients().elastic(EAST).listClusters(b -> { }));
            simulator.faults().set(FaultSettings.none());
        }

        private void throttled(String service, String code, Runnable call) {
            step("-|production|throttled " + service + " (first call)", call);
            refused("-|production|throttled " + service, code, call);
        }

        private void cleanUp(Map<Engine, Snapshot> prodMade, Map<Engine, Snapshot> drMade) {
            for (var entry : List.of(Map.entry(prod, prodMade), Map.entry(dr, drMade))) {
                AccountSession s = entry.getKey();
                for (Snapshot made : entry.getValue().values()) {
                    String engine = made.engine().rawNames().getFirst();
                    step(engine + "|" + account(s) + "|delete", () -> {
                        for (Snapshot copy : copiesOf(s, made)) {
                            writer.delete(s, copy);
                        }
                        writer.delete(s, made);
                    });
                }
            }
        }

        /** The same-region copy made of {@code s}, found as the app finds it. */
        private Collection<Snapshot> copiesOf(AccountSession session, Snapshot s) {
            if (s.engine() == Engine.DOCUMENTDB_ELASTIC) {
                return writer.elasticManual(session, s.region()).stream()
                        .filter(e -> e.identifier().equals(s.identifier() + "-copy")).toList();
            }
            return writer.describeNamed(session, s.region(), List.of(s.identifier() + "-copy"));
        }

        private String other(AccountSession session) {
            return session == prod ? DemoAccounts.DISASTER_RECOVERY : DemoAccounts.PRODUCTION;
        }

        private String account(AccountSession session) {
            return session.account().accountId().equals(DemoAccounts.PRODUCTION) ? "production"
                    : "disaster-recovery";
        }
    }
}
