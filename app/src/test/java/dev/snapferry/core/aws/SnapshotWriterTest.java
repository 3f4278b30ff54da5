package dev.snapferry.core.aws;

import static dev.snapferry.core.aws.SimFixture.EU_CENTRAL_1;
import static dev.snapferry.core.aws.SimFixture.EU_WEST_1;
import static dev.snapferry.core.aws.SimFixture.US_EAST_1;
import static dev.snapferry.core.aws.SimFixture.US_WEST_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.core.model.ClusterRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Copy, create, delete and tag through the real SDK clients against the demo dataset of the simulator. */
class SnapshotWriterTest {

    /** An encrypted production cluster of each engine, with the region it lives in. */
    private record Source(RegionRef region, String cluster) {
    }

    private static final Map<Engine, Source> SOURCES = Map.of(
            Engine.AURORA_MYSQL, new Source(US_EAST_1, "orders-aurora"),
            Engine.AURORA_POSTGRESQL, new Source(US_EAST_1, "billing-pg"),
            Engine.RDS_MULTI_AZ_CLUSTER, new Source(US_EAST_1, "ledger-mysql"),
            Engine.DOCUMENTDB, new Source(US_EAST_1, "catalog-docdb"),
            Engine.NEPTUNE, new Source(EU_CENTRAL_1, "fraud-graph"),
            Engine.DOCUMENTDB_ELASTIC, new Source(US_EAST_1, "events-elastic"));

    private static final List<Tag> TAGS = List.of(new Tag("Purpose", "restore-drill"), new Tag("Owner", "qa"));

    private final SnapshotWriter writer = new SnapshotWriter();
    private SimFixture sim;
    private AccountSession production;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        production = sim.production;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    // ---------------------------------------------------------------------------------------------- copy

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSameRegionCopyStartsCopyingAndBecomesAvailableWithTheRequestedTagsAndKey(Engine engine) {
        Source src = SOURCES.get(engine);
        Snapshot source = sim.manualSnapshotOf(src.region(), src.cluster());
        assertThat(source.engine()).isEqualTo(engine);
        String key = sim.createKey(src.region(), "alias/snapferry-test-copies");
        String target = "copy-" + slug(engine);

        Snapshot copy = writer.copy(production, request(source, src.region(), target, key));

        assertThat(copy.identifier()).isEqualTo(target);
        assertThat(copy.engine()).isEqualTo(engine);
        assertThat(copy.region()).isEqualTo(src.region());
        assertThat(copy.type()).isEqualTo(SnapshotType.MANUAL);
        assertThat(copy.status().raw()).isEqualToIgnoringCase("copying");
        assertThat(copy.status().state()).isIn(SnapshotState.COPYING, SnapshotState.QUEUED);
        assertThat(copy.kmsKeyId()).isEqualTo(key);

        sim.clock.advance(Duration.ofDays(1));

        Snapshot done = sim.find(src.region(), target).orElseThrow();
        assertThat(done.engine()).isEqualTo(engine);
        assertThat(done.status().state()).isEqualTo(SnapshotState.AVAILABLE);
        if (engine == Engine.DOCUMENTDB_ELASTIC) {
            // The Elastic listing carries neither key nor tags: ask the snapshot itself.
            var elastic = production.clients().elastic(src.region());
            assertThat(elastic.getClusterSnapshot(b -> b.snapshotArn(done.arn())).snapshot().kmsKeyId())
                    .isEqualTo(key);
            assertThat(elastic.listTagsForResource(b -> b.resourceArn(done.arn())).tags())
                    .isEqualTo(tagMap(TAGS));
        } else {
            assertThat(done.tags()).containsExactlyInAnyOrderElementsOf(TAGS);
            assertThat(done.kmsKeyId()).isEqualTo(key);
            assertThat(done.kmsKeyAlias()).isEqualTo("alias/snapferry-test-copies");
            assertThat(done.storageEncrypted()).isTrue();
            assertThat(done.sourceSnapshotArn()).isEqualTo(source.arn());
            assertThat(writer.describe(production, src.region(), target)).get()
                    .satisfies(d -> assertThat(d.status().state()).isEqualTo(SnapshotState.AVAILABLE))
                    .satisfies(d -> assertThat(d.tags()).containsExactlyInAnyOrderElementsOf(TAGS));
        }
    }

