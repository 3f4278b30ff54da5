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
import software.amazon.awssdk.services.docdb.model.DocDbException;
import software.amazon.awssdk.services.neptune.model.NeptuneException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.KmsKeyNotAccessibleException;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * Cross-region CopyDBClusterSnapshot, called in the destination region with the source's ARN: the destination key,
 * and the presigned URL each engine needs (built by the SDK from {@code sourceRegion}) or ignores.
 */
class CrossRegionCopyTest {

    private RdsSim sim;

    @BeforeEach
    void start() {
        sim = RdsSim.demo();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String ordersSourceArn() {
        return sim.newestManual("us-east-1", "orders-aurora").dbClusterSnapshotArn();
    }

    private static RdsException rdsError(Runnable call) {
        return catchThrowableOfType(RdsException.class, call::run);
    }

    // --- encrypted Aurora: destination key and presigned URL ---

    @Test
    void encryptedAuroraCopyWithSourceRegionAndDestinationKeyRunsThenCompletes() {
        String source = ordersSourceArn();
        String destinationKey = sim.prodKeyArn("eu-central-1", "alias/snapferry-prod-data");
        RdsClient frankfurt = sim.rds("eu-central-1");
        // 420 GiB across regions: 300 s + 8 s per GiB = 3660 s.
        DBClusterSnapshot started = frankfurt.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(source)
                .targetDBClusterSnapshotIdentifier("Orders-Frankfurt").kmsKeyId(destinationKey)
                .sourceRegion("us-east-1")).dbClusterSnapshot();
        assertThat(started.status()).isEqualTo("copying");
        assertThat(started.dbClusterSnapshotIdentifier()).isEqualTo("orders-frankfurt");
        assertThat(started.dbClusterSnapshotArn())
                .isEqualTo("arn:aws:rds:eu-central-1:" + RdsSim.PROD + ":cluster-snapshot:orders-frankfurt");
        assertThat(started.sourceDBClusterSnapshotArn()).isEqualTo(source);
        assertThat(started.storageEncrypted()).isTrue();
        assertThat(started.kmsKeyId()).isEqualTo(destinationKey);
        assertThat(started.availabilityZones()).allSatisfy(az -> assertThat(az).startsWith("eu-central-1"));

        sim.advance(Duration.ofSeconds(1830));
        DBClusterSnapshot half = sim.snapshot("eu-central-1", "orders-frankfurt");
        assertThat(half.status()).isEqualTo("copying");
        assertThat(half.percentProgress()).isBetween(45, 55);

        sim.advance(Duration.ofSeconds(1830));
        DBClusterSnapshot done = sim.snapshot("eu-central-1", "orders-frankfurt");
        assertThat(done.status()).isEqualTo("available");
        assertThat(done.percentProgress()).isEqualTo(100);
        // The source is untouched and still in its own region.
        assertThat(sim.snapshot("us-east-1", source).status()).isEqualTo("available");
    }

    @Test
    void destinationKeyMayBeGivenByAlias() {
        DBClusterSnapshot copy = sim.rds("eu-central-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(ordersSourceArn()).targetDBClusterSnapshotIdentifier("by-alias")
                .kmsKeyId("alias/snapferry-prod-data").sourceRegion("us-east-1")).dbClusterSnapshot();
        assertThat(copy.kmsKeyId()).isEqualTo(sim.prodKeyArn("eu-central-1", "alias/snapferry-prod-data"));
    }

