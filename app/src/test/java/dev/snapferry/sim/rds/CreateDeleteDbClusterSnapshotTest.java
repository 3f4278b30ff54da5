package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterSnapshotStateException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterStateException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

/** CreateDBClusterSnapshot and DeleteDBClusterSnapshot, including cancelling a copy by deleting its target. */
class CreateDeleteDbClusterSnapshotTest {

    private RdsSim sim;
    private RdsClient rds;

    @BeforeEach
    void start() {
        sim = RdsSim.with(Fixture.create().in(RdsSim.PROD, "us-east-1", r -> {
            var key = r.key("alias/lifecycle");
            // 270 GiB: a creation takes 30 s + 1 s per GiB = 300 s; a same-region copy 60 s + 2 s per GiB = 600 s.
            var aurora = r.cluster("orders-aurora", "aurora-mysql", 270, key);
            r.cluster("catalog-docdb", "docdb", 100, key);
            r.cluster("graph-neptune", "neptune", 100, null);
            r.cluster("stopped-aurora", "aurora-postgresql", 50, null, "stopped");
            r.cluster("upgrading-aurora", "aurora-postgresql", 50, null, "upgrading");
            r.snapshot(aurora, "orders-manual-1", "manual", Map.of("Owner", "payments"));
            r.snapshot(aurora, "rds:orders-aurora-2026-11-20-05-10", "automated", Map.of());
        }));
        rds = sim.rds("us-east-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void createdSnapshotIsCreatingThenAvailable() {
        DBClusterSnapshot created = rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier("Orders-Aurora")
                .dbClusterSnapshotIdentifier("Before-Upgrade").tags(Tag.builder().key("Purpose").value("upgrade")
                        .build())).dbClusterSnapshot();
        assertThat(created.dbClusterSnapshotIdentifier()).isEqualTo("before-upgrade");
        assertThat(created.dbClusterSnapshotArn())
                .isEqualTo("arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster-snapshot:before-upgrade");
        assertThat(created.dbClusterIdentifier()).isEqualTo("orders-aurora");
        assertThat(created.status()).isEqualTo("creating");
        assertThat(created.snapshotType()).isEqualTo("manual");
        assertThat(created.percentProgress()).isZero();
        assertThat(created.engine()).isEqualTo("aurora-mysql");
        assertThat(created.storageEncrypted()).isTrue();
        assertThat(created.kmsKeyId()).isEqualTo(sim.prodKeyArn("us-east-1", "alias/lifecycle"));
        assertThat(created.sourceDBClusterSnapshotArn()).isNull();
        assertThat(created.tagList()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("Purpose");
            assertThat(t.value()).isEqualTo("upgrade");
        });

        sim.advance(Duration.ofSeconds(150));
        DBClusterSnapshot half = sim.snapshot("us-east-1", "before-upgrade");
        assertThat(half.status()).isEqualTo("creating");
        assertThat(half.percentProgress()).isBetween(45, 55);

