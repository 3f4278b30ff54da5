package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * Copies of snapshots another account shares: by ARN only, with a key of the caller's own when encrypted, into the
 * source's region or, in the same call, another one (SharedCrossRegionCopyTest has every engine).
 */
class SharedSnapshotCopyTest {

    private RdsSim sim;

    @BeforeEach
    void start() {
        sim = RdsSim.demo();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static RdsException rdsError(Runnable call) {
        return catchThrowableOfType(RdsException.class, call::run);
    }

    private String drSharedAuroraArn() {
        return sim.rds("us-east-1").describeDBClusterSnapshots(b -> b.snapshotType("shared")).dbClusterSnapshots()
                .getFirst().dbClusterSnapshotArn();
    }

    @Test
    void sharedEncryptedSnapshotCopiedInItsRegionWithoutKeyIsInvalidParameterValue() {
        String shared = drSharedAuroraArn();
        assertThat(shared).contains(":" + RdsSim.DR + ":");
        RdsException e = rdsError(() -> sim.rds("us-east-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(shared).targetDBClusterSnapshotIdentifier("from-dr")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).contains("KmsKeyId");
    }

    @Test
    void sharedEncryptedSnapshotCopiedInItsRegionWithAProductionKeySucceeds() {
        String shared = drSharedAuroraArn();
        String prodKey = sim.prodKeyArn("us-east-1", "alias/snapferry-prod-data");
        DBClusterSnapshot copy = sim.rds("us-east-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(shared).targetDBClusterSnapshotIdentifier("from-dr")
                .kmsKeyId(prodKey)).dbClusterSnapshot();
        assertThat(copy.status()).isEqualTo("copying");
        assertThat(copy.snapshotType()).isEqualTo("manual");
        assertThat(copy.dbClusterSnapshotArn())
                .isEqualTo("arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster-snapshot:from-dr");
        assertThat(copy.kmsKeyId()).isEqualTo(prodKey);
        assertThat(copy.sourceDBClusterSnapshotArn()).isEqualTo(shared);
    }

    @Test
    void sharedSnapshotGivenByPlainIdentifierIsNotFound() {
        String shared = drSharedAuroraArn();
        String id = shared.substring(shared.indexOf(":cluster-snapshot:") + ":cluster-snapshot:".length());
        assertThatThrownBy(() -> sim.rds("us-east-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(id).targetDBClusterSnapshotIdentifier("from-dr")
                .kmsKeyId("alias/snapferry-prod-data"))).isInstanceOf(DbClusterSnapshotNotFoundException.class);
    }

    @Test
    void sharedEncryptedAuroraSnapshotIsCopiedToAnotherRegionInOneStep() {
        // rds model since 2025-09-30: "an ARN of a snapshot that is in a different account and a different Region".
        String shared = drSharedAuroraArn();
        String westKey = sim.prodKeyArn("us-west-2", "alias/snapferry-prod-data");
        DBClusterSnapshot copy = sim.rds("us-west-2").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(shared).targetDBClusterSnapshotIdentifier("from-dr-west")
                .kmsKeyId(westKey).sourceRegion("us-east-1")).dbClusterSnapshot();
        assertThat(copy.status()).isEqualTo("copying");
        assertThat(copy.kmsKeyId()).isEqualTo(westKey);
        assertThat(copy.sourceDBClusterSnapshotArn()).isEqualTo(shared);
    }

    @Test
    void sharedDocDbSnapshotIsCopiedToAnotherRegionInOneStepAsItsDeveloperGuideSays() {
        // Contested: the docdb API reference still says "only ... in the same Amazon Web Services Region".
        var shared = sim.docdb("eu-west-1").describeDBClusterSnapshots(b -> b.snapshotType("shared"))
                .dbClusterSnapshots().getFirst();
        assertThat(shared.engine()).isEqualTo("docdb");
        assertThat(shared.storageEncrypted()).isFalse();
        var otherRegion = sim.docdb("eu-central-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(shared.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("catalog-from-dr").sourceRegion("eu-west-1")).dbClusterSnapshot();
        assertThat(otherRegion.status()).isEqualTo("copying");
        assertThat(otherRegion.dbClusterSnapshotArn()).startsWith("arn:aws:rds:eu-central-1:" + RdsSim.PROD + ":");

        var sameRegion = sim.docdb("eu-west-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(shared.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("catalog-from-dr")).dbClusterSnapshot();
        assertThat(sameRegion.status()).isEqualTo("copying");
        assertThat(sameRegion.dbClusterSnapshotArn()).contains(":" + RdsSim.PROD + ":");
    }

    @Test
    void sharedUnencryptedAuroraSnapshotMayBeCopiedToAnotherRegion() {
        try (RdsSim fixture = RdsSim.with(Fixture.create().in(RdsSim.DR, "us-east-1", r -> {
            var cluster = r.cluster("dr-plain", "aurora-mysql", 20, null);
            r.snapshot(cluster, "dr-plain-shared", "manual", Map.of()).restoreAccounts().add(RdsSim.PROD);
        }))) {
            String shared = "arn:aws:rds:us-east-1:" + RdsSim.DR + ":cluster-snapshot:dr-plain-shared";
            DBClusterSnapshot copy = fixture.rds("us-west-2").copyDBClusterSnapshot(b -> b
                    .sourceDBClusterSnapshotIdentifier(shared).targetDBClusterSnapshotIdentifier("plain-west")
                    .sourceRegion("us-east-1")).dbClusterSnapshot();
            assertThat(copy.status()).isEqualTo("copying");
            assertThat(copy.storageEncrypted()).isFalse();
        }
    }
}
