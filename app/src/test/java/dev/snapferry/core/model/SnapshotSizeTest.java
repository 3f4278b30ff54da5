package dev.snapferry.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which engines' {@code AllocatedStorage} is a snapshot's size, from AWS's documents: Aurora cluster snapshots
 * report 0 or 1 (the RDS API reference's DescribeDBClusterSnapshots example, "AllocatedStorage": 1), DocumentDB's
 * DBClusterSnapshot shape has no such member (botocore docdb 2014-10-31), Neptune shares Aurora's cluster volume,
 * Elastic's ClusterSnapshot carries no size, and a Multi-AZ DB cluster's storage is provisioned (RDS User Guide).
 */
class SnapshotSizeTest {

    @ParameterizedTest
    @CsvSource({
        "AURORA_MYSQL,         1,   ",
        "AURORA_POSTGRESQL,    0,   ",
        "DOCUMENTDB,           1,   ",
        "NEPTUNE,              1,   ",
        "DOCUMENTDB_ELASTIC,   ,    ",
        "RDS_MULTI_AZ_CLUSTER, 200, 200",
    })
    void theSizeIsKnownOnlyWhereAllocatedStorageIsTheData(Engine engine, Integer allocated, Integer expected) {
        Snapshot snapshot = SnapshotFixtures.snapshot().engine(engine).build();
        Snapshot reported = new Snapshot(snapshot.identifier(), snapshot.arn(), snapshot.accountId(),
                snapshot.region(), engine, null, null, SnapshotType.MANUAL, SnapshotStatus.available(), null, false,
                null, java.util.List.of(), null, allocated, null, null, false);
        assertThat(reported.dataSizeGiB()).isEqualTo(expected);
    }
}
