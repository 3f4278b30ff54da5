package dev.snapferry.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotAlreadyExistsException;

/** The demo dataset through every real client: the wire formats parse and the engines mix as on AWS. */
class SimulatorSmokeTest {

    private static final SimClock.Manual CLOCK = SimClock.manual(Instant.parse("2026-11-20T12:00:00Z"));
    private static Simulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, CLOCK, FaultSettings.none(), new DemoDataset()));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void everyClientListsEveryEngineFromTheOneBackend() {
        SimClients prod = SimClients.production(simulator, "us-east-1");
        try (RdsClient rds = prod.rds()) {
            List<DBClusterSnapshot> all = rds.describeDBClusterSnapshotsPaginator(b -> b.maxRecords(20))
                    .dbClusterSnapshots().stream().toList();
            assertThat(all.stream().map(DBClusterSnapshot::engine).collect(Collectors.toSet()))
                    .contains("aurora-mysql", "aurora-postgresql", "docdb", "neptune", "mysql");
            assertThat(all).anySatisfy(s -> assertThat(s.tagList()).isNotEmpty());
        }
        try (var docdb = prod.docdb()) {
            assertThat(docdb.describeDBClusterSnapshots(b -> b.maxRecords(100)).dbClusterSnapshots())
                    .extracting(s -> s.engine()).contains("neptune", "aurora-mysql");
        }
        try (var neptune = prod.neptune()) {
            assertThat(neptune.describeDBClusterSnapshots(b -> b.maxRecords(100)).dbClusterSnapshots())
                    .extracting(s -> s.engine()).contains("docdb");
        }
        try (var elastic = prod.elastic()) {
            assertThat(elastic.listClusterSnapshots(b -> b.maxResults(20)).snapshots()).isNotEmpty();
        }
        try (var kms = prod.kms()) {
            assertThat(kms.listAliases().aliases()).extracting(a -> a.aliasName())
                    .contains("alias/snapferry-prod-data", "alias/aws/rds");
        }
        try (var sts = prod.sts()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(DemoAccounts.PRODUCTION);
        }
    }

    @Test
    void crossRegionEncryptedCopyRunsThenCompletes() {
        SimClients west = SimClients.production(simulator, "eu-central-1");
        String source;
        try (RdsClient rds = SimClients.production(simulator, "us-east-1").rds()) {
            source = rds.describeDBClusterSnapshots(b -> b.dbClusterIdentifier("catalog-docdb")
                    .snapshotType("manual")).dbClusterSnapshots().getFirst().dbClusterSnapshotArn();
        }
        String key;
        try (var kms = west.kms()) {
            key = kms.listAliases().aliases().stream().filter(a -> a.aliasName().equals("alias/snapferry-prod-data"))
                    .findFirst().orElseThrow().aliasArn();
        }
        try (RdsClient rds = west.rds()) {
            DBClusterSnapshot copy = rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(source)
                    .targetDBClusterSnapshotIdentifier("Catalog-Copy-1").kmsKeyId(key).sourceRegion("us-east-1")
                    .copyTags(true)).dbClusterSnapshot();
            assertThat(copy.status()).isEqualTo("copying");
            assertThat(copy.dbClusterSnapshotIdentifier()).isEqualTo("catalog-copy-1");
            assertThatThrownBy(() -> rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(source)
                    .targetDBClusterSnapshotIdentifier("catalog-copy-1").kmsKeyId(key).sourceRegion("us-east-1")))
                    .isInstanceOf(DbClusterSnapshotAlreadyExistsException.class);
            CLOCK.advance(Duration.ofHours(3));
            DBClusterSnapshot done = rds.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier(
                    "catalog-copy-1")).dbClusterSnapshots().getFirst();
            assertThat(done.status()).isEqualTo("available");
            assertThat(done.percentProgress()).isEqualTo(100);
            assertThat(done.sourceDBClusterSnapshotArn()).isEqualTo(source);
        }
    }
}
