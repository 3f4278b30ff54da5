package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * What DescribeDBClusterSnapshots refuses or matches, as the RDS model documents it (rds/2014-10-31,
 * DescribeDBClusterSnapshotsMessage; docdb and neptune say the same of the three parameters):
 * <ul>
 * <li>SnapshotType: "automated", "manual", "shared", "public" (awsbackup is a DB instance snapshot type that "does
 * not apply to Aurora", DescribeDBSnapshotsMessage).</li>
 * <li>DBClusterSnapshotIdentifier: "If this identifier is for an automated snapshot, the SnapshotType parameter
 * must also be specified." and "can't be used in conjunction with the DBClusterIdentifier parameter"; "stored as
 * a lowercase string".</li>
 * <li>DBClusterIdentifier: "isn't case-sensitive".</li>
 * <li>Filter$Values: "Filter values are case-sensitive."</li>
 * </ul>
 * Refusals are 400s: InvalidParameterValue for a value outside the documented set, InvalidParameterCombination for
 * parameters that must (not) come together.
 */
class DescribeDbClusterSnapshotsStrictnessTest {

    private static RdsSim sim;
    private static RdsClient rds;
    private static String manual;

    @BeforeAll
    static void start() {
        sim = RdsSim.demo();
        rds = sim.rds("us-east-1");
        manual = sim.newestManual("us-east-1", "orders-aurora").dbClusterSnapshotIdentifier();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /**
     * {@code MANUAL} stands for the newest manual snapshot of orders-aurora, {@code AUTO} for one of its automated
     * snapshots; {@code _UPPER} and {@code _MIXED} for the same names with upper-case letters.
     */
    private static String resolve(String value) {
        return switch (value) {
            case "AUTO" -> "rds:orders-aurora-2026-11-20-05-10";
            case "AUTO_MIXED" -> "RDS:Orders-Aurora-2026-11-20-05-10";
            case "MANUAL" -> manual;
            case "MANUAL_UPPER" -> manual.toUpperCase(Locale.ROOT);
            default -> value;
        };
    }

    /**
     * Each row is one request (empty cells are parameters left out) and AWS's answer: the number of snapshots
     * returned, or the error code.
     */
    @ParameterizedTest(name = "cluster={0} snapshot={1} type={2} filter {3}={4} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
                      |              | awsbackup |                        |               | InvalidParameterValue
                      |              | AWSBACKUP |                        |               | InvalidParameterValue
                      | AUTO         |           |                        |               | InvalidParameterCombination
                      | AUTO         | automated |                        |               | 1
                      | AUTO_MIXED   | automated |                        |               | 1
                      | MANUAL       |           |                        |               | 1
                      | MANUAL_UPPER |           |                        |               | 1
                      | MANUAL       | manual    |                        |               | 1
        orders-aurora | MANUAL       |           |                        |               | InvalidParameterCombination
        orders-aurora | AUTO         | automated |                        |               | InvalidParameterCombination
        ORDERS-AURORA |              |           |                        |               | 11
                      |              |           | db-cluster-id          | orders-aurora | 11
                      |              |           | db-cluster-id          | ORDERS-AURORA | 0
                      |              |           | db-cluster-snapshot-id | MANUAL        | 1
                      |              |           | db-cluster-snapshot-id | MANUAL_UPPER  | 0
                      |              |           | db-cluster-snapshot-id | AUTO          | 1
                      |              |           | db-cluster-snapshot-id | AUTO_MIXED    | 0
                      |              |           | engine                 | Aurora-MySQL  | 0
                      |              |           | snapshot-type          | Manual        | 0
        """)
    void answersAsTheModelDocuments(String cluster, String snapshot, String type, String filterName,
                                    String filterValue, String answer) {
        DescribeDbClusterSnapshotsRequest.Builder request = DescribeDbClusterSnapshotsRequest.builder()
                .dbClusterIdentifier(cluster).snapshotType(type);
        if (snapshot != null) {
            request.dbClusterSnapshotIdentifier(resolve(snapshot));
        }
        if (filterName != null) {
            request.filters(Filter.builder().name(filterName).values(resolve(filterValue)).build());
        }
        if (answer.chars().allMatch(Character::isDigit)) {
            assertThat(rds.describeDBClusterSnapshotsPaginator(request.build()).dbClusterSnapshots().stream()
                    .toList()).hasSize(Integer.parseInt(answer));
        } else {
            RdsException e = catchThrowableOfType(RdsException.class,
                    () -> rds.describeDBClusterSnapshots(request.build()));
            assertThat(e).as("refused").isNotNull();
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(answer);
            assertThat(e.statusCode()).isEqualTo(400);
        }
    }

    /** DescribeDBClusters documents the same Filter shape: "Filter values are case-sensitive." */
    @Test
    void describeDbClustersFiltersAreCaseSensitiveToo() {
        assertThat(rds.describeDBClusters(b -> b.filters(Filter.builder().name("db-cluster-id")
                .values("ORDERS-AURORA").build())).dbClusters()).isEmpty();
        assertThat(rds.describeDBClusters(b -> b.filters(Filter.builder().name("db-cluster-id")
                .values("orders-aurora").build())).dbClusters()).hasSize(1);
    }
}
