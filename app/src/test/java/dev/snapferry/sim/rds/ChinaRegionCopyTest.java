package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.rds.model.CopyDbClusterSnapshotRequest;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * Copies between the two China regions, as the user guides state them: the Amazon Aurora User Guide (Copying a DB
 * cluster snapshot, Limitations) says "You can't copy a snapshot to or from" China (Beijing) or China (Ningxia);
 * the Neptune User Guide says "You can copy a snapshot between China (Beijing) and China (Ningxia)"; the DocumentDB
 * Developer Guide lists no such limit. Copies within one China region are not limited by either.
 */
class ChinaRegionCopyTest {

    private RdsSim sim;

    @BeforeEach
    void start() {
        Fixture fixture = Fixture.create();
        for (String region : new String[] {"cn-north-1", "cn-northwest-1"}) {
            fixture.in(RdsSim.PROD, region, r -> {
                for (String engine : new String[] {"aurora-mysql", "aurora-postgresql", "docdb", "neptune"}) {
                    r.snapshot(r.cluster(engine + "-plain", engine, 10, null), engine + "-1", "manual", Map.of());
                }
            });
        }
        sim = RdsSim.with(fixture);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
        aurora-mysql      | cn-north-1     | cn-northwest-1 | InvalidParameterValue
        aurora-mysql      | cn-northwest-1 | cn-north-1     | InvalidParameterValue
        aurora-postgresql | cn-north-1     | cn-northwest-1 | InvalidParameterValue
        aurora-mysql      | cn-north-1     | cn-north-1     | copying
        neptune           | cn-north-1     | cn-northwest-1 | copying
        neptune           | cn-northwest-1 | cn-north-1     | copying
        docdb             | cn-north-1     | cn-northwest-1 | copying
        """)
    void copiesBetweenTheChinaRegionsFollowEachEnginesGuide(String engine, String from, String to, String answer) {
        String source = "arn:aws-cn:rds:" + from + ":" + RdsSim.PROD + ":cluster-snapshot:" + engine + "-1";
        CopyDbClusterSnapshotRequest.Builder request = CopyDbClusterSnapshotRequest.builder()
                .sourceDBClusterSnapshotIdentifier(from.equals(to) ? engine + "-1" : source)
                .targetDBClusterSnapshotIdentifier("the-copy");
        if (!from.equals(to)) {
            request.sourceRegion(from);
        }
        if (answer.equals("copying")) {
            assertThat(sim.rds(to).copyDBClusterSnapshot(request.build()).dbClusterSnapshot().status())
                    .isEqualTo("copying");
        } else {
            RdsException e = catchThrowableOfType(RdsException.class,
                    () -> sim.rds(to).copyDBClusterSnapshot(request.build()));
            assertThat(e).as("refused").isNotNull();
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(answer);
            assertThat(e.awsErrorDetails().errorMessage()).contains("China");
        }
    }
}
