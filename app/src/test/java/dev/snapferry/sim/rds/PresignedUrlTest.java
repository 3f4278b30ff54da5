package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.docdb.model.DocDbException;

/**
 * Explicit {@code PreSignedUrl} values on cross-region copies: checked as the source region would check them (action,
 * source ARN, destination region, signing scope, signature, expiry), never fetched. DocumentDB requires and checks
 * one; Aurora checks one only in GovCloud (see PresignedUrlByEngineTest).
 */
class PresignedUrlTest {

    private RdsSim sim;

    @BeforeEach
    void start() {
        sim = RdsSim.demo();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private software.amazon.awssdk.services.docdb.model.DBClusterSnapshot copyCatalogJpWithUrl(
            Map<String, String> overrides) {
        String source = sim.newestManual("ap-northeast-1", "catalog-jp").dbClusterSnapshotArn();
        String url = PresignedUrls.build(overrides, source, "ap-northeast-1", "ap-southeast-2");
        return sim.docdb("ap-southeast-2").copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(source)
                .targetDBClusterSnapshotIdentifier("catalog-explicit-url").preSignedUrl(url)).dbClusterSnapshot();
    }

    @Test
    void wellFormedExplicitPresignedUrlIsAccepted() {
        assertThat(copyCatalogJpWithUrl(Map.of()).status()).isEqualTo("copying");
    }

    @Test
    void presignedUrlForAnotherDestinationRegionIsInvalidParameterValue() {
        DocDbException e = catchThrowableOfType(DocDbException.class,
                () -> copyCatalogJpWithUrl(PresignedUrls.override("DestinationRegion", "eu-west-1")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).contains("PreSignedUrl").contains("DestinationRegion");
    }

    @Test
    void presignedUrlWithoutDestinationRegionIsInvalidParameterValue() {
        DocDbException e = catchThrowableOfType(DocDbException.class,
                () -> copyCatalogJpWithUrl(PresignedUrls.override("DestinationRegion", null)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void presignedUrlForAnotherSourceSnapshotIsInvalidParameterValue() {
        DocDbException e = catchThrowableOfType(DocDbException.class, () -> copyCatalogJpWithUrl(PresignedUrls.override(
                "SourceDBClusterSnapshotIdentifier",
                "arn:aws:rds:ap-northeast-1:" + RdsSim.PROD + ":cluster-snapshot:something-else")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void presignedUrlOfAnotherActionIsInvalidParameterValue() {
        DocDbException e = catchThrowableOfType(DocDbException.class,
                () -> copyCatalogJpWithUrl(PresignedUrls.override("Action", "DeleteDBClusterSnapshot")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void presignedUrlSignedForTheDestinationRegionIsInvalidParameterValue() {
        String today = PresignedUrls.AMZ_DATE.format(Instant.now()).substring(0, 8);
        DocDbException e = catchThrowableOfType(DocDbException.class, () -> copyCatalogJpWithUrl(PresignedUrls.override(
                "X-Amz-Credential", "AKIASNAPFERRYPROD001/" + today + "/ap-southeast-2/rds/aws4_request")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void unsignedPresignedUrlIsInvalidParameterValue() {
        DocDbException e = catchThrowableOfType(DocDbException.class,
                () -> copyCatalogJpWithUrl(PresignedUrls.override("X-Amz-Signature", null)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void expiredPresignedUrlIsInvalidParameterValue() {
        Map<String, String> stale = PresignedUrls.override("X-Amz-Date",
                PresignedUrls.AMZ_DATE.format(Instant.now().minus(Duration.ofDays(8))));
        stale.put("X-Amz-Expires", "604800");
        DocDbException e = catchThrowableOfType(DocDbException.class, () -> copyCatalogJpWithUrl(stale));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).contains("expired");
    }

    @Test
    void garbagePresignedUrlIsInvalidParameterValue() {
        String source = sim.newestManual("ap-northeast-1", "catalog-jp").dbClusterSnapshotArn();
        DocDbException e = catchThrowableOfType(DocDbException.class, () -> sim.docdb("ap-southeast-2")
                .copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(source)
                        .targetDBClusterSnapshotIdentifier("catalog-garbage-url").preSignedUrl("not a url at all")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }
}
