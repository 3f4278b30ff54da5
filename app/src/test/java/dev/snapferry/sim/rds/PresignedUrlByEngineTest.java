package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.snapferry.core.model.RegionRef;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.rds.model.CopyDbClusterSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * Whether a cross-region CopyDBClusterSnapshot needs, ignores or checks its {@code PreSignedUrl}, per engine and
 * partition. AWS's answers come from CopyDBClusterSnapshotMessage$PreSignedUrl in the botocore models:
 * <ul>
 * <li>rds/2014-10-31: "Use the PreSignedUrl parameter when copying an encrypted DB cluster snapshot from another
 * Amazon Web Services Region. [...] This setting applies only to Amazon Web Services GovCloud (US) Regions. It's
 * ignored in other Amazon Web Services Regions."</li>
 * <li>docdb/2014-10-31: "You must use the PreSignedUrl parameter when copying a cluster snapshot from another
 * Amazon Web Services Region."</li>
 * <li>neptune/2014-10-31: "Not currently supported."</li>
 * </ul>
 * All three engines are served by one endpoint and one wire format, so one RdsClient sends every row.
 */
class PresignedUrlByEngineTest {

    private RdsSim sim;

    @BeforeEach
    void start() {
        Fixture fixture = Fixture.create();
        for (String region : new String[] {"us-east-1", "us-gov-east-1"}) {
            fixture.in(RdsSim.PROD, region, r -> {
                var key = r.key("alias/source-data");
                for (String engine : new String[] {"aurora-mysql", "aurora-postgresql", "docdb", "neptune"}) {
                    r.snapshot(r.cluster(engine + "-enc", engine, 10, key), engine + "-enc-1", "manual", Map.of());
                    r.snapshot(r.cluster(engine + "-plain", engine, 10, null), engine + "-plain-1", "manual",
                            Map.of());
                }
            });
        }
        fixture.in(RdsSim.PROD, "us-west-2", r -> r.key("alias/target-data"))
                .in(RdsSim.PROD, "us-gov-west-1", r -> r.key("alias/target-data"));
        sim = RdsSim.with(fixture);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /**
     * {@code url}: {@code none} (no PreSignedUrl), {@code sdk} (the SDK builds it from sourceRegion) or
     * {@code bogus} (signed for another destination region). {@code answer}: {@code copying} or AWS's error code.
     */
    @ParameterizedTest(name = "{0} {1}, {2} -> {3}, url {4}: {5}")
    @CsvSource(delimiter = '|', textBlock = """
        aurora-mysql      | enc   | us-east-1     | us-west-2     | none  | copying
        aurora-mysql      | enc   | us-east-1     | us-west-2     | bogus | copying
        aurora-postgresql | enc   | us-east-1     | us-west-2     | none  | copying
        aurora-postgresql | plain | us-east-1     | us-west-2     | bogus | copying
        aurora-mysql      | enc   | us-gov-east-1 | us-gov-west-1 | none  | InvalidParameterValue
        aurora-mysql      | enc   | us-gov-east-1 | us-gov-west-1 | bogus | InvalidParameterValue
        aurora-mysql      | enc   | us-gov-east-1 | us-gov-west-1 | sdk   | copying
        aurora-postgresql | plain | us-gov-east-1 | us-gov-west-1 | none  | copying
        docdb             | plain | us-east-1     | us-west-2     | none  | InvalidParameterValue
        docdb             | enc   | us-east-1     | us-west-2     | bogus | InvalidParameterValue
        docdb             | enc   | us-east-1     | us-west-2     | sdk   | copying
        docdb             | plain | us-gov-east-1 | us-gov-west-1 | none  | InvalidParameterValue
        neptune           | enc   | us-east-1     | us-west-2     | none  | copying
        neptune           | enc   | us-east-1     | us-west-2     | bogus | copying
        neptune           | enc   | us-gov-east-1 | us-gov-west-1 | none  | copying
        """)
    void crossRegionCopyAnswersAsTheEnginesApiReferenceSays(String engine, String encryption, String from,
                                                           String to, String url, String answer) {
        String partition = new RegionRef(from).partition();
        String source = "arn:" + partition + ":rds:" + from + ":" + RdsSim.PROD + ":cluster-snapshot:" + engine
                + "-" + encryption + "-1";
        CopyDbClusterSnapshotRequest.Builder request = CopyDbClusterSnapshotRequest.builder()
                .sourceDBClusterSnapshotIdentifier(source).targetDBClusterSnapshotIdentifier("the-copy");
        if (encryption.equals("enc")) {
            request.kmsKeyId("alias/target-data");
        }
        switch (url) {
            case "sdk" -> request.sourceRegion(from);
            case "bogus" -> request.preSignedUrl(PresignedUrls.build(Map.of("DestinationRegion", "eu-west-1"),
                    source, from, to));
            default -> {
            }
        }
        if (answer.equals("copying")) {
            assertThat(sim.rds(to).copyDBClusterSnapshot(request.build()).dbClusterSnapshot().status())
                    .isEqualTo("copying");
        } else {
            RdsException e = catchThrowableOfType(RdsException.class,
                    () -> sim.rds(to).copyDBClusterSnapshot(request.build()));
            assertThat(e).as("refused").isNotNull();
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(answer);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains("PreSignedUrl");
        }
    }
}
