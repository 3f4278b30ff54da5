package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.RdsException;

/** DescribeDBClusterSnapshots over the demo dataset, read only, through the real SDK clients. */
class DescribeDbClusterSnapshotsTest {

    private static final String AUTOMATED_NAME = "^rds:[a-z][a-z0-9-]*-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}$";

    private static RdsSim sim;
    private static RdsClient rds;

    @BeforeAll
    static void start() {
        sim = RdsSim.demo();
        rds = sim.rds("us-east-1");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static List<DBClusterSnapshot> all(RdsClient client,
            Consumer<DescribeDbClusterSnapshotsRequest.Builder> request) {
        return client.describeDBClusterSnapshotsPaginator(request).dbClusterSnapshots().stream().toList();
    }

    private static Set<String> arns(List<DBClusterSnapshot> snapshots) {
        return snapshots.stream().map(DBClusterSnapshot::dbClusterSnapshotArn).collect(Collectors.toSet());
    }

    @Test
    void rdsDocDbAndNeptuneClientsAllReturnEveryEngine() {
        List<DBClusterSnapshot> viaRds = all(rds, b -> b.maxRecords(20));
        assertThat(viaRds).extracting(DBClusterSnapshot::engine).contains("aurora-mysql", "aurora-postgresql",
                "docdb", "neptune", "mysql");

        var viaDocDb = sim.docdb("us-east-1").describeDBClusterSnapshotsPaginator(b -> b.maxRecords(20))
                .dbClusterSnapshots().stream().toList();
        var viaNeptune = sim.neptune("us-east-1").describeDBClusterSnapshotsPaginator(b -> b.maxRecords(20))
                .dbClusterSnapshots().stream().toList();
        assertThat(viaDocDb).extracting(s -> s.engine()).contains("aurora-mysql", "aurora-postgresql", "neptune",
                "mysql", "docdb");
        assertThat(viaNeptune).extracting(s -> s.engine()).contains("aurora-mysql", "aurora-postgresql", "docdb",
                "mysql", "neptune");
        assertThat(viaDocDb.stream().map(s -> s.dbClusterSnapshotArn()).collect(Collectors.toSet()))
                .isEqualTo(arns(viaRds));
        assertThat(viaNeptune.stream().map(s -> s.dbClusterSnapshotArn()).collect(Collectors.toSet()))
                .isEqualTo(arns(viaRds));
    }

    @Test
    void elasticSnapshotsAreNotListedByTheRdsFamilyCall() {
        assertThat(all(rds, b -> { })).extracting(DBClusterSnapshot::engine).doesNotContain("docdb-elastic")
                .allSatisfy(engine -> assertThat(engine).isNotBlank());
        assertThat(all(rds, b -> { })).extracting(DBClusterSnapshot::dbClusterIdentifier)
                .doesNotContain("events-elastic");
    }

    @Test
    void identifierLookupIgnoresCaseAndReturnsTheLowerCaseIdentifier() {
        DBClusterSnapshot manual = sim.newestManual("us-east-1", "orders-aurora");
        List<DBClusterSnapshot> found = rds.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier(
                manual.dbClusterSnapshotIdentifier().toUpperCase(Locale.ROOT))).dbClusterSnapshots();
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.dbClusterSnapshotIdentifier()).isEqualTo(manual.dbClusterSnapshotIdentifier())
                    .isLowerCase();
            assertThat(s.dbClusterSnapshotArn()).isEqualTo(manual.dbClusterSnapshotArn());
        });
    }

    @Test
    void automatedSnapshotIsFoundByItsRdsPrefixedIdentifier() {
        // "If this identifier is for an automated snapshot, the SnapshotType parameter must also be specified."
        List<DBClusterSnapshot> found = rds.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier(
                "RDS:Orders-Aurora-2026-11-20-05-10").snapshotType("automated")).dbClusterSnapshots();
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.dbClusterSnapshotIdentifier()).isEqualTo("rds:orders-aurora-2026-11-20-05-10");
            assertThat(s.snapshotType()).isEqualTo("automated");
        });
    }

    @Test
    void arnLookupReturnsThatSnapshot() {
        DBClusterSnapshot manual = sim.newestManual("us-east-1", "catalog-docdb");
        List<DBClusterSnapshot> found = rds.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier(
                manual.dbClusterSnapshotArn())).dbClusterSnapshots();
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.dbClusterSnapshotIdentifier()).isEqualTo(manual.dbClusterSnapshotIdentifier());
            assertThat(s.engine()).isEqualTo("docdb");
        });
    }

    @Test
    void unknownIdentifierIsNotFound() {
        DbClusterSnapshotNotFoundException e = catchThrowableOfType(DbClusterSnapshotNotFoundException.class,
                () -> rds.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier("no-such-snapshot")));
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DBClusterSnapshotNotFoundFault");
    }

    @Test
    void unknownArnIsNotFound() {
        assertThatThrownBy(() -> rds.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier(
                "arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster-snapshot:no-such-snapshot")))
                .isInstanceOf(DbClusterSnapshotNotFoundException.class);
    }

    @Test
    void unknownIdentifierIsNotFoundThroughDocDbAndNeptuneToo() {
        assertThatThrownBy(() -> sim.docdb("us-east-1").describeDBClusterSnapshots(b -> b
                .dbClusterSnapshotIdentifier("no-such-snapshot")))
                .isInstanceOf(software.amazon.awssdk.services.docdb.model.DbClusterSnapshotNotFoundException.class);
        assertThatThrownBy(() -> sim.neptune("us-east-1").describeDBClusterSnapshots(b -> b
                .dbClusterSnapshotIdentifier("no-such-snapshot")))
                .isInstanceOf(
                        software.amazon.awssdk.services.neptune.model.DbClusterSnapshotNotFoundException.class);
    }

    @Test
    void anotherAccountsSnapshotThatIsNotSharedIsNotFoundByArn() {
        DBClusterSnapshot drAutomated = sim.drRds("us-east-1").describeDBClusterSnapshots(b -> b
                .snapshotType("automated")).dbClusterSnapshots().getFirst();
        assertThatThrownBy(() -> rds.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier(
                drAutomated.dbClusterSnapshotArn()))).isInstanceOf(DbClusterSnapshotNotFoundException.class);
    }

    @Test
    void clusterIdentifierSelectsThatClustersAutomatedAndManualSnapshots() {
        List<DBClusterSnapshot> found = all(rds, b -> b.dbClusterIdentifier("orders-aurora"));
        assertThat(found).hasSize(7 + 4).allSatisfy(s -> assertThat(s.dbClusterIdentifier())
                .isEqualTo("orders-aurora"));
        assertThat(found).extracting(DBClusterSnapshot::snapshotType).containsOnly("automated", "manual");
        assertThat(all(rds, b -> b.dbClusterIdentifier("ORDERS-AURORA"))).hasSize(11);
    }

    @Test
    void automatedTypeReturnsOnlyAutomatedSnapshotsNamedAfterClusterAndTime() {
        List<DBClusterSnapshot> automated = all(rds, b -> b.snapshotType("automated"));
        assertThat(automated).hasSize(5 * 7).allSatisfy(s -> {
            assertThat(s.snapshotType()).isEqualTo("automated");
            assertThat(s.dbClusterSnapshotIdentifier()).matches(AUTOMATED_NAME)
                    .startsWith("rds:" + s.dbClusterIdentifier() + "-");
            assertThat(s.status()).isEqualTo("available");
            assertThat(s.percentProgress()).isEqualTo(100);
        });
        assertThat(automated).extracting(DBClusterSnapshot::dbClusterSnapshotIdentifier)
                .contains("rds:orders-aurora-2026-11-20-05-10", "rds:orders-aurora-2026-11-14-05-10");
    }

    @Test
    void manualTypeReturnsOnlyManualSnapshots() {
        List<DBClusterSnapshot> manual = all(rds, b -> b.snapshotType("manual"));
        // orders-aurora 4, billing-pg 3, catalog-docdb 2, graph-neptune 2, ledger-mysql 1
        assertThat(manual).hasSize(12).allSatisfy(s -> {
            assertThat(s.snapshotType()).isEqualTo("manual");
            assertThat(s.dbClusterSnapshotIdentifier()).doesNotStartWith("rds:");
        });
    }

    @Test
    void withoutTypeAutomatedAndManualComeBackButNoOtherAccounts() {
        List<DBClusterSnapshot> found = all(rds, b -> { });
        assertThat(found).hasSize(35 + 12);
        assertThat(found).extracting(DBClusterSnapshot::snapshotType).containsOnly("automated", "manual");
        assertThat(found).allSatisfy(s -> assertThat(s.dbClusterSnapshotArn()).contains(":" + RdsSim.PROD + ":"));
    }

    @Test
    void includeSharedAddsTheSnapshotTheDrAccountShares() {
        List<DBClusterSnapshot> found = all(rds, b -> b.includeShared(true));
        List<DBClusterSnapshot> shared = found.stream().filter(s -> s.snapshotType().equals("shared")).toList();
        assertThat(shared).singleElement().satisfies(s -> {
            assertThat(s.dbClusterSnapshotArn()).startsWith("arn:aws:rds:us-east-1:" + RdsSim.DR
                    + ":cluster-snapshot:");
            assertThat(s.dbClusterIdentifier()).isEqualTo("dr-orders-aurora");
            assertThat(s.storageEncrypted()).isTrue();
        });
        assertThat(found).hasSize(47 + 1);
    }

    @Test
    void sharedTypeReturnsOnlySnapshotsSharedWithTheCaller() {
        List<DBClusterSnapshot> shared = all(rds, b -> b.snapshotType("shared"));
        assertThat(shared).singleElement().satisfies(s -> {
            assertThat(s.snapshotType()).isEqualTo("shared");
            assertThat(s.dbClusterIdentifier()).isEqualTo("dr-orders-aurora");
        });
        // The DR account itself sees its snapshot as manual, and nothing shared in us-east-1.
        assertThat(sim.drRds("us-east-1").describeDBClusterSnapshots(b -> b.snapshotType("shared"))
                .dbClusterSnapshots()).isEmpty();
    }

    @Test
    void drUnencryptedSharedSnapshotIsAlsoPublic() {
        RdsClient euWest = sim.rds("eu-west-1");
        assertThat(all(euWest, b -> { })).noneMatch(s -> s.dbClusterSnapshotArn().contains(RdsSim.DR));

        List<DBClusterSnapshot> withPublic = all(euWest, b -> b.includePublic(true));
        assertThat(withPublic.stream().filter(s -> s.dbClusterSnapshotArn().contains(RdsSim.DR)).toList())
                .singleElement().satisfies(s -> {
                    assertThat(s.snapshotType()).isEqualTo("public");
                    assertThat(s.engine()).isEqualTo("docdb");
                    assertThat(s.storageEncrypted()).isFalse();
                });

        assertThat(all(euWest, b -> b.snapshotType("public"))).singleElement()
                .satisfies(s -> assertThat(s.dbClusterIdentifier()).isEqualTo("dr-catalog-docdb"));
        assertThat(all(euWest, b -> b.snapshotType("shared"))).singleElement()
                .satisfies(s -> assertThat(s.snapshotType()).isEqualTo("shared"));
    }

    @Test
    void encryptedSharedSnapshotIsNotPublic() {
        assertThat(all(rds, b -> b.snapshotType("public"))).isEmpty();
        assertThat(all(rds, b -> b.includePublic(true))).extracting(DBClusterSnapshot::snapshotType)
                .containsOnly("automated", "manual");
    }

    @Test
    void engineFilterKeepsOnlyThatEngine() {
        List<DBClusterSnapshot> docdb = all(rds, b -> b.filters(Filter.builder().name("engine").values("docdb")
                .build()));
        assertThat(docdb).hasSize(7 + 2).allSatisfy(s -> assertThat(s.engine()).isEqualTo("docdb"));

        List<DBClusterSnapshot> two = all(rds, b -> b.filters(Filter.builder().name("engine")
                .values("neptune", "mysql").build()));
        assertThat(two).hasSize(7 + 2 + 7 + 1).extracting(DBClusterSnapshot::engine)
                .containsOnly("neptune", "mysql");
    }

    @Test
    void dbClusterIdFilterAcceptsIdentifierOrArn() {
        assertThat(all(rds, b -> b.filters(Filter.builder().name("db-cluster-id").values("billing-pg").build())))
                .hasSize(7 + 3).allSatisfy(s -> assertThat(s.dbClusterIdentifier()).isEqualTo("billing-pg"));
        assertThat(all(rds, b -> b.filters(Filter.builder().name("db-cluster-id")
                .values("arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster:billing-pg").build()))).hasSize(10);
    }

    @Test
    void snapshotTypeFilterKeepsOnlyThatType() {
        assertThat(all(rds, b -> b.filters(Filter.builder().name("snapshot-type").values("manual").build())))
                .hasSize(12).allSatisfy(s -> assertThat(s.snapshotType()).isEqualTo("manual"));
        assertThat(all(rds, b -> b.includeShared(true).filters(Filter.builder().name("snapshot-type")
                .values("shared").build()))).singleElement()
                .satisfies(s -> assertThat(s.snapshotType()).isEqualTo("shared"));
    }

    @Test
    void snapshotIdFilterAcceptsIdentifierOrArn() {
        DBClusterSnapshot manual = sim.newestManual("us-east-1", "graph-neptune");
        assertThat(all(rds, b -> b.filters(Filter.builder().name("db-cluster-snapshot-id")
                .values(manual.dbClusterSnapshotIdentifier()).build()))).singleElement()
                .satisfies(s -> assertThat(s.dbClusterSnapshotArn()).isEqualTo(manual.dbClusterSnapshotArn()));
        assertThat(all(rds, b -> b.filters(Filter.builder().name("db-cluster-snapshot-id")
                .values(manual.dbClusterSnapshotArn()).build()))).hasSize(1);
    }

    @Test
    void filtersCombineWithAnd() {
        assertThat(all(rds, b -> b.filters(Filter.builder().name("engine").values("aurora-mysql").build(),
                Filter.builder().name("snapshot-type").values("manual").build())))
                .hasSize(4).allSatisfy(s -> {
                    assertThat(s.engine()).isEqualTo("aurora-mysql");
                    assertThat(s.snapshotType()).isEqualTo("manual");
                });
    }

    @Test
    void unknownFilterNameIsInvalidParameterValue() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.describeDBClusterSnapshots(b -> b
                .filters(Filter.builder().name("status").values("available").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 101, 1000})
    void maxRecordsOutside20To100IsInvalidParameterValue(int maxRecords) {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.describeDBClusterSnapshots(b -> b
                .maxRecords(maxRecords)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 100})
    void maxRecordsAtTheLimitsIsAccepted(int maxRecords) {
        var page = rds.describeDBClusterSnapshots(b -> b.maxRecords(maxRecords));
        assertThat(page.dbClusterSnapshots()).hasSizeLessThanOrEqualTo(maxRecords).isNotEmpty();
    }

    @Test
    void unknownSnapshotTypeIsInvalidParameterValue() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.describeDBClusterSnapshots(b -> b
                .snapshotType("nightly")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void snapshotsCarryTheirTagList() {
        DBClusterSnapshot tagged = sim.newestManual("us-east-1", "orders-aurora");
        assertThat(tagged.hasTagList()).isTrue();
        assertThat(tagged.tagList()).extracting(t -> t.key())
                .contains("Environment", "Owner", "CostCenter", "Application");
        assertThat(tagged.tagList()).anySatisfy(t -> {
            assertThat(t.key()).isEqualTo("Environment");
            assertThat(t.value()).isEqualTo("production");
        });
        DBClusterSnapshot partlyTagged = sim.newestManual("us-east-1", "graph-neptune");
        assertThat(partlyTagged.tagList()).extracting(t -> t.key()).contains("Environment")
                .doesNotContain("Owner", "CostCenter");
        DBClusterSnapshot untagged = sim.snapshot("us-east-1", "rds:graph-neptune-2026-11-20-05-10");
        assertThat(untagged.hasTagList()).isTrue();
        assertThat(untagged.tagList()).isEmpty();
    }

    @Test
    void snapshotsDescribeTheirEncryption() {
        DBClusterSnapshot encrypted = sim.newestManual("us-east-1", "orders-aurora");
        assertThat(encrypted.storageEncrypted()).isTrue();
        assertThat(encrypted.kmsKeyId()).startsWith("arn:aws:kms:us-east-1:" + RdsSim.PROD + ":key/");
        DBClusterSnapshot plain = sim.newestManual("us-east-1", "graph-neptune");
        assertThat(plain.storageEncrypted()).isFalse();
        assertThat(plain.kmsKeyId()).isNull();
    }

    @Test
    void copiesInFlightAreListedAsCopying() {
        List<DBClusterSnapshot> west = all(sim.rds("us-west-2"), b -> b.snapshotType("manual"));
        assertThat(west).filteredOn(s -> s.dbClusterSnapshotIdentifier().startsWith("orders-aurora-dr-copy-"))
                .hasSize(3).allSatisfy(s -> {
                    assertThat(s.status()).isEqualTo("copying");
                    assertThat(s.sourceDBClusterSnapshotArn()).startsWith("arn:aws:rds:us-east-1:" + RdsSim.PROD);
                });
    }
}
