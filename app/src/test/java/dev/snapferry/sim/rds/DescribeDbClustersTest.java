package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.RdsException;

/** DescribeDBClusters: the demo's clusters, lookups, the engine filter, and paging over 45 fixture clusters. */
class DescribeDbClustersTest {

    private static RdsSim demo;
    private static RdsSim many;
    private static RdsClient rds;

    @BeforeAll
    static void start() {
        demo = RdsSim.demo();
        rds = demo.rds("us-east-1");
        String[] engines = {"aurora-mysql", "aurora-postgresql", "docdb", "neptune", "mysql"};
        many = RdsSim.with(Fixture.create().in(RdsSim.PROD, "eu-north-1", r -> {
            var key = r.key("alias/many");
            IntStream.range(0, 45).forEach(i -> r.cluster(String.format("cluster-%02d", i), engines[i % 5], 10,
                    i % 2 == 0 ? key : null));
        }));
    }

    @AfterAll
    static void stop() {
        demo.close();
        many.close();
    }

    @Test
    void listsEveryRdsFamilyClusterOfTheAccountAndRegion() {
        List<DBCluster> clusters = rds.describeDBClustersPaginator(b -> { }).dbClusters().stream().toList();
        assertThat(clusters).extracting(DBCluster::dbClusterIdentifier).containsExactlyInAnyOrder("orders-aurora",
                "billing-pg", "catalog-docdb", "graph-neptune", "ledger-mysql");
        assertThat(clusters).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("available");
            assertThat(c.dbClusterArn()).isEqualTo("arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster:"
                    + c.dbClusterIdentifier());
        });
    }

    @Test
    void everyClientListsEveryEngine() {
        assertThat(demo.docdb("us-east-1").describeDBClusters().dbClusters()).extracting(c -> c.engine())
                .contains("aurora-mysql", "docdb", "neptune");
        assertThat(demo.neptune("us-east-1").describeDBClusters().dbClusters()).extracting(c -> c.engine())
                .contains("aurora-postgresql", "docdb", "neptune");
    }

    @Test
    void findsOneClusterByIdentifierIgnoringCase() {
        assertThat(rds.describeDBClusters(b -> b.dbClusterIdentifier("Orders-Aurora")).dbClusters())
                .singleElement().satisfies(c -> {
                    assertThat(c.dbClusterIdentifier()).isEqualTo("orders-aurora");
                    assertThat(c.engine()).isEqualTo("aurora-mysql");
                    assertThat(c.storageEncrypted()).isTrue();
                    assertThat(c.kmsKeyId()).startsWith("arn:aws:kms:us-east-1:");
                    assertThat(c.tagList()).extracting(t -> t.key()).contains("Environment");
                });
    }

    @Test
    void unknownClusterIsDbClusterNotFound() {
        DbClusterNotFoundException e = catchThrowableOfType(DbClusterNotFoundException.class,
                () -> rds.describeDBClusters(b -> b.dbClusterIdentifier("no-such-cluster")));
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DBClusterNotFoundFault");
    }

    @Test
    void clusterOfAnotherRegionIsNotFound() {
        assertThatThrownBy(() -> demo.rds("eu-west-1").describeDBClusters(b -> b
                .dbClusterIdentifier("orders-aurora"))).isInstanceOf(DbClusterNotFoundException.class);
    }

    @Test
    void engineFilterKeepsOnlyThatEngine() {
        assertThat(rds.describeDBClusters(b -> b.filters(Filter.builder().name("engine").values("docdb").build()))
                .dbClusters()).singleElement().satisfies(c -> assertThat(c.dbClusterIdentifier())
                .isEqualTo("catalog-docdb"));
        assertThat(demo.docdb("us-east-1").describeDBClusters(b -> b.filters(
                software.amazon.awssdk.services.docdb.model.Filter.builder().name("engine").values("neptune")
                        .build())).dbClusters()).singleElement()
                .satisfies(c -> assertThat(c.dbClusterIdentifier()).isEqualTo("graph-neptune"));
    }

    @Test
    void dbClusterIdFilterSelectsClusters() {
        assertThat(rds.describeDBClusters(b -> b.filters(Filter.builder().name("db-cluster-id")
                .values("billing-pg", "arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster:ledger-mysql").build()))
                .dbClusters()).extracting(DBCluster::dbClusterIdentifier)
                .containsExactlyInAnyOrder("billing-pg", "ledger-mysql");
    }

    @Test
    void unknownFilterNameIsInvalidParameterValue() {
        RdsException e = catchThrowableOfType(RdsException.class, () -> rds.describeDBClusters(b -> b.filters(
                Filter.builder().name("domain").values("x").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void maxRecordsOutside20To100IsInvalidParameterValue() {
        for (int max : new int[] {19, 101}) {
            RdsException e = catchThrowableOfType(RdsException.class, () -> rds.describeDBClusters(b -> b
                    .maxRecords(max)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        }
    }

    @Test
    void paginatorReturnsEveryClusterExactlyOnce() {
        RdsClient north = many.rds("eu-north-1");
        List<DescribeDbClustersResponse> pages = north.describeDBClustersPaginator(b -> b.maxRecords(20)).stream()
                .toList();
        assertThat(pages).extracting(p -> p.dbClusters().size()).containsExactly(20, 20, 5);
        List<String> ids = pages.stream().flatMap(p -> p.dbClusters().stream()).map(DBCluster::dbClusterIdentifier)
                .toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(IntStream.range(0, 45)
                .mapToObj(i -> String.format("cluster-%02d", i)).toList());
    }

    @Test
    void manualMarkerLoopReturnsEveryClusterExactlyOnce() {
        RdsClient north = many.rds("eu-north-1");
        List<String> ids = new ArrayList<>();
        String marker = null;
        int calls = 0;
        do {
            String current = marker;
            DescribeDbClustersResponse page = north.describeDBClusters(b -> b.maxRecords(20).marker(current));
            page.dbClusters().forEach(c -> ids.add(c.dbClusterIdentifier()));
            marker = page.marker();
            calls++;
        } while (marker != null && calls < 10);
        assertThat(calls).isEqualTo(3);
        assertThat(ids).hasSize(45).doesNotHaveDuplicates();
    }

    @Test
    void engineFilterWorksAcrossPages() {
        RdsClient north = many.rds("eu-north-1");
        Map<String, Long> counts = new java.util.TreeMap<>();
        north.describeDBClustersPaginator(b -> b.maxRecords(20).filters(Filter.builder().name("engine")
                .values("neptune").build())).dbClusters()
                .forEach(c -> counts.merge(c.engine(), 1L, Long::sum));
        assertThat(counts).containsExactly(Map.entry("neptune", 9L));
    }
}
