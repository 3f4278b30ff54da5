package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * The engine-dependent members of a DBClusterSnapshot, read through RdsClient (one endpoint and one reply for all
 * three engines). AWS's values, per engine:
 * <ul>
 * <li>AllocatedStorage: Aurora 1 (RDS API reference, CopyDBClusterSnapshot sample response, seed 004; the CLI's
 * example shows 0), not the data size; Neptune the same (assumed: same cluster volume); DocumentDB absent (the docdb
 * model's DBClusterSnapshot has no AllocatedStorage); RDS Multi-AZ DB clusters their provisioned GiB.</li>
 * <li>LicenseModel: aurora-mysql {@code aurora-mysql}, aurora-postgresql {@code postgresql-license}, neptune
 * {@code amazon-license}, docdb absent (not in its model).</li>
 * <li>StorageType: Aurora {@code aurora}, DocumentDB and Neptune {@code standard}, Multi-AZ {@code io1} (the
 * default types of clusters made without the I/O-Optimized or gp3 options).</li>
 * <li>DbClusterResourceId: RDS engines only (rds model), {@code cluster-} and 26 upper-case letters or digits.</li>
 * </ul>
 */
class SnapshotReplyFieldsTest {

    private static RdsSim sim;

    @BeforeAll
    static void start() {
        sim = RdsSim.with(Fixture.create().in(RdsSim.PROD, "us-east-1", r -> {
            for (String engine : new String[] {"aurora-mysql", "aurora-postgresql", "docdb", "neptune", "mysql"}) {
                r.snapshot(r.cluster(engine + "-c", engine, 420, null), engine + "-snap", "manual", Map.of());
            }
        }));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** An empty cell: the member is absent from the reply. */
    @ParameterizedTest(name = "{0}: AllocatedStorage {1}, LicenseModel {2}, StorageType {3}, resource id {4}")
    @CsvSource(delimiter = '|', textBlock = """
        aurora-mysql      | 1   | aurora-mysql       | aurora   | true
        aurora-postgresql | 1   | postgresql-license | aurora   | true
        neptune           | 1   | amazon-license     | standard | false
        docdb             |     |                    | standard | false
        mysql             | 420 | general-public-license | io1  | true
        """)
    void membersFollowTheEnginesModel(String engine, Integer allocated, String license, String storageType,
                                      boolean resourceId) {
        DBClusterSnapshot s = sim.snapshot("us-east-1", engine + "-snap");
        assertThat(s.engine()).isEqualTo(engine);
        assertThat(s.allocatedStorage()).isEqualTo(allocated);
        assertThat(s.licenseModel()).isEqualTo(license);
        assertThat(s.storageType()).isEqualTo(storageType);
        if (resourceId) {
            assertThat(s.dbClusterResourceId()).matches("cluster-[A-Z2-7]{26}");
        } else {
            assertThat(s.dbClusterResourceId()).isNull();
        }
    }
}
