package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterSnapshotStateException;
import software.amazon.awssdk.services.rds.model.KmsKeyNotAccessibleException;
import software.amazon.awssdk.services.rds.model.RdsException;

/** CopyDBClusterSnapshot within one region: progress over simulated time, identifiers, source state, keys. */
class CopyDbClusterSnapshotTest {

    private RdsSim sim;
    private RdsClient rds;

    @BeforeEach
    void start() {
        sim = RdsSim.demo();
        rds = sim.rds("us-east-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private DBClusterSnapshot copy(String source, String target) {
        return rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(source)
                .targetDBClusterSnapshotIdentifier(target)).dbClusterSnapshot();
    }

    @Test
    void sameRegionCopyIsCopyingThenAvailableWithRisingProgress() {
        DBClusterSnapshot source = sim.newestManual("us-east-1", "orders-aurora");
        // 420 GiB in the same region: 60 s + 2 s per GiB = 900 s.
        DBClusterSnapshot started = copy(source.dbClusterSnapshotIdentifier(), "Orders-Copy-A");
        assertThat(started.dbClusterSnapshotIdentifier()).isEqualTo("orders-copy-a");
        assertThat(started.dbClusterSnapshotArn())
                .isEqualTo("arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster-snapshot:orders-copy-a");
        assertThat(started.status()).isEqualTo("copying");
        assertThat(started.percentProgress()).isZero();
        assertThat(started.snapshotType()).isEqualTo("manual");
        assertThat(started.sourceDBClusterSnapshotArn()).isEqualTo(source.dbClusterSnapshotArn());
        assertThat(started.engine()).isEqualTo("aurora-mysql");
        assertThat(started.dbClusterIdentifier()).isEqualTo("orders-aurora");
        assertThat(started.storageEncrypted()).isTrue();
        assertThat(started.kmsKeyId()).as("same-region copy keeps the source's key").isEqualTo(source.kmsKeyId());

        sim.advance(Duration.ofSeconds(300));
        DBClusterSnapshot third = sim.snapshot("us-east-1", "orders-copy-a");
        assertThat(third.status()).isEqualTo("copying");
        assertThat(third.percentProgress()).isBetween(30, 36);

        sim.advance(Duration.ofSeconds(300));
        DBClusterSnapshot twoThirds = sim.snapshot("us-east-1", "ORDERS-COPY-A");
        assertThat(twoThirds.status()).isEqualTo("copying");
        assertThat(twoThirds.percentProgress()).isGreaterThan(third.percentProgress()).isLessThan(100);

        sim.advance(Duration.ofSeconds(300));
        DBClusterSnapshot done = sim.snapshot("us-east-1", "orders-copy-a");
        assertThat(done.status()).isEqualTo("available");
        assertThat(done.percentProgress()).isEqualTo(100);
        assertThat(done.sourceDBClusterSnapshotArn()).isEqualTo(source.dbClusterSnapshotArn());
        assertThat(done.snapshotCreateTime()).isEqualTo(RdsSim.START);
    }

    @Test
    void copyOfAnAutomatedSnapshotIsManual() {
        DBClusterSnapshot copy = copy("rds:orders-aurora-2026-11-20-05-10", "orders-from-automated");
        assertThat(copy.snapshotType()).isEqualTo("manual");
        assertThat(copy.sourceDBClusterSnapshotArn()).isEqualTo("arn:aws:rds:us-east-1:" + RdsSim.PROD
                + ":cluster-snapshot:rds:orders-aurora-2026-11-20-05-10");
        assertThat(rds.describeDBClusterSnapshots(b -> b.snapshotType("manual")).dbClusterSnapshots())
                .extracting(DBClusterSnapshot::dbClusterSnapshotIdentifier).contains("orders-from-automated");
    }

