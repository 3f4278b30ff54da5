package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttribute;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbClusterSnapshotStateException;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.SharedSnapshotQuotaExceededException;

/** ModifyDBClusterSnapshotAttribute / DescribeDBClusterSnapshotAttributes and what the other account then sees. */
class SnapshotSharingTest {

    private RdsSim sim;
    private RdsClient prod;
    private RdsClient dr;

    @BeforeEach
    void start() {
        sim = RdsSim.demo();
        prod = sim.rds("us-east-1");
        dr = sim.drRds("us-east-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static List<String> restoreValues(DBClusterSnapshotAttributesResult result) {
        return result.dbClusterSnapshotAttributes().stream().filter(a -> a.attributeName().equals("restore"))
                .findFirst().map(DBClusterSnapshotAttribute::attributeValues).orElseThrow();
    }

    private DBClusterSnapshotAttributesResult share(String id, String... accounts) {
        return prod.modifyDBClusterSnapshotAttribute(b -> b.dbClusterSnapshotIdentifier(id).attributeName("restore")
                .valuesToAdd(accounts)).dbClusterSnapshotAttributesResult();
    }

    private List<DBClusterSnapshot> drSees(String region, boolean shared, boolean publicOnes) {
        return sim.drRds(region).describeDBClusterSnapshotsPaginator(b -> b.includeShared(shared)
                .includePublic(publicOnes)).dbClusterSnapshots().stream()
                .filter(s -> s.dbClusterSnapshotArn().contains(":" + RdsSim.PROD + ":")).toList();
    }

    @Test
    void sharingWithAnAccountLetsItSeeTheSnapshotAsShared() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        assertThat(drSees("us-east-1", true, true)).isEmpty();

        DBClusterSnapshotAttributesResult result = share(orders.dbClusterSnapshotIdentifier(), RdsSim.DR);
        assertThat(result.dbClusterSnapshotIdentifier()).isEqualTo(orders.dbClusterSnapshotIdentifier());
        assertThat(restoreValues(result)).containsExactly(RdsSim.DR);

        assertThat(drSees("us-east-1", true, false)).singleElement().satisfies(s -> {
            assertThat(s.dbClusterSnapshotArn()).isEqualTo(orders.dbClusterSnapshotArn());
            assertThat(s.snapshotType()).isEqualTo("shared");
        });
        assertThat(drSees("us-east-1", false, false)).as("only with IncludeShared").isEmpty();
        assertThat(dr.describeDBClusterSnapshots(b -> b.snapshotType("shared")).dbClusterSnapshots())
                .extracting(DBClusterSnapshot::dbClusterSnapshotArn).containsExactly(orders.dbClusterSnapshotArn());
        assertThat(dr.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier(orders.dbClusterSnapshotArn()))
                .dbClusterSnapshots()).singleElement()
                .satisfies(s -> assertThat(s.snapshotType()).isEqualTo("shared"));
        // Not in other regions, and the owner still sees it as manual.
        assertThat(drSees("us-west-2", true, true)).isEmpty();
        assertThat(sim.snapshot("us-east-1", orders.dbClusterSnapshotIdentifier()).snapshotType())
                .isEqualTo("manual");
    }

    @Test
    void removingTheAccountHidesTheSnapshotAgain() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        share(orders.dbClusterSnapshotIdentifier(), RdsSim.DR, "123456789012");
        DBClusterSnapshotAttributesResult result = prod.modifyDBClusterSnapshotAttribute(b -> b
                .dbClusterSnapshotIdentifier(orders.dbClusterSnapshotIdentifier()).attributeName("restore")
                .valuesToRemove(RdsSim.DR)).dbClusterSnapshotAttributesResult();
        assertThat(restoreValues(result)).containsExactly("123456789012");
        assertThat(drSees("us-east-1", true, true)).isEmpty();
        assertThatThrownBy(() -> dr.describeDBClusterSnapshots(b -> b.dbClusterSnapshotIdentifier(
                orders.dbClusterSnapshotArn()))).isInstanceOf(DbClusterSnapshotNotFoundException.class);
    }

    @Test
    void describeAttributesListsTheAccounts() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        DBClusterSnapshotAttributesResult before = prod.describeDBClusterSnapshotAttributes(b -> b
                .dbClusterSnapshotIdentifier(orders.dbClusterSnapshotIdentifier()))
                .dbClusterSnapshotAttributesResult();
        assertThat(restoreValues(before)).isEmpty();

        share(orders.dbClusterSnapshotIdentifier(), RdsSim.DR, "123456789012");
        DBClusterSnapshotAttributesResult after = prod.describeDBClusterSnapshotAttributes(b -> b
                .dbClusterSnapshotIdentifier(orders.dbClusterSnapshotIdentifier().toUpperCase(java.util.Locale.ROOT)))
                .dbClusterSnapshotAttributesResult();
        assertThat(after.dbClusterSnapshotIdentifier()).isEqualTo(orders.dbClusterSnapshotIdentifier());
        assertThat(restoreValues(after)).containsExactlyInAnyOrder(RdsSim.DR, "123456789012");
    }

    @Test
    void describeAttributesOfTheDrSnapshotSharedWithProduction() {
        DBClusterSnapshot drShared = dr.describeDBClusterSnapshots(b -> b.dbClusterIdentifier("dr-orders-aurora")
                .snapshotType("manual")).dbClusterSnapshots().stream()
                .filter(s -> !restoreValues(dr.describeDBClusterSnapshotAttributes(a -> a
                        .dbClusterSnapshotIdentifier(s.dbClusterSnapshotIdentifier()))
                        .dbClusterSnapshotAttributesResult()).isEmpty()).findFirst().orElseThrow();
        assertThat(restoreValues(dr.describeDBClusterSnapshotAttributes(b -> b.dbClusterSnapshotIdentifier(
                drShared.dbClusterSnapshotIdentifier())).dbClusterSnapshotAttributesResult()))
                .containsExactly(RdsSim.PROD);
    }

    @Test
    void allMakesAnUnencryptedSnapshotPublic() {
        DBClusterSnapshot graph = sim.newestManual("us-east-1", "graph-neptune");
        assertThat(graph.storageEncrypted()).isFalse();
        assertThat(restoreValues(share(graph.dbClusterSnapshotIdentifier(), "all"))).containsExactly("all");

        assertThat(drSees("us-east-1", false, true)).singleElement().satisfies(s -> {
            assertThat(s.dbClusterSnapshotArn()).isEqualTo(graph.dbClusterSnapshotArn());
            assertThat(s.snapshotType()).isEqualTo("public");
        });
        assertThat(drSees("us-east-1", true, false)).as("public is not shared").isEmpty();
        assertThat(dr.describeDBClusterSnapshots(b -> b.snapshotType("public")).dbClusterSnapshots())
                .extracting(DBClusterSnapshot::dbClusterSnapshotArn).containsExactly(graph.dbClusterSnapshotArn());
    }

    @Test
    void allOnAnEncryptedSnapshotIsInvalidParameterValue() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        RdsException e = catchThrowableOfType(RdsException.class,
                () -> share(orders.dbClusterSnapshotIdentifier(), "all"));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(drSees("us-east-1", true, true)).isEmpty();
    }

    @Test
    void sharingASnapshotEncryptedWithTheAwsManagedKeyIsInvalidParameterValue() {
        DBClusterSnapshot billing = sim.newestManual("us-east-1", "billing-pg");
        String managedKey = sim.kms("us-east-1").describeKey(b -> b.keyId("alias/aws/rds")).keyMetadata().arn();
        assertThat(billing.kmsKeyId()).isEqualTo(managedKey);
        RdsException e = catchThrowableOfType(RdsException.class,
                () -> share(billing.dbClusterSnapshotIdentifier(), RdsSim.DR));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(drSees("us-east-1", true, true)).isEmpty();
    }

    @Test
    void aCopyWithACustomerKeyOfAnAwsManagedKeySnapshotCanBeShared() {
        DBClusterSnapshot billing = sim.newestManual("us-east-1", "billing-pg");
        prod.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(billing.dbClusterSnapshotIdentifier())
                .targetDBClusterSnapshotIdentifier("billing-shareable").kmsKeyId("alias/snapferry-prod-data"));
        assertThat(restoreValues(share("billing-shareable", RdsSim.DR))).containsExactly(RdsSim.DR);
    }

    @Test
    void sharingAnAutomatedSnapshotIsInvalidSnapshotState() {
        InvalidDbClusterSnapshotStateException e = catchThrowableOfType(
                InvalidDbClusterSnapshotStateException.class,
                () -> share("rds:graph-neptune-2026-11-20-05-10", RdsSim.DR));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidDBClusterSnapshotStateFault");
    }

    @Test
    void sharingWithTwentyAccountsIsAllowedAndTwentyOneIsSharedSnapshotQuotaExceeded() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        String[] twenty = IntStream.range(0, 20).mapToObj(i -> String.format("1000000000%02d", i))
                .toArray(String[]::new);
        assertThat(restoreValues(share(orders.dbClusterSnapshotIdentifier(), twenty))).hasSize(20);

        SharedSnapshotQuotaExceededException e = catchThrowableOfType(SharedSnapshotQuotaExceededException.class,
                () -> share(orders.dbClusterSnapshotIdentifier(), RdsSim.DR));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SharedSnapshotQuotaExceeded");
        assertThat(restoreValues(prod.describeDBClusterSnapshotAttributes(b -> b.dbClusterSnapshotIdentifier(
                orders.dbClusterSnapshotIdentifier())).dbClusterSnapshotAttributesResult())).hasSize(20)
                .doesNotContain(RdsSim.DR);
    }

    @Test
    void twentyOneAccountsAtOnceIsSharedSnapshotQuotaExceeded() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        String[] twentyOne = IntStream.range(0, 21).mapToObj(i -> String.format("2000000000%02d", i))
                .toArray(String[]::new);
        assertThatThrownBy(() -> share(orders.dbClusterSnapshotIdentifier(), twentyOne))
                .isInstanceOf(SharedSnapshotQuotaExceededException.class);
    }

    @Test
    void invalidAccountIdIsInvalidParameterValue() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        RdsException e = catchThrowableOfType(RdsException.class,
                () -> share(orders.dbClusterSnapshotIdentifier(), "not-an-account"));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void sharingAnUnknownSnapshotIsNotFound() {
        assertThatThrownBy(() -> share("no-such-snapshot", RdsSim.DR))
                .isInstanceOf(DbClusterSnapshotNotFoundException.class);
        assertThatThrownBy(() -> prod.describeDBClusterSnapshotAttributes(b -> b
                .dbClusterSnapshotIdentifier("no-such-snapshot")))
                .isInstanceOf(DbClusterSnapshotNotFoundException.class);
    }

    @Test
    void docDbSnapshotsAreSharedThroughTheDocDbClient() {
        DBClusterSnapshot catalog = sim.newestManual("us-east-1", "catalog-docdb");
        var result = sim.docdb("us-east-1").modifyDBClusterSnapshotAttribute(b -> b
                .dbClusterSnapshotIdentifier(catalog.dbClusterSnapshotIdentifier()).attributeName("restore")
                .valuesToAdd(RdsSim.DR)).dbClusterSnapshotAttributesResult();
        assertThat(result.dbClusterSnapshotAttributes().getFirst().attributeValues()).containsExactly(RdsSim.DR);
        assertThat(sim.drDocdb("us-east-1").describeDBClusterSnapshots(b -> b.snapshotType("shared"))
                .dbClusterSnapshots()).singleElement().satisfies(s -> {
                    assertThat(s.engine()).isEqualTo("docdb");
                    assertThat(s.snapshotType()).isEqualTo("shared");
                });
    }

    @Test
    void theOtherAccountCanCopyWhatIsSharedWithIt() {
        DBClusterSnapshot orders = sim.newestManual("us-east-1", "orders-aurora");
        share(orders.dbClusterSnapshotIdentifier(), RdsSim.DR);
        assertThatThrownBy(() -> dr.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(
                orders.dbClusterSnapshotArn()).targetDBClusterSnapshotIdentifier("from-prod")))
                .isInstanceOf(RdsException.class)
                .satisfies(e -> assertThat(((RdsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("InvalidParameterValue"));
        DBClusterSnapshot copy = dr.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(
                orders.dbClusterSnapshotArn()).targetDBClusterSnapshotIdentifier("from-prod")
                .kmsKeyId("alias/dr-backup")).dbClusterSnapshot();
        assertThat(copy.dbClusterSnapshotArn()).contains(":" + RdsSim.DR + ":");
        assertThat(copy.kmsKeyId()).contains(":" + RdsSim.DR + ":key/");
    }
}
