package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.snapferry.sim.data.GeneratedDataset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * Marker paging over a generated region of 250 snapshots, one in ten of them DocumentDB Elastic (which the
 * RDS-family call does not list): 225 RDS-family snapshots, each exactly once over pages of 20.
 */
class DescribeDbClusterSnapshotsPagingTest {

    private static final int PER_REGION = 250;
    private static final DateTimeFormatter AUTOMATED_SUFFIX = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm")
            .withZone(ZoneOffset.UTC);
    private static RdsSim sim;
    private static RdsClient rds;

    @BeforeAll
    static void start() {
        sim = RdsSim.with(new GeneratedDataset(1, PER_REGION, 42));
        rds = sim.rds("us-east-1");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /**
     * Snapshot {@code n} of the generated dataset was taken {@code 10 + 37 n} minutes before the start; every tenth
     * is Elastic. The creation time therefore identifies each snapshot.
     */
    private static Set<Instant> expectedCreateTimes() {
        return IntStream.range(0, PER_REGION).filter(n -> n % 10 != 9)
                .mapToObj(n -> RdsSim.START.minus(Duration.ofMinutes(10 + 37L * n))).collect(Collectors.toSet());
    }

    private static Set<Instant> createTimes(List<DBClusterSnapshot> snapshots) {
        return snapshots.stream().map(DBClusterSnapshot::snapshotCreateTime).collect(Collectors.toSet());
    }

    @Test
    void paginatorReturnsEverySnapshotExactlyOnceInPagesOfTwenty() {
        List<DescribeDbClusterSnapshotsResponse> pages = rds.describeDBClusterSnapshotsPaginator(b -> b
                .maxRecords(20)).stream().toList();
        List<DBClusterSnapshot> all = pages.stream().flatMap(p -> p.dbClusterSnapshots().stream()).toList();

        assertThat(pages).hasSize(12);
        assertThat(pages.subList(0, 11)).allSatisfy(p -> {
            assertThat(p.dbClusterSnapshots()).hasSize(20);
            assertThat(p.marker()).isNotBlank();
        });
        assertThat(pages.getLast().dbClusterSnapshots()).hasSize(225 - 11 * 20);
        assertThat(pages.getLast().marker()).isNull();

        assertThat(all).extracting(DBClusterSnapshot::dbClusterSnapshotArn).doesNotHaveDuplicates();
        assertThat(createTimes(all)).isEqualTo(expectedCreateTimes());
        assertThat(all).extracting(DBClusterSnapshot::engine).doesNotContain("docdb-elastic");
    }

    @Test
    void manualMarkerLoopReturnsEverySnapshotExactlyOnce() {
        List<DBClusterSnapshot> all = new ArrayList<>();
        String marker = null;
        int calls = 0;
        do {
            String current = marker;
            DescribeDbClusterSnapshotsResponse page = rds.describeDBClusterSnapshots(b -> b.maxRecords(20)
                    .marker(current));
            assertThat(page.dbClusterSnapshots()).hasSizeLessThanOrEqualTo(20);
            all.addAll(page.dbClusterSnapshots());
            marker = page.marker();
            calls++;
        } while (marker != null && calls < 100);

        assertThat(calls).isEqualTo(12);
        assertThat(all).hasSize(225).extracting(DBClusterSnapshot::dbClusterSnapshotArn).doesNotHaveDuplicates();
        assertThat(createTimes(all)).isEqualTo(expectedCreateTimes());
    }

    @Test
    void docDbClientPagesThroughTheSameSnapshots() {
        Set<String> viaDocDb = new HashSet<>();
        sim.docdb("us-east-1").describeDBClusterSnapshotsPaginator(b -> b.maxRecords(100)).dbClusterSnapshots()
                .forEach(s -> assertThat(viaDocDb.add(s.dbClusterSnapshotArn())).isTrue());
        Set<String> viaRds = rds.describeDBClusterSnapshotsPaginator(b -> b.maxRecords(100)).dbClusterSnapshots()
                .stream().map(DBClusterSnapshot::dbClusterSnapshotArn).collect(Collectors.toSet());
        assertThat(viaDocDb).hasSize(225).isEqualTo(viaRds);
    }

    @Test
    void pagingWithAFilterReturnsOnlyMatchingSnapshotsOnce() {
        List<DBClusterSnapshot> manual = rds.describeDBClusterSnapshotsPaginator(b -> b.maxRecords(20)
                .snapshotType("manual")).dbClusterSnapshots().stream().toList();
        List<DBClusterSnapshot> automated = rds.describeDBClusterSnapshotsPaginator(b -> b.maxRecords(20)
                .snapshotType("automated")).dbClusterSnapshots().stream().toList();
        assertThat(manual).allSatisfy(s -> assertThat(s.snapshotType()).isEqualTo("manual"))
                .extracting(DBClusterSnapshot::dbClusterSnapshotArn).doesNotHaveDuplicates();
        assertThat(automated).allSatisfy(s -> assertThat(s.snapshotType()).isEqualTo("automated"))
                .extracting(DBClusterSnapshot::dbClusterSnapshotArn).doesNotHaveDuplicates();
        assertThat(manual.size() + automated.size()).isEqualTo(225);
    }

    @Test
    void automatedSnapshotsAreNamedRdsClusterDateTime() {
        List<DBClusterSnapshot> automated = rds.describeDBClusterSnapshotsPaginator(b -> b.snapshotType(
                "automated")).dbClusterSnapshots().stream().toList();
        assertThat(automated).isNotEmpty().allSatisfy(s -> assertThat(s.dbClusterSnapshotIdentifier())
                .isEqualTo("rds:" + s.dbClusterIdentifier() + "-" + AUTOMATED_SUFFIX.format(s.snapshotCreateTime())));
    }

    @Test
    void encryptedSnapshotsNameTheirKeyAndUnencryptedOnesNone() {
        List<DBClusterSnapshot> all = rds.describeDBClusterSnapshotsPaginator(b -> b.maxRecords(100))
                .dbClusterSnapshots().stream().toList();
        assertThat(all).allSatisfy(s -> {
            if (Boolean.TRUE.equals(s.storageEncrypted())) {
                assertThat(s.kmsKeyId()).as("KmsKeyId of encrypted %s", s.dbClusterSnapshotIdentifier())
                        .startsWith("arn:aws:kms:us-east-1:" + RdsSim.PROD + ":key/");
            } else {
                assertThat(s.kmsKeyId()).isNull();
            }
        });
        // "mostly encrypted": most are, and with this seed some clusters are not.
        long encrypted = all.stream().filter(DBClusterSnapshot::storageEncrypted).count();
        assertThat(encrypted).isGreaterThan(all.size() / 2).isLessThan(all.size());
    }

    @Test
    void garbledMarkerIsInvalidParameterValue() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.describeDBClusterSnapshots(b -> b
                .marker("!!not-a-marker!!")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }
}