    @Test
    void sourceMayBeGivenByArnOrInAnyCase() {
        DBClusterSnapshot source = sim.newestManual("us-east-1", "billing-pg");
        assertThat(copy(source.dbClusterSnapshotArn(), "billing-by-arn").sourceDBClusterSnapshotArn())
                .isEqualTo(source.dbClusterSnapshotArn());
        assertThat(copy(source.dbClusterSnapshotIdentifier().toUpperCase(java.util.Locale.ROOT), "billing-by-upper")
                .sourceDBClusterSnapshotArn()).isEqualTo(source.dbClusterSnapshotArn());
    }

    @Test
    void docDbAndNeptuneClientsCopyTheirSnapshots() {
        DBClusterSnapshot docdbSource = sim.newestManual("us-east-1", "catalog-docdb");
        var docdbCopy = sim.docdb("us-east-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(docdbSource.dbClusterSnapshotIdentifier())
                .targetDBClusterSnapshotIdentifier("Catalog-Copy")).dbClusterSnapshot();
        assertThat(docdbCopy.dbClusterSnapshotIdentifier()).isEqualTo("catalog-copy");
        assertThat(docdbCopy.engine()).isEqualTo("docdb");
        assertThat(docdbCopy.status()).isEqualTo("copying");

        DBClusterSnapshot neptuneSource = sim.newestManual("us-east-1", "graph-neptune");
        var neptuneCopy = sim.neptune("us-east-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(neptuneSource.dbClusterSnapshotIdentifier())
                .targetDBClusterSnapshotIdentifier("graph-copy")).dbClusterSnapshot();
        assertThat(neptuneCopy.engine()).isEqualTo("neptune");
        assertThat(neptuneCopy.storageEncrypted()).isFalse();
        assertThat(neptuneCopy.kmsKeyId()).isNull();
    }

    @Test
    void targetThatExistsInAnyCaseIsRefused() {
        DBClusterSnapshot source = sim.newestManual("us-east-1", "orders-aurora");
        copy(source.dbClusterSnapshotIdentifier(), "orders-copy-b");
        DbClusterSnapshotAlreadyExistsException e = catchThrowableOfType(
                DbClusterSnapshotAlreadyExistsException.class,
                () -> copy(source.dbClusterSnapshotIdentifier(), "ORDERS-Copy-B"));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DBClusterSnapshotAlreadyExistsFault");

        DBClusterSnapshot other = sim.newestManual("us-east-1", "billing-pg");
        assertThatThrownBy(() -> copy(source.dbClusterSnapshotIdentifier(),
                other.dbClusterSnapshotIdentifier().toUpperCase(java.util.Locale.ROOT)))
                .isInstanceOf(DbClusterSnapshotAlreadyExistsException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1copy", "-copy", "copy-", "copy--b", "copy_b", "copy.b", "copy b", "kopie-ä",
            "a123456789012345678901234567890123456789012345678901234567890123"})
    void invalidTargetIdentifierIsInvalidParameterValue(String target) {
        DBClusterSnapshot source = sim.newestManual("us-east-1", "orders-aurora");
        RdsException e = catchThrowableOfType(RdsException.class,
                () -> copy(source.dbClusterSnapshotIdentifier(), target));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void targetOfSixtyThreeCharactersIsAccepted() {
        DBClusterSnapshot source = sim.newestManual("us-east-1", "orders-aurora");
        String target = "a12345678901234567890123456789012345678901234567890123456789012";
        assertThat(target).hasSize(63);
        assertThat(copy(source.dbClusterSnapshotIdentifier(), target).dbClusterSnapshotIdentifier())
                .isEqualTo(target);
    }

    @Test
    void copyingACopyThatIsStillCopyingIsInvalidSnapshotState() {
        DBClusterSnapshot source = sim.newestManual("us-east-1", "orders-aurora");
        copy(source.dbClusterSnapshotIdentifier(), "orders-first");
        InvalidDbClusterSnapshotStateException e = catchThrowableOfType(
                InvalidDbClusterSnapshotStateException.class, () -> copy("orders-first", "orders-second"));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidDBClusterSnapshotStateFault");

        sim.advance(Duration.ofMinutes(15));
        assertThat(copy("orders-first", "orders-second").status()).isEqualTo("copying");
    }

    @Test
    void unknownSourceIsNotFound() {
        DbClusterSnapshotNotFoundException e = catchThrowableOfType(DbClusterSnapshotNotFoundException.class,
                () -> copy("no-such-snapshot", "copy-of-nothing"));
        assertThat(e.statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> copy("arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster-snapshot:nothing",
                "copy-of-nothing")).isInstanceOf(DbClusterSnapshotNotFoundException.class);
        assertThat(rds.describeDBClusterSnapshots(b -> b.snapshotType("manual")).dbClusterSnapshots())
                .extracting(DBClusterSnapshot::dbClusterSnapshotIdentifier).doesNotContain("copy-of-nothing");
    }

    @Test
    void anotherAccountsUnsharedSnapshotIsNotFound() {
        DBClusterSnapshot drAutomated = sim.drRds("us-east-1").describeDBClusterSnapshots(b -> b
                .snapshotType("automated")).dbClusterSnapshots().getFirst();
        assertThatThrownBy(() -> copy(drAutomated.dbClusterSnapshotArn(), "stolen-copy"))
                .isInstanceOf(DbClusterSnapshotNotFoundException.class);
    }

    @Test
    void sameRegionCopyWithAnotherKeyIsEncryptedWithThatKey() {
        DBClusterSnapshot source = sim.newestManual("us-east-1", "billing-pg");
        String prodKey = sim.prodKeyArn("us-east-1", "alias/snapferry-prod-data");
        DBClusterSnapshot copy = rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(
                source.dbClusterSnapshotIdentifier()).targetDBClusterSnapshotIdentifier("billing-rekeyed")
                .kmsKeyId("alias/snapferry-prod-data")).dbClusterSnapshot();
        assertThat(copy.storageEncrypted()).isTrue();
        assertThat(copy.kmsKeyId()).isEqualTo(prodKey).isNotEqualTo(source.kmsKeyId());
    }