    @Test
    void encryptedCrossRegionCopyWithoutKmsKeyIsInvalidParameterValue() {
        RdsException e = rdsError(() -> sim.rds("eu-central-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(ordersSourceArn()).targetDBClusterSnapshotIdentifier("no-key")
                .sourceRegion("us-east-1")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).contains("KmsKeyId");
        assertThat(sim.rds("eu-central-1").describeDBClusterSnapshots(b -> b.snapshotType("manual"))
                .dbClusterSnapshots()).extracting(DBClusterSnapshot::dbClusterSnapshotIdentifier)
                .doesNotContain("no-key");
    }

    @Test
    void keyOfTheSourceRegionIsKmsKeyNotAccessible() {
        String sourceRegionKey = sim.prodKeyArn("us-east-1", "alias/snapferry-prod-data");
        KmsKeyNotAccessibleException e = catchThrowableOfType(KmsKeyNotAccessibleException.class,
                () -> sim.rds("eu-central-1").copyDBClusterSnapshot(b -> b
                        .sourceDBClusterSnapshotIdentifier(ordersSourceArn())
                        .targetDBClusterSnapshotIdentifier("wrong-region-key").kmsKeyId(sourceRegionKey)
                        .sourceRegion("us-east-1")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMSKeyNotAccessibleFault");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alias/snapferry-prod-data-2023", "alias/no-such-alias",
            "11111111-2222-3333-4444-555555555555",
            "arn:aws:kms:eu-central-1:111122223333:key/11111111-2222-3333-4444-555555555555"})
    void disabledOrUnknownDestinationKeyIsKmsKeyNotAccessible(String key) {
        assertThatThrownBy(() -> sim.rds("eu-central-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(ordersSourceArn()).targetDBClusterSnapshotIdentifier("bad-key")
                .kmsKeyId(key).sourceRegion("us-east-1"))).isInstanceOf(KmsKeyNotAccessibleException.class);
    }

    @Test
    void keyPendingDeletionIsKmsKeyNotAccessible() {
        String key = sim.prodKeyArn("eu-central-1", "alias/snapferry-prod-data");
        sim.kms("eu-central-1").scheduleKeyDeletion(b -> b.keyId(key).pendingWindowInDays(7));
        assertThatThrownBy(() -> sim.rds("eu-central-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(ordersSourceArn()).targetDBClusterSnapshotIdentifier("doomed-key")
                .kmsKeyId(key).sourceRegion("us-east-1"))).isInstanceOf(KmsKeyNotAccessibleException.class);
    }

    /**
     * Outside GovCloud, Aurora ignores PreSignedUrl: RDS API reference, CopyDBClusterSnapshot (botocore
     * rds/2014-10-31): "This setting applies only to Amazon Web Services GovCloud (US) Regions. It's ignored in other
     * Amazon Web Services Regions." (PresignedUrlByEngineTest has the table across engines and partitions.)
     */
    @Test
    void encryptedAuroraCopyWithoutPresignedUrlIsAcceptedOutsideGovCloud() {
        DBClusterSnapshot copy = sim.rds("eu-central-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(ordersSourceArn()).targetDBClusterSnapshotIdentifier("no-url")
                .kmsKeyId("alias/snapferry-prod-data")).dbClusterSnapshot();
        assertThat(copy.status()).isEqualTo("copying");
        assertThat(copy.kmsKeyId()).isEqualTo(sim.prodKeyArn("eu-central-1", "alias/snapferry-prod-data"));
    }

    @Test
    void unencryptedAuroraCopyNeedsNoPresignedUrl() {
        DBClusterSnapshot reporting = sim.newestManual("us-west-2", "reporting-pg");
        DBClusterSnapshot copy = sim.rds("us-east-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(reporting.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("reporting-east")).dbClusterSnapshot();
        assertThat(copy.status()).isEqualTo("copying");
        assertThat(copy.storageEncrypted()).isFalse();
        assertThat(copy.kmsKeyId()).isNull();
        assertThat(copy.sourceDBClusterSnapshotArn()).isEqualTo(reporting.dbClusterSnapshotArn());
    }

    @Test
    void unencryptedAuroraCopyWithSourceRegionIsAcceptedToo() {
        DBClusterSnapshot reporting = sim.newestManual("us-west-2", "reporting-pg");
        assertThat(sim.rds("us-east-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(reporting.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("reporting-east-2").sourceRegion("us-west-2"))
                .dbClusterSnapshot().status()).isEqualTo("copying");
    }

    @Test
    void sourceInAnotherRegionGivenByIdentifierIsNotFoundHere() {
        DBClusterSnapshot reporting = sim.newestManual("us-west-2", "reporting-pg");
        assertThatThrownBy(() -> sim.rds("us-east-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(reporting.dbClusterSnapshotIdentifier())
                .targetDBClusterSnapshotIdentifier("reporting-by-id"))).isInstanceOf(
                        DbClusterSnapshotNotFoundException.class);
    }

    // --- DocumentDB: the presigned URL is required for every cross-region copy ---

    @Test
    void docDbCrossRegionCopyWithoutSourceRegionIsInvalidParameterValue() {
        DBClusterSnapshot catalogJp = sim.newestManual("ap-northeast-1", "catalog-jp");
        assertThat(catalogJp.storageEncrypted()).isFalse();
        DocDbException e = catchThrowableOfType(DocDbException.class, () -> sim.docdb("ap-southeast-2")
                .copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(catalogJp.dbClusterSnapshotArn())
                        .targetDBClusterSnapshotIdentifier("catalog-au")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).contains("PreSignedUrl");
    }

    @Test
    void docDbCrossRegionCopyWithSourceRegionSucceeds() {
        DBClusterSnapshot catalogJp = sim.newestManual("ap-northeast-1", "catalog-jp");
        var copy = sim.docdb("ap-southeast-2").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(catalogJp.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("catalog-au").sourceRegion("ap-northeast-1")).dbClusterSnapshot();
        assertThat(copy.status()).isEqualTo("copying");
        assertThat(copy.engine()).isEqualTo("docdb");
        assertThat(copy.sourceDBClusterSnapshotArn()).isEqualTo(catalogJp.dbClusterSnapshotArn());
    }

    @Test
    void encryptedDocDbCrossRegionCopyWithSourceRegionAndKeySucceeds() {
        DBClusterSnapshot catalog = sim.newestManual("us-east-1", "catalog-docdb");
        var copy = sim.docdb("eu-west-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(catalog.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("catalog-ireland").kmsKeyId("alias/snapferry-prod-data")
                .sourceRegion("us-east-1")).dbClusterSnapshot();
        assertThat(copy.kmsKeyId()).isEqualTo(sim.prodKeyArn("eu-west-1", "alias/snapferry-prod-data"));
    }

    // --- Neptune: PreSignedUrl "not currently supported"; not required ---

    @Test
    void neptuneUnencryptedCrossRegionCopyWithoutSourceRegionSucceeds() {
        DBClusterSnapshot graph = sim.newestManual("us-east-1", "graph-neptune");
        var copy = sim.neptune("eu-west-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(graph.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("graph-ireland")).dbClusterSnapshot();
        assertThat(copy.status()).isEqualTo("copying");
        assertThat(copy.engine()).isEqualTo("neptune");
        assertThat(copy.storageEncrypted()).isFalse();
    }

    @Test
    void neptuneEncryptedCrossRegionCopyNeedsADestinationKey() {
        DBClusterSnapshot fraud = sim.newestManual("eu-central-1", "fraud-graph");
        assertThat(fraud.storageEncrypted()).isTrue();
        NeptuneException e = catchThrowableOfType(NeptuneException.class, () -> sim.neptune("ap-northeast-1")
                .copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(fraud.dbClusterSnapshotArn())
                        .targetDBClusterSnapshotIdentifier("fraud-tokyo").sourceRegion("eu-central-1")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");

        var copy = sim.neptune("ap-northeast-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(fraud.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("fraud-tokyo").kmsKeyId("alias/snapferry-prod-data")
                .sourceRegion("eu-central-1")).dbClusterSnapshot();
        assertThat(copy.kmsKeyId()).isEqualTo(sim.prodKeyArn("ap-northeast-1", "alias/snapferry-prod-data"));
    }

    @Test
    void neptuneEncryptedCrossRegionCopyWithoutPresignedUrlSucceeds() {
        DBClusterSnapshot fraud = sim.newestManual("eu-central-1", "fraud-graph");
        var copy = sim.neptune("ap-northeast-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(fraud.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("fraud-tokyo").kmsKeyId("alias/snapferry-prod-data"))
                .dbClusterSnapshot();
        assertThat(copy.status()).isEqualTo("copying");
    }

    @Test
    void neptuneIgnoresAPresignedUrlItDoesNotSupport() {
        DBClusterSnapshot graph = sim.newestManual("us-east-1", "graph-neptune");
        String bogus = PresignedUrls.build(Map.of("DestinationRegion", "ap-south-1"), graph.dbClusterSnapshotArn(),
                "us-east-1", "eu-west-1");
        var copy = sim.neptune("eu-west-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(graph.dbClusterSnapshotArn())
                .targetDBClusterSnapshotIdentifier("graph-ignored-url").preSignedUrl(bogus)).dbClusterSnapshot();
        assertThat(copy.status()).isEqualTo("copying");
    }
}