        sim.advance(Duration.ofSeconds(150));
        DBClusterSnapshot done = sim.snapshot("us-east-1", "before-upgrade");
        assertThat(done.status()).isEqualTo("available");
        assertThat(done.percentProgress()).isEqualTo(100);
        assertThat(done.snapshotCreateTime()).isEqualTo(RdsSim.START);
    }

    @Test
    void docDbAndNeptuneClientsCreateSnapshotsOfTheirClusters() {
        var docdb = sim.docdb("us-east-1").createDBClusterSnapshot(b -> b.dbClusterIdentifier("catalog-docdb")
                .dbClusterSnapshotIdentifier("catalog-now")).dbClusterSnapshot();
        assertThat(docdb.engine()).isEqualTo("docdb");
        assertThat(docdb.status()).isEqualTo("creating");
        var neptune = sim.neptune("us-east-1").createDBClusterSnapshot(b -> b.dbClusterIdentifier("graph-neptune")
                .dbClusterSnapshotIdentifier("graph-now")).dbClusterSnapshot();
        assertThat(neptune.engine()).isEqualTo("neptune");
        assertThat(neptune.storageEncrypted()).isFalse();
    }

    @Test
    void creatingASnapshotOfAnUnknownClusterIsDbClusterNotFound() {
        DbClusterNotFoundException e = catchThrowableOfType(DbClusterNotFoundException.class,
                () -> rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier("no-such-cluster")
                        .dbClusterSnapshotIdentifier("orphan")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DBClusterNotFoundFault");
        assertThat(e.statusCode()).isEqualTo(404);
    }

    @Test
    void creatingASnapshotOfAClusterInAnotherRegionIsDbClusterNotFound() {
        assertThatThrownBy(() -> sim.rds("us-west-2").createDBClusterSnapshot(b -> b
                .dbClusterIdentifier("orders-aurora").dbClusterSnapshotIdentifier("orphan")))
                .isInstanceOf(DbClusterNotFoundException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stopped-aurora", "upgrading-aurora"})
    void creatingASnapshotOfAClusterThatIsNotAvailableIsInvalidDbClusterState(String cluster) {
        InvalidDbClusterStateException e = catchThrowableOfType(InvalidDbClusterStateException.class,
                () -> rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier(cluster)
                        .dbClusterSnapshotIdentifier("not-now")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidDBClusterStateFault");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9-lives", "ends-with-", "double--hyphen", "under_score", "rds:orders-aurora-manual",
            "a123456789012345678901234567890123456789012345678901234567890123"})
    void creatingWithAnInvalidIdentifierIsInvalidParameterValue(String id) {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.createDBClusterSnapshot(b -> b
                .dbClusterIdentifier("orders-aurora").dbClusterSnapshotIdentifier(id)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void creatingAnIdentifierThatExistsInAnyCaseIsAlreadyExists() {
        DbClusterSnapshotAlreadyExistsException e = catchThrowableOfType(
                DbClusterSnapshotAlreadyExistsException.class, () -> rds.createDBClusterSnapshot(b -> b
                        .dbClusterIdentifier("orders-aurora").dbClusterSnapshotIdentifier("ORDERS-MANUAL-1")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DBClusterSnapshotAlreadyExistsFault");

        rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders-aurora").dbClusterSnapshotIdentifier("twice"));
        assertThatThrownBy(() -> rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier("catalog-docdb")
                .dbClusterSnapshotIdentifier("Twice"))).isInstanceOf(DbClusterSnapshotAlreadyExistsException.class);
    }

    @Test
    void creatingWithAReservedTagIsInvalidParameterValue() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.createDBClusterSnapshot(b -> b
                .dbClusterIdentifier("orders-aurora").dbClusterSnapshotIdentifier("tagged")
                .tags(Tag.builder().key("aws:owner").value("x").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    /**
     * No RDS-family model declares a tag-quota fault (rds, docdb, neptune 2014-10-31: AddTagsToResource,
     * CopyDBClusterSnapshot, CreateDBClusterSnapshot); the RDS user guide gives the limit ("A tag set can contain as
     * many as 50 tags") and RDS answers other tag refusals with InvalidParameterValue, so 51 tags expect that.
     */
    @Test
    void creatingWithFiftyOneTagsIsInvalidParameterValue() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.createDBClusterSnapshot(b -> b
                .dbClusterIdentifier("orders-aurora").dbClusterSnapshotIdentifier("tagged")
                .tags(java.util.stream.IntStream.range(0, 51)
                        .mapToObj(i -> Tag.builder().key("K" + i).value("v").build()).toList())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void deletingAManualSnapshotRemovesIt() {
        DBClusterSnapshot deleted = rds.deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier("Orders-Manual-1"))
                .dbClusterSnapshot();
        assertThat(deleted.dbClusterSnapshotIdentifier()).isEqualTo("orders-manual-1");
        assertThat(deleted.status()).isEqualTo("deleting");
        assertThatThrownBy(() -> sim.snapshot("us-east-1", "orders-manual-1"))
                .isInstanceOf(DbClusterSnapshotNotFoundException.class);
        assertThat(rds.describeDBClusterSnapshots(b -> b.snapshotType("manual")).dbClusterSnapshots()).isEmpty();
    }

    @Test
    void deletingAnAutomatedSnapshotIsInvalidSnapshotState() {
        InvalidDbClusterSnapshotStateException e = catchThrowableOfType(
                InvalidDbClusterSnapshotStateException.class, () -> rds.deleteDBClusterSnapshot(b -> b
                        .dbClusterSnapshotIdentifier("rds:orders-aurora-2026-11-20-05-10")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidDBClusterSnapshotStateFault");
        assertThat(sim.snapshot("us-east-1", "rds:orders-aurora-2026-11-20-05-10").status()).isEqualTo("available");
    }

    @Test
    void deletingASnapshotStillBeingCreatedIsInvalidSnapshotState() {
        rds.createDBClusterSnapshot(b -> b.dbClusterIdentifier("orders-aurora").dbClusterSnapshotIdentifier("fresh"));
        assertThatThrownBy(() -> rds.deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier("fresh")))
                .isInstanceOf(InvalidDbClusterSnapshotStateException.class);
        sim.advance(Duration.ofMinutes(5));
        assertThat(rds.deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier("fresh")).dbClusterSnapshot()
                .status()).isEqualTo("deleting");
    }

    @Test
    void deletingACopyInProgressCancelsIt() {
        rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("orders-manual-1")
                .targetDBClusterSnapshotIdentifier("doomed-copy"));
        sim.advance(Duration.ofSeconds(120));
        assertThat(sim.snapshot("us-east-1", "doomed-copy").status()).isEqualTo("copying");

        DBClusterSnapshot deleted = rds.deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier("doomed-copy"))
                .dbClusterSnapshot();
        assertThat(deleted.dbClusterSnapshotIdentifier()).isEqualTo("doomed-copy");
        assertThatThrownBy(() -> sim.snapshot("us-east-1", "doomed-copy"))
                .isInstanceOf(DbClusterSnapshotNotFoundException.class);

        // It never comes back, and its name is free again.
        sim.advance(Duration.ofHours(1));
        assertThat(rds.describeDBClusterSnapshots(b -> b.snapshotType("manual")).dbClusterSnapshots())
                .extracting(DBClusterSnapshot::dbClusterSnapshotIdentifier).containsExactly("orders-manual-1");
        assertThat(rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("orders-manual-1")
                .targetDBClusterSnapshotIdentifier("doomed-copy")).dbClusterSnapshot().status()).isEqualTo("copying");
    }

    @Test
    void deletingACopyInProgressFreesACopySlot() {
        for (int i = 1; i <= 5; i++) {
            int n = i;
            rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("orders-manual-1")
                    .targetDBClusterSnapshotIdentifier("copy-" + n));
        }
        assertThatThrownBy(() -> rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("orders-manual-1")
                .targetDBClusterSnapshotIdentifier("copy-6")))
                .isInstanceOf(software.amazon.awssdk.services.rds.model.SnapshotQuotaExceededException.class);
        rds.deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier("copy-3"));
        assertThat(rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("orders-manual-1")
                .targetDBClusterSnapshotIdentifier("copy-6")).dbClusterSnapshot().status()).isEqualTo("copying");
    }

    @Test
    void deletingAnUnknownSnapshotIsNotFound() {
        DbClusterSnapshotNotFoundException e = catchThrowableOfType(DbClusterSnapshotNotFoundException.class,
                () -> rds.deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier("no-such-snapshot")));
        assertThat(e.statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> sim.docdb("us-east-1").deleteDBClusterSnapshot(b -> b
                .dbClusterSnapshotIdentifier("no-such-snapshot")))
                .isInstanceOf(software.amazon.awssdk.services.docdb.model.DbClusterSnapshotNotFoundException.class);
    }

    @Test
    void deletingAnotherAccountsSnapshotIsNotFound() {
        assertThatThrownBy(() -> sim.drRds("us-east-1").deleteDBClusterSnapshot(b -> b
                .dbClusterSnapshotIdentifier("orders-manual-1")))
                .isInstanceOf(DbClusterSnapshotNotFoundException.class);
        assertThat(sim.snapshot("us-east-1", "orders-manual-1").status()).isEqualTo("available");
    }
}