    @Test
    void aCopyMadeInAnotherAccountThanTheOwnersNamesTheSourceByArn() {
        // The DR account shares its unencrypted manual snapshots with production (the demo). Listed by DR itself
        // the source is not "shared with me", yet the copy is made in production: a bare identifier would name a
        // production snapshot, which AWS cannot find (CopyDBClusterSnapshot wants the shared snapshot's ARN).
        AccountSession dr = sim.sessions.disasterRecovery(1);
        Snapshot source = SimFixture.DEMO_REGIONS.stream().flatMap(r -> SimFixture.list(dr, r).stream())
                .filter(s -> s.type() == SnapshotType.MANUAL && !s.storageEncrypted() && !s.isForeign()
                        && s.status().state() == SnapshotState.AVAILABLE
                        && s.engine().family() != dev.snapferry.core.model.EngineFamily.DOCUMENTDB_ELASTIC)
                .findFirst().orElseThrow(() -> new AssertionError("the demo shares an unencrypted DR snapshot"));
        CopyRequest request = new CopyRequest(source, production.account(), source.region(), "from-dr-by-arn", null,
                false, List.of());
        assertThat(request.namesSourceByArn()).isTrue();

        Snapshot copy = writer.copy(production, request);

        assertThat(copy.accountId()).isEqualTo(production.accountId());
        assertThat(copy.sourceSnapshotArn()).isEqualTo(source.arn());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DOCUMENTDB_ELASTIC", mode = EnumSource.Mode.EXCLUDE)
    void aCrossRegionCopyOfAnEncryptedSnapshotWithADestinationKeyRunsInTheDestinationRegion(Engine engine) {
        Source src = SOURCES.get(engine);
        Snapshot source = sim.manualSnapshotOf(src.region(), src.cluster());
        assertThat(source.storageEncrypted()).isTrue();
        String destinationKey = sim.keyArn(US_WEST_2, "alias/snapferry-prod-data");
        String target = "dr-" + slug(engine);

        // DocumentDB refuses a cross-region copy without the presigned URL the SDK builds from sourceRegion, so
        // its copy succeeding proves sourceRegion is set; the others prove the ARN and the destination client.
        Snapshot copy = writer.copy(production, request(source, US_WEST_2, target, destinationKey));

        assertThat(copy.region()).isEqualTo(US_WEST_2);
        assertThat(copy.engine()).isEqualTo(engine);
        assertThat(copy.arn()).contains(":us-west-2:");
        assertThat(copy.sourceSnapshotArn()).isEqualTo(source.arn());
        assertThat(copy.status().raw()).isEqualToIgnoringCase("copying");

        sim.clock.advance(Duration.ofDays(2));

        Snapshot done = writer.describe(production, US_WEST_2, target).orElseThrow();
        assertThat(done.status().state()).isEqualTo(SnapshotState.AVAILABLE);
        assertThat(done.kmsKeyId()).isEqualTo(destinationKey);
        assertThat(done.tags()).containsExactlyInAnyOrderElementsOf(TAGS);
        assertThat(sim.find(US_WEST_2, target)).get().extracting(Snapshot::kmsKeyAlias)
                .isEqualTo("alias/snapferry-prod-data");
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DOCUMENTDB_ELASTIC", mode = EnumSource.Mode.EXCLUDE)
    void aCopyOntoAnExistingIdentifierIsAlreadyExists(Engine engine) {
        Source src = SOURCES.get(engine);
        Snapshot source = sim.manualSnapshotOf(src.region(), src.cluster());

        assertFailure(() -> writer.copy(production, request(source, src.region(), source.identifier(), null)),
                AwsFailure.AlreadyExists.class, "DBClusterSnapshotAlreadyExistsFault");
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DOCUMENTDB_ELASTIC", mode = EnumSource.Mode.EXCLUDE)
    void aCrossRegionCopyOfAnEncryptedSnapshotWithoutAKeyIsInvalidParameter(Engine engine) {
        Source src = SOURCES.get(engine);
        Snapshot source = sim.manualSnapshotOf(src.region(), src.cluster());

        assertFailure(() -> writer.copy(production, request(source, US_WEST_2, "no-key-" + slug(engine), null)),
                AwsFailure.InvalidParameter.class, "InvalidParameterValue");
        assertThat(writer.describe(production, US_WEST_2, "no-key-" + slug(engine))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DOCUMENTDB_ELASTIC", mode = EnumSource.Mode.EXCLUDE)
    void aCopyWithADisabledKeyIsKmsKeyNotAccessible(Engine engine) {
        Source src = SOURCES.get(engine);
        Snapshot source = sim.manualSnapshotOf(src.region(), src.cluster());
        String disabled = sim.keyArn(src.region(), "alias/snapferry-prod-data-2023");

        assertFailure(() -> writer.copy(production, request(source, src.region(), "old-key-" + slug(engine),
                disabled)), AwsFailure.KmsKeyNotAccessible.class, "KMSKeyNotAccessibleFault");
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DOCUMENTDB_ELASTIC", mode = EnumSource.Mode.EXCLUDE)
    void aSixthCopyInFlightToOneRegionIsQuotaExceeded(Engine engine) {
        Source src = SOURCES.get(engine);
        Snapshot source = sim.manualSnapshotOf(src.region(), src.cluster());
        for (int i = 1; i <= 5; i++) {
            Snapshot copy = writer.copy(production, request(source, src.region(), "batch-" + i, null));
            // With no key a same-region copy keeps the source's key.
            assertThat(copy.kmsKeyId()).isEqualTo(source.kmsKeyId());
        }

        assertFailure(() -> writer.copy(production, request(source, src.region(), "batch-6", null)),
                AwsFailure.QuotaExceeded.class, "SnapshotQuotaExceeded");

        sim.clock.advance(Duration.ofDays(1));
        assertThat(writer.copy(production, request(source, src.region(), "batch-6", null)).identifier())
                .isEqualTo("batch-6");
    }

    @Test
    void aKeyOfTheSourceRegionCannotEncryptACrossRegionCopy() {
        Snapshot source = sim.manualSnapshotOf(US_EAST_1, "orders-aurora");
        String sourceRegionKey = sim.keyArn(US_EAST_1, "alias/snapferry-prod-data");

        assertFailure(() -> writer.copy(production, request(source, US_WEST_2, "wrong-region-key",
                sourceRegionKey)), AwsFailure.KmsKeyNotAccessible.class, "KMSKeyNotAccessibleFault");
    }

    @Test
    void aKeyForACopyOfAnUnencryptedSnapshotIsRefused() {
        Snapshot source = sim.manualSnapshotOf(US_EAST_1, "graph-neptune");
        assertThat(source.storageEncrypted()).isFalse();
        String key = sim.keyArn(US_EAST_1, "alias/snapferry-prod-data");

        assertFailure(() -> writer.copy(production, request(source, US_EAST_1, "graph-encrypted", key)),
                AwsFailure.InvalidParameter.class, "InvalidParameterCombination");
        Snapshot plain = writer.copy(production, request(source, US_EAST_1, "graph-plain", null));
        assertThat(plain.storageEncrypted()).isFalse();
        assertThat(plain.kmsKeyId()).isNull();
    }

    /**
     * CopyClusterSnapshot has no source-region parameter, so an Elastic copy to another region is sent to the
     * destination region with the source's ARN, where no such snapshot exists: AWS (and the simulator) answer
     * ResourceNotFoundException, which surfaces as {@link AwsFailure.NotFound}, and nothing is created anywhere.
     * The copy wizard has to refuse it before it gets here (capability matrix: crossRegionCopy false).
     */
    @Test
    void anElasticCopyToAnotherRegionIsNotFoundThereAndCreatesNothing() {
        Snapshot source = sim.manualSnapshotOf(US_EAST_1, "events-elastic");
        String key = sim.keyArn(EU_WEST_1, "alias/snapferry-prod-data");

        assertFailure(() -> writer.copy(production, request(source, EU_WEST_1, "events-eu", key)),
                AwsFailure.NotFound.class, "ResourceNotFoundException");
        assertThat(sim.find(EU_WEST_1, "events-eu")).isEmpty();
        assertThat(sim.find(US_EAST_1, "events-eu")).isEmpty();
    }

    @Test
    void anElasticCopyOntoAnExistingNameIsAlreadyExists() {
        Snapshot source = sim.manualSnapshotOf(US_EAST_1, "events-elastic");

        assertFailure(() -> writer.copy(production, request(source, US_EAST_1, source.identifier(), null)),
                AwsFailure.AlreadyExists.class, "ConflictException");
    }

    /**
     * The job polls list a region's manual Elastic snapshots with the documented lower-case filter; the simulator
     * refuses any other spelling, so this fails if the filter drifts back to the response enum's "MANUAL".
     */
    @Test
    void elasticManualListsEveryManualElasticSnapshotOfTheRegionAndNoAutomatedOne() {
        List<Snapshot> listed = writer.elasticManual(production, US_EAST_1);
        List<Snapshot> everything = sim.list(US_EAST_1).stream()
                .filter(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC).toList();

        assertThat(everything).anyMatch(s -> s.type() == SnapshotType.AUTOMATED);
        assertThat(listed).isNotEmpty().allSatisfy(s -> assertThat(s.type()).isEqualTo(SnapshotType.MANUAL))
                .extracting(Snapshot::arn).containsExactlyInAnyOrderElementsOf(everything.stream()
                        .filter(s -> s.type() == SnapshotType.MANUAL).map(Snapshot::arn).toList());
    }

    // ---------------------------------------------------------------------------------------------- create

    @Test
    void createTakesAManualSnapshotOfAnRdsFamilyCluster() {
        ClusterRef cluster = cluster(US_EAST_1, "orders-aurora");

        Snapshot created = writer.create(production, cluster, "orders-aurora-before-release", TAGS);

        assertThat(created.identifier()).isEqualTo("orders-aurora-before-release");
        assertThat(created.engine()).isEqualTo(Engine.AURORA_MYSQL);
        assertThat(created.type()).isEqualTo(SnapshotType.MANUAL);
        assertThat(created.clusterIdentifier()).isEqualTo("orders-aurora");
        assertThat(created.status().state()).isEqualTo(SnapshotState.CREATING);
        assertThat(created.tags()).containsExactlyInAnyOrderElementsOf(TAGS);

        sim.clock.advance(Duration.ofHours(2));
        assertThat(writer.describe(production, US_EAST_1, "orders-aurora-before-release")).get()
                .extracting(s -> s.status().state()).isEqualTo(SnapshotState.AVAILABLE);
    }

    @Test
    void aSnapshotAwsAcceptedIsReturnedEvenWhenDescribingItIsThrottled() {
        ClusterRef cluster = cluster(US_EAST_1, "orders-aurora");
        // One call allowed, then throttled for minutes: the create goes through, the describe after it does not.
        sim.faults(new dev.snapferry.sim.faults.FaultSettings(0, 0.001, 1, 0, List.of(), java.util.Map.of(),
                java.util.Map.of()));
        Snapshot created = writer.create(production, cluster, "created-not-described", TAGS);
        sim.faults(dev.snapferry.sim.faults.FaultSettings.none());

        assertThat(created.identifier()).isEqualTo("created-not-described");
        assertThat(created.status().state()).isEqualTo(SnapshotState.CREATING);
        assertThat(created.arn()).isEqualTo("arn:aws:rds:us-east-1:" + production.accountId()
                + ":cluster-snapshot:created-not-described");
        assertThat(sim.list(US_EAST_1)).extracting(Snapshot::identifier).contains("created-not-described");
    }

    @Test
    void createTakesAManualSnapshotOfAnElasticCluster() {
        ClusterRef cluster = cluster(US_EAST_1, "events-elastic");

        Snapshot created = writer.create(production, cluster, "events-before-release", TAGS);

        assertThat(created.identifier()).isEqualTo("events-before-release");
        assertThat(created.engine()).isEqualTo(Engine.DOCUMENTDB_ELASTIC);
        assertThat(created.type()).isEqualTo(SnapshotType.MANUAL);
        assertThat(created.status().state()).isEqualTo(SnapshotState.CREATING);
        assertThat(created.arn()).startsWith("arn:aws:docdb-elastic:us-east-1:" + production.accountId() + ":");

        sim.clock.advance(Duration.ofHours(2));
        assertThat(sim.find(US_EAST_1, "events-before-release")).get()
                .satisfies(s -> assertThat(s.status().state()).isEqualTo(SnapshotState.AVAILABLE))
                .satisfies(s -> assertThat(s.clusterIdentifier()).isEqualTo("events-elastic"));
        assertThat(production.clients().elastic(US_EAST_1).listTagsForResource(b -> b.resourceArn(created.arn()))
                .tags()).isEqualTo(tagMap(TAGS));
    }

    @Test
    void createForAnUnknownClusterIsNotFound() {
        ClusterRef rds = new ClusterRef("no-such-cluster", "arn:aws:rds:us-east-1:111122223333:cluster:no-such-cluster",
                Engine.AURORA_MYSQL, US_EAST_1, "available");
        ClusterRef elastic = new ClusterRef("no-such-elastic", "arn:aws:docdb-elastic:us-east-1:111122223333:cluster/"
                + "00000000-0000-0000-0000-000000000000", Engine.DOCUMENTDB_ELASTIC, US_EAST_1, "ACTIVE");

        assertFailure(() -> writer.create(production, rds, "never", List.of()), AwsFailure.NotFound.class,
                "DBClusterNotFoundFault");
        assertFailure(() -> writer.create(production, elastic, "never", List.of()), AwsFailure.NotFound.class,
                "ResourceNotFoundException");
    }

    // ---------------------------------------------------------------------------------------------- delete

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deleteRemovesAManualSnapshot(Engine engine) {
        Source src = SOURCES.get(engine);
        Snapshot manual = sim.manualSnapshotOf(src.region(), src.cluster());

        writer.delete(production, manual);

        assertThat(sim.find(src.region(), manual.identifier())).isEmpty();
        if (engine != Engine.DOCUMENTDB_ELASTIC) {
            assertThat(writer.describe(production, src.region(), manual.identifier())).isEmpty();
        }
    }

    @Test
    void deletingAnAutomatedSnapshotIsInvalidState() {
        Snapshot automated = sim.automatedSnapshotOf(US_EAST_1, "orders-aurora");

        assertFailure(() -> writer.delete(production, automated), AwsFailure.InvalidState.class,
                "InvalidDBClusterSnapshotStateFault");
        assertThat(sim.find(US_EAST_1, automated.identifier())).isPresent();
    }

    @Test
    void deletingACopyInProgressCancelsItAndFreesACopySlot() {
        Snapshot source = sim.manualSnapshotOf(US_EAST_1, "orders-aurora");
        List<Snapshot> copies = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> writer.copy(production, request(source, US_EAST_1, "slot-" + i, null))).toList();
        assertFailure(() -> writer.copy(production, request(source, US_EAST_1, "slot-6", null)),
                AwsFailure.QuotaExceeded.class, "SnapshotQuotaExceeded");

        writer.delete(production, copies.get(2));

        assertThat(sim.find(US_EAST_1, "slot-3")).isEmpty();
        assertThat(writer.describe(production, US_EAST_1, "slot-3")).isEmpty();
        assertThat(writer.copy(production, request(source, US_EAST_1, "slot-6", null)).status().raw())
                .isEqualToIgnoringCase("copying");
    }

    @Test
    void deletingAnElasticCopyInProgressCancelsIt() {
        Snapshot source = sim.manualSnapshotOf(US_EAST_1, "events-elastic");
        Snapshot copy = writer.copy(production, request(source, US_EAST_1, "events-copy", null));
        assertThat(copy.status().state()).isEqualTo(SnapshotState.COPYING);

        writer.delete(production, copy);

        sim.clock.advance(Duration.ofDays(1));
        assertThat(sim.find(US_EAST_1, "events-copy")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- tags

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = "DOCUMENTDB_ELASTIC", mode = EnumSource.Mode.EXCLUDE)
    void tagsAreAddedAndRemovedOnAnRdsFamilySnapshot(Engine engine) {
        Source src = SOURCES.get(engine);
        Snapshot snapshot = sim.manualSnapshotOf(src.region(), src.cluster());

        writer.addTags(production, snapshot, List.of(new Tag("Reviewed", "2026-q4"), new Tag("Owner", "dba team")));
        assertThat(sim.find(src.region(), snapshot.identifier()).orElseThrow().tags())
                .contains(new Tag("Reviewed", "2026-q4"), new Tag("Owner", "dba team"));

        writer.removeTags(production, snapshot, List.of("Reviewed"));
        assertThat(sim.find(src.region(), snapshot.identifier()).orElseThrow().tags())
                .contains(new Tag("Owner", "dba team"))
                .extracting(Tag::key).doesNotContain("Reviewed");
    }

    @Test
    void tagsAreAddedAndRemovedOnAnElasticSnapshot() {
        Snapshot snapshot = sim.manualSnapshotOf(US_EAST_1, "events-elastic");
        var elastic = production.clients().elastic(US_EAST_1);

        writer.addTags(production, snapshot, List.of(new Tag("Reviewed", "2026-q4"), new Tag("Owner", "dba team")));
        assertThat(elastic.listTagsForResource(b -> b.resourceArn(snapshot.arn())).tags())
                .containsEntry("Reviewed", "2026-q4").containsEntry("Owner", "dba team");

        writer.removeTags(production, snapshot, List.of("Reviewed"));
        assertThat(elastic.listTagsForResource(b -> b.resourceArn(snapshot.arn())).tags())
                .containsEntry("Owner", "dba team").doesNotContainKey("Reviewed");
    }

    @Test
    void fiftyOneTagsOnAnRdsFamilySnapshotAreAnInvalidParameter() {
        List<Tag> tooMany = IntStream.rangeClosed(1, 51).mapToObj(i -> new Tag("k" + i, "v" + i)).toList();
        Snapshot rds = sim.manualSnapshotOf(US_EAST_1, "orders-aurora");

        // No RDS-family model declares a tag-quota fault: RDS answers InvalidParameterValue (see RdsErrors).
        assertFailure(() -> writer.addTags(production, rds, tooMany), AwsFailure.InvalidParameter.class,
                "InvalidParameterValue");
    }

    /**
     * Elastic's TagResource documents no quota error: 51 tags in one request are a ValidationException (an invalid
     * parameter); only tags that overflow the 50 already on the snapshot come back as ServiceQuotaExceededException.
     */
    @Test
    void tooManyTagsOnAnElasticSnapshotAreRefused() {
        Snapshot elastic = sim.manualSnapshotOf(US_EAST_1, "events-elastic");
        int existing = production.clients().elastic(US_EAST_1)
                .listTagsForResource(b -> b.resourceArn(elastic.arn())).tags().size();
        assertThat(existing).isBetween(1, 50);
        List<Tag> fiftyOne = IntStream.rangeClosed(1, 51).mapToObj(i -> new Tag("k" + i, "v" + i)).toList();
        List<Tag> overflow = IntStream.rangeClosed(1, 51 - existing).mapToObj(i -> new Tag("k" + i, "v" + i))
                .toList();

        assertFailure(() -> writer.addTags(production, elastic, fiftyOne), AwsFailure.InvalidParameter.class,
                "ValidationException");
        assertFailure(() -> writer.addTags(production, elastic, overflow), AwsFailure.QuotaExceeded.class,
                "ServiceQuotaExceededException");
    }

    // ---------------------------------------------------------------------------------------------- clusters

    @Test
    void clustersListsBothApiFamiliesWithTheirEngines() {
        List<ClusterRef> clusters = writer.clusters(production, US_EAST_1);

        Map<String, Engine> engines = clusters.stream()
                .collect(Collectors.toMap(ClusterRef::identifier, ClusterRef::engine));
        assertThat(engines).containsExactlyInAnyOrderEntriesOf(Map.of(
                "orders-aurora", Engine.AURORA_MYSQL,
                "billing-pg", Engine.AURORA_POSTGRESQL,
                "ledger-mysql", Engine.RDS_MULTI_AZ_CLUSTER,
                "catalog-docdb", Engine.DOCUMENTDB,
                "graph-neptune", Engine.NEPTUNE,
                "events-elastic", Engine.DOCUMENTDB_ELASTIC));
        assertThat(clusters).allMatch(ClusterRef::available).allMatch(c -> c.region().equals(US_EAST_1));
        assertThat(clusters).filteredOn(c -> c.engine() == Engine.DOCUMENTDB_ELASTIC)
                .allMatch(c -> c.arn().startsWith("arn:aws:docdb-elastic:us-east-1:"));
        assertThat(clusters).filteredOn(c -> c.engine() != Engine.DOCUMENTDB_ELASTIC)
                .allMatch(c -> c.arn().equals("arn:aws:rds:us-east-1:111122223333:cluster:" + c.identifier()));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private CopyRequest request(Snapshot source, RegionRef destination, String target, String kmsKeyId) {
        return new CopyRequest(source, production.account(), destination, target, kmsKeyId, false, TAGS);
    }

    private ClusterRef cluster(RegionRef region, String identifier) {
        return writer.clusters(production, region).stream().filter(c -> c.identifier().equals(identifier))
                .findFirst().orElseThrow();
    }

    private static String slug(Engine engine) {
        return engine.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Map<String, String> tagMap(List<Tag> tags) {
        return tags.stream().collect(Collectors.toMap(Tag::key, Tag::value));
    }

    static void assertFailure(ThrowingCallable call, Class<? extends AwsFailure> kind, String awsCode) {
        assertThatThrownBy(call).isInstanceOf(AwsCallException.class)
                .satisfies((Consumer<Throwable>) e -> {
                    AwsFailure failure = ((AwsCallException) e).failure();
                    assertThat(failure).isInstanceOf(kind);
                    assertThat(failure.awsCode()).isEqualTo(awsCode);
                    assertThat(failure.awsMessage()).isNotBlank();
                });
    }
}