    @Test
    void sameRegionCopyWithADisabledOrUnknownKeyIsKmsKeyNotAccessible() {
        DBClusterSnapshot source = sim.newestManual("us-east-1", "billing-pg");
        for (String key : new String[] {"alias/snapferry-prod-data-2023", "alias/no-such-key",
                "00000000-0000-0000-0000-000000000000"}) {
            KmsKeyNotAccessibleException e = catchThrowableOfType(KmsKeyNotAccessibleException.class,
                    () -> rds.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(
                            source.dbClusterSnapshotIdentifier()).targetDBClusterSnapshotIdentifier("billing-bad-key")
                            .kmsKeyId(key)));
            assertThat(e.awsErrorDetails().errorCode()).as(key).isEqualTo("KMSKeyNotAccessibleFault");
        }
    }

    @Test
    void unencryptedSourceWithKmsKeyIsInvalidParameterCombination() {
        DBClusterSnapshot reporting = sim.newestManual("us-west-2", "reporting-pg");
        assertThat(reporting.storageEncrypted()).isFalse();
        RdsException e = catchThrowableOfType(RdsException.class, () -> sim.rds("us-west-2")
                .copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(reporting
                        .dbClusterSnapshotIdentifier()).targetDBClusterSnapshotIdentifier("reporting-encrypted")
                        .kmsKeyId("alias/snapferry-prod-data")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");

        DBClusterSnapshot graph = sim.newestManual("us-east-1", "graph-neptune");
        var neptuneError = catchThrowableOfType(software.amazon.awssdk.services.neptune.model.NeptuneException.class,
                () -> sim.neptune("us-east-1").copyDBClusterSnapshot(b -> b
                        .sourceDBClusterSnapshotIdentifier(graph.dbClusterSnapshotIdentifier())
                        .targetDBClusterSnapshotIdentifier("graph-encrypted").kmsKeyId("alias/snapferry-prod-data")));
        assertThat(neptuneError.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
    }
}
