package dev.snapferry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CopyRules;
import dev.snapferry.core.rules.Problem;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The simulator refuses what AWS refuses: copy requests built with the wizard's checks bypassed (any name, any
 * tags, any key, any destination) go through the real SDK to the simulator, and the simulator's verdict must be
 * the app's rules' verdict ({@link CopyRules}, the same call the wizard makes). A request the rules pass and the
 * simulator refuses, or the reverse, is a bug on one side.
 */
class SimulatorRefusalsTest {

    private static final List<RegionRef> REGIONS = List.of(new RegionRef("us-east-1"), new RegionRef("us-west-2"),
            new RegionRef("eu-west-1"));
    private static final CapabilityMatrix MATRIX = CapabilityMatrix.loadDefault();

    private static Simulator simulator;
    private static SdkHttpClient http;
    private static AccountSession prod;
    private static List<Snapshot> sources;
    private static Map<RegionRef, List<KmsKey>> keys;
    private static final SnapshotWriter WRITER = new SnapshotWriter();

    @BeforeContainer
    static void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.create();
        prod = AccountSession.open("demo", true, REGIONS.getFirst(), new AwsClients(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY)),
                simulator.endpoint(), http, 2));
        sources = list();
        assertThat(sources).extracting(s -> s.engine().family()).contains(EngineFamily.values());
        KmsDirectory directory = new KmsDirectory();
        keys = new java.util.LinkedHashMap<>();
        REGIONS.forEach(r -> keys.put(r, directory.keys(prod, r)));
    }

    @AfterContainer
    static void stop() {
        prod.close();
        http.close();
        simulator.close();
    }

    @Property(tries = 250)
    @net.jqwik.api.statistics.StatisticsReport(format = net.jqwik.api.statistics.Histogram.class)
    void theSimulatorRefusesACopyExactlyWhenTheRulesDo(@ForAll("sources") Snapshot source,
                                                       @ForAll("regions") RegionRef destination,
                                                       @ForAll("names") String name,
                                                       @ForAll("keyChoices") int keyChoice,
                                                       @ForAll("tagSets") List<Tag> tags,
                                                       @ForAll boolean copyTags) {
        // The names the copy could clash with: DocumentDB Elastic names its snapshots apart from the RDS family's
        // (Aurora, DocumentDB and Neptune share RDS's), as the wizard asks (LiveCopyGateway.takenIdentifiers).
        boolean elastic = source.engine().api() == dev.snapferry.core.model.ApiFamily.DOCDB_ELASTIC;
        List<Snapshot> inDestination = list().stream().filter(s -> s.region().equals(destination)
                && (s.engine().api() == dev.snapferry.core.model.ApiFamily.DOCDB_ELASTIC) == elastic).toList();
        String existing = inDestination.isEmpty() ? source.identifier() : inDestination.getFirst().identifier();
        String target = switch (name) {
            case "<existing>" -> existing;
            case "<EXISTING>" -> existing.toUpperCase(java.util.Locale.ROOT);
            case "<source>" -> source.identifier();
            default -> name;
        };
        // A key of the destination region (any state), a key of another region, or none.
        List<KmsKey> candidates = new ArrayList<>(keys.get(destination));
        REGIONS.stream().filter(r -> !r.equals(destination)).findFirst().ifPresent(r -> candidates.addAll(
                keys.get(r).stream().limit(1).toList()));
        KmsKey key = keyChoice < 0 || candidates.isEmpty() ? null : candidates.get(keyChoice % candidates.size());
        CopyRequest request = new CopyRequest(source, prod.account(), destination, target,
                key == null ? null : key.arn(), copyTags, tags);
        List<Problem> problems = CopyRules.validate(MATRIX, request, key == null || !key.region().equals(destination)
                ? null : key, inDestination.stream().map(Snapshot::identifier).toList());
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();

        Optional<String> refusal;
        try {
            Snapshot made = WRITER.copy(prod, request);
            refusal = Optional.empty();
            // Leave the simulator as it was: the copy's slot and name are free for the next try.
            WRITER.delete(prod, made);
        } catch (AwsCallException e) {
            refusal = Optional.of(e.failure().awsCode() + ": " + e.failure().awsMessage());
        }
        net.jqwik.api.statistics.Statistics.label("verdict").collect(errors.isEmpty() ? "accepted"
                : errors.getFirst().code().name());
        assertThat(refusal.isPresent()).as("refused by the simulator (%s) vs by the rules (%s), for %s",
                refusal.orElse("accepted"), errors, describe(request)).isEqualTo(!errors.isEmpty());
        refusal.ifPresent(r -> assertThat(errors.stream().flatMap(p -> awsCodesFor(p, source).stream()))
                .as("AWS's code %s is one the rules' problems %s stand for", r, errors)
                .contains(r.substring(0, r.indexOf(':'))));
    }

    /** The error codes AWS answers a request with that has this problem, by the API the copy goes through. */
    private static List<String> awsCodesFor(Problem problem, Snapshot source) {
        String code = problem.code().name();
        if (source.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC) {
            // DocumentDB Elastic's own API: a taken name is a conflict; a copy into another region is sent to that
            // region's endpoint, which does not know the source; anything else is a validation error.
            if (code.equals("IDENTIFIER_TAKEN") || code.equals("COPY_TARGET_IS_SOURCE")) {
                return List.of("ConflictException");
            }
            return code.equals("COPY_CROSS_REGION_UNSUPPORTED") ? List.of("ResourceNotFoundException")
                    : List.of("ValidationException");
        }
        if (code.equals("IDENTIFIER_TAKEN") || code.equals("COPY_TARGET_IS_SOURCE")) {
            return List.of("DBClusterSnapshotAlreadyExistsFault");
        }
        if (code.equals("IDENTIFIER_EMPTY")) {
            return List.of("MissingParameter", "InvalidParameterValue");
        }
        if (code.startsWith("KMS_KEY_NOT_USABLE") || code.startsWith("KMS_KEY_WRONG_REGION")) {
            return List.of("KMSKeyNotAccessibleFault");
        }
        if (code.startsWith("KMS_") || code.startsWith("COPY_")) {
            return List.of("InvalidParameterCombination", "InvalidParameterValue");
        }
        return List.of("InvalidParameterValue");
    }

    @Provide
    Arbitrary<Snapshot> sources() {
        return Arbitraries.of(sources);
    }

    @Provide
    Arbitrary<RegionRef> regions() {
        return Arbitraries.of(REGIONS);
    }

    @Provide
    Arbitrary<Integer> keyChoices() {
        return Arbitraries.integers().between(-3, 20);
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> valid = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                .map(s -> "copy-" + s);
        return Arbitraries.oneOf(valid, valid, valid, Arbitraries.of("<existing>", "<EXISTING>", "<source>", "",
                "1starts-with-digit", "double--hyphen", "trailing-", "has_underscore", "has.dot", "sp ace",
                "x".repeat(63), "x".repeat(64), "a", "rds:looks-automated", "\u00e9t\u00e9", "-leading"));
    }

    @Provide
    Arbitrary<List<Tag>> tagSets() {
        Arbitrary<Tag> tag = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8)
                        .map(s -> new Tag("Key" + s, "value-" + s)),
                Arbitraries.of(new Tag("aws:reserved", "x"), new Tag("AWS:Reserved", "x"), new Tag("", "x"),
                        new Tag("k".repeat(128), "v"), new Tag("k".repeat(129), "v"), new Tag("v", "v".repeat(256)),
                        new Tag("v", "v".repeat(257)), new Tag("Owner", ""), new Tag("with space", "a b"),
                        new Tag("caf\u00e9", "\u00fcber"), new Tag("bad|char", "x"), new Tag("Owner", "dba")));
        return Arbitraries.oneOf(tag.list().ofMaxSize(4), tag.list().ofMinSize(49).ofMaxSize(52));
    }

    private static String describe(CopyRequest r) {
        return r.source().identifier() + " (" + r.source().engine() + ", " + r.source().region().code()
                + (r.source().storageEncrypted() ? ", encrypted" : "") + (r.source().isForeign() ? ", shared" : "")
                + ") to " + r.destinationRegion().code() + " as '" + r.targetIdentifier() + "' key "
                + r.kmsKeyId() + " copyTags " + r.copyTags() + " tags " + r.tags().size();
    }

    private static List<Snapshot> list() {
        return new SnapshotLister(new KmsDirectory(), 3).list(List.of(prod), REGIONS,
                        SnapshotLister.Options.DEFAULT, r -> { }).orTimeout(60, TimeUnit.SECONDS).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream())
                .filter(s -> s.status().state() == SnapshotState.AVAILABLE).toList();
    }
}
