package dev.snapferry.sim.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.sim.Dataset;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.data.GeneratedDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.sim.state.SimCluster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.docdbelastic.model.ClusterInList;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshot;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshotInList;
import software.amazon.awssdk.services.docdbelastic.model.ListClusterSnapshotsResponse;
import software.amazon.awssdk.services.docdbelastic.model.ListClustersResponse;
import software.amazon.awssdk.services.docdbelastic.model.ResourceNotFoundException;
import software.amazon.awssdk.services.docdbelastic.model.SnapshotType;
import software.amazon.awssdk.services.docdbelastic.model.Status;
import software.amazon.awssdk.services.docdbelastic.model.ValidationException;
import software.amazon.awssdk.services.kms.KmsClient;

/** ListClusterSnapshots, GetClusterSnapshot and ListClusters over the real DocumentDB Elastic client. */
class ElasticSnapshotListingTest {

    private static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
    /** One region of 1200 generated snapshots: every tenth is an Elastic one, so 120 Elastic snapshots. */
    private static final GeneratedDataset GENERATED = new GeneratedDataset(1, 1200, 7);

    private static Simulator demo;
    private static Simulator generated;

    @BeforeAll
    static void start() throws Exception {
        demo = Simulator.start(new Simulator.Options(0, SimClock.manual(START), FaultSettings.none(),
                new DemoDataset()));
        generated = Simulator.start(new Simulator.Options(0, SimClock.manual(START), FaultSettings.none(),
                GENERATED));
    }

    @AfterAll
    static void stop() {
        demo.close();
        generated.close();
    }

    private static DocDbElasticClient elastic(String region) {
        return SimClients.production(demo, region).elastic();
    }

    private static List<ClusterSnapshotInList> all(DocDbElasticClient client) {
        return client.listClusterSnapshotsPaginator(b -> b.maxResults(20)).snapshots().stream().toList();
    }

    @Test
    void demoHasElasticSnapshotsInUsEast1AndEuWest1Only() {
        try (DocDbElasticClient east = elastic("us-east-1"); DocDbElasticClient eu = elastic("eu-west-1");
             DocDbElasticClient west = elastic("us-west-2")) {
            List<ClusterSnapshotInList> eastSnapshots = all(east);
            List<ClusterSnapshotInList> euSnapshots = all(eu);
            assertThat(eastSnapshots).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.snapshotArn()).startsWith("arn:aws:docdb-elastic:us-east-1:"
                            + "111122223333:cluster-snapshot/"))
                    .allSatisfy(s -> assertThat(s.status()).isEqualTo(Status.ACTIVE));
            assertThat(euSnapshots).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.snapshotArn()).contains(":eu-west-1:111122223333:"));
            assertThat(all(west)).isEmpty();
        }
        try (DocDbElasticClient dr = SimClients.disasterRecovery(demo, "us-east-1").elastic()) {
            assertThat(all(dr)).as("the DR account has no Elastic snapshots").isEmpty();
        }
    }

    @Test
    void filtersByClusterArnAndSnapshotType() {
        try (DocDbElasticClient east = elastic("us-east-1")) {
            List<ClusterSnapshotInList> everything = all(east);
            String clusterArn = everything.getFirst().clusterArn();
            List<ClusterSnapshotInList> ofCluster = east.listClusterSnapshotsPaginator(b -> b.maxResults(20)
                    .clusterArn(clusterArn)).snapshots().stream().toList();
            assertThat(ofCluster).isNotEmpty().allSatisfy(s -> assertThat(s.clusterArn()).isEqualTo(clusterArn));
            assertThat(east.listClusterSnapshots(b -> b.clusterArn(clusterArn.replace("cluster/", "cluster/0")))
                    .snapshots()).as("an unknown cluster has no snapshots").isEmpty();

            List<ClusterSnapshotInList> manual = east.listClusterSnapshots(b -> b.snapshotType("manual")).snapshots();
            List<ClusterSnapshotInList> automated = east.listClusterSnapshots(b -> b.snapshotType("automated"))
                    .snapshots();
            assertThat(manual).isNotEmpty();
            assertThat(automated).isNotEmpty();
            assertThat(manual.size() + automated.size()).isEqualTo(everything.size());
            assertThat(manual).extracting(ClusterSnapshotInList::snapshotArn)
                    .doesNotContainAnyElementsOf(automated.stream().map(ClusterSnapshotInList::snapshotArn).toList());
            for (ClusterSnapshotInList s : manual) {
                assertThat(east.getClusterSnapshot(b -> b.snapshotArn(s.snapshotArn())).snapshot().snapshotType())
                        .isEqualTo(SnapshotType.MANUAL);
            }
            for (ClusterSnapshotInList s : automated) {
                assertThat(east.getClusterSnapshot(b -> b.snapshotArn(s.snapshotArn())).snapshot().snapshotType())
                        .isEqualTo(SnapshotType.AUTOMATED);
            }
            List<ClusterSnapshotInList> both = east.listClusterSnapshots(b -> b.clusterArn(clusterArn)
                    .snapshotType("manual")).snapshots();
            assertThat(both).extracting(ClusterSnapshotInList::snapshotArn)
                    .containsExactlyInAnyOrderElementsOf(manual.stream()
                            .filter(s -> s.clusterArn().equals(clusterArn))
                            .map(ClusterSnapshotInList::snapshotArn).toList());
        }
    }

    /**
     * The request filter takes only the documented values "automated" and "manual" (botocore docdb-elastic
     * 2022-11-28 service-2.json, ListClusterSnapshotsInput.snapshotType); the upper-case enum is the response's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"MANUAL", "AUTOMATED", "Manual", "shared", "SHARED", "public"})
    void snapshotTypeOtherThanTheDocumentedLowerCaseValuesIsRefused(String type) {
        try (DocDbElasticClient east = elastic("us-east-1")) {
            assertThatThrownBy(() -> east.listClusterSnapshots(b -> b.snapshotType(type)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.fieldList()).extracting(f -> f.name()).containsExactly("snapshotType");
                    });
        }
    }

    @ParameterizedTest
    @CsvSource({"manual, MANUAL", "automated, AUTOMATED"})
    void documentedSnapshotTypeListsOnlySnapshotsOfThatType(String filter, SnapshotType written) {
        try (DocDbElasticClient east = elastic("us-east-1")) {
            List<ClusterSnapshotInList> listed = east.listClusterSnapshots(b -> b.snapshotType(filter)).snapshots();
            assertThat(listed).isNotEmpty().allSatisfy(s -> assertThat(east.getClusterSnapshot(b -> b
                    .snapshotArn(s.snapshotArn())).snapshot().snapshotType()).isEqualTo(written));
        }
    }

    @Test
    void pagingWithNextTokenReturnsEveryItemExactlyOnce() {
        try (DocDbElasticClient east = SimClients.production(generated, "us-east-1").elastic()) {
            List<String> paged = new ArrayList<>();
            int pages = 0;
            String token = null;
            do {
                String next = token;
                ListClusterSnapshotsResponse page = east.listClusterSnapshots(b -> b.maxResults(20).nextToken(next));
                assertThat(page.snapshots()).hasSizeLessThanOrEqualTo(20);
                page.snapshots().forEach(s -> paged.add(s.snapshotArn()));
                token = page.nextToken();
                pages++;
                assertThat(pages).as("paging must end").isLessThan(50);
            } while (token != null);

            assertThat(paged).hasSize(GENERATED.perRegion() / 10).doesNotHaveDuplicates();
            assertThat(pages).isEqualTo(6);

            ListClusterSnapshotsResponse first = east.listClusterSnapshots(b -> b.maxResults(100));
            assertThat(first.snapshots()).hasSize(100);
            assertThat(first.nextToken()).isNotNull();
            ListClusterSnapshotsResponse second = east.listClusterSnapshots(b -> b.maxResults(100)
                    .nextToken(first.nextToken()));
            assertThat(second.snapshots()).hasSize(20);
            assertThat(second.nextToken()).isNull();
            Set<String> big = new HashSet<>();
            first.snapshots().forEach(s -> big.add(s.snapshotArn()));
            second.snapshots().forEach(s -> big.add(s.snapshotArn()));
            assertThat(big).containsExactlyInAnyOrderElementsOf(paged);

            assertThat(east.listClusterSnapshotsPaginator(b -> b.maxResults(20)).snapshots().stream()
                    .map(ClusterSnapshotInList::snapshotArn).toList())
                    .as("the SDK paginator sees the same items").containsExactlyInAnyOrderElementsOf(paged);
        }
    }

    @Test
    void pagingAFilteredListReturnsEveryMatchingItemOnce() {
        try (DocDbElasticClient east = SimClients.production(generated, "us-east-1").elastic()) {
            List<String> automated = east.listClusterSnapshotsPaginator(b -> b.maxResults(20)
                    .snapshotType("automated")).snapshots().stream().map(ClusterSnapshotInList::snapshotArn).toList();
            List<String> manual = east.listClusterSnapshotsPaginator(b -> b.maxResults(20)
                    .snapshotType("manual")).snapshots().stream().map(ClusterSnapshotInList::snapshotArn).toList();
            assertThat(automated).doesNotHaveDuplicates().isNotEmpty();
            assertThat(manual).doesNotHaveDuplicates().isNotEmpty().doesNotContainAnyElementsOf(automated);
            assertThat(automated.size() + manual.size()).isEqualTo(GENERATED.perRegion() / 10);
        }
    }

    @Test
    void maxResultsOutOfRangeIsAValidationError() {
        try (DocDbElasticClient east = elastic("us-east-1")) {
            for (int bad : new int[] {0, 19, 101, 1000}) {
                assertThatThrownBy(() -> east.listClusterSnapshots(b -> b.maxResults(bad)))
                        .as("maxResults %d", bad)
                        .isInstanceOfSatisfying(ValidationException.class,
                                e -> assertThat(e.statusCode()).isEqualTo(400));
            }
            assertThat(east.listClusterSnapshots(b -> b.maxResults(20)).snapshots()).isNotEmpty();
            assertThat(east.listClusterSnapshots(b -> b.maxResults(100)).snapshots()).isNotEmpty();
        }
    }

    @Test
    void getClusterSnapshotReturnsEveryField() {
        try (DocDbElasticClient east = elastic("us-east-1");
             KmsClient kms = SimClients.production(demo, "us-east-1").kms()) {
            ClusterSnapshotInList listed = east.listClusterSnapshots(b -> b.snapshotType("manual")).snapshots()
                    .getFirst();
            ClusterSnapshot s = east.getClusterSnapshot(b -> b.snapshotArn(listed.snapshotArn())).snapshot();
            assertThat(s.snapshotArn()).isEqualTo(listed.snapshotArn());
            assertThat(s.snapshotName()).isEqualTo(listed.snapshotName()).startsWith("events-elastic-");
            assertThat(s.clusterArn()).isEqualTo(listed.clusterArn())
                    .startsWith("arn:aws:docdb-elastic:us-east-1:111122223333:cluster/");
            assertThat(s.snapshotCreationTime()).isEqualTo(listed.snapshotCreationTime());
            assertThat(Instant.parse(s.snapshotCreationTime())).isBefore(START);
            assertThat(Instant.parse(s.clusterCreationTime())).isBefore(Instant.parse(s.snapshotCreationTime()));
            assertThat(s.status()).isEqualTo(Status.ACTIVE);
            assertThat(s.snapshotType()).isEqualTo(SnapshotType.MANUAL);
            assertThat(s.adminUserName()).isNotBlank();
            assertThat(s.subnetIds()).isNotEmpty();
            assertThat(s.vpcSecurityGroupIds()).isNotEmpty();
            String customerKey = kms.describeKey(b -> b.keyId("alias/snapferry-prod-data")).keyMetadata().arn();
            assertThat(s.kmsKeyId()).isEqualTo(customerKey);
        }
    }

    @Test
    void getClusterSnapshotOfAnUnknownArnIsNotFound() {
        try (DocDbElasticClient east = elastic("us-east-1"); DocDbElasticClient eu = elastic("eu-west-1")) {
            String unknown = "arn:aws:docdb-elastic:us-east-1:111122223333:cluster-snapshot/"
                    + "00000000-0000-0000-0000-000000000000";
            assertThatThrownBy(() -> east.getClusterSnapshot(b -> b.snapshotArn(unknown)))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(404));
            String euArn = all(eu).getFirst().snapshotArn();
            assertThatThrownBy(() -> east.getClusterSnapshot(b -> b.snapshotArn(euArn)))
                    .as("a snapshot of another region is not visible here")
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void listClustersShowsTheRegionsElasticClusters() {
        try (DocDbElasticClient east = elastic("us-east-1"); DocDbElasticClient eu = elastic("eu-west-1");
             DocDbElasticClient west = elastic("us-west-2")) {
            List<ClusterInList> clusters = east.listClustersPaginator(b -> b.maxResults(20)).clusters().stream().toList();
            assertThat(clusters).extracting(ClusterInList::clusterName).containsExactly("events-elastic");
            assertThat(clusters.getFirst().status()).isEqualTo(Status.ACTIVE);
            assertThat(clusters.getFirst().clusterArn()).isEqualTo(all(east).getFirst().clusterArn());
            assertThat(eu.listClusters(b -> b.maxResults(20)).clusters()).extracting(ClusterInList::clusterName)
                    .containsExactly("sessions-elastic");
            assertThat(west.listClusters(b -> b.maxResults(20)).clusters()).isEmpty();
        }
    }

    @Test
    void listClustersPagesWithAnyMaxResultsFromOneToHundred() throws Exception {
        Dataset threeClusters = ctx -> ctx.world().region(DemoAccounts.PRODUCTION, "us-east-2").update(START, r -> {
            for (String name : List.of("alpha-elastic", "beta-elastic", "gamma-elastic")) {
                String arn = "arn:aws:docdb-elastic:us-east-2:" + DemoAccounts.PRODUCTION + ":cluster/" + name;
                r.elasticClusters().put(arn, new SimCluster(name, arn, true, "docdb-elastic", "5.0.0",
                        START.minusSeconds(86_400), 40, true, "AWS_OWNED_KMS_KEY", "ACTIVE"));
            }
            return null;
        });
        try (Simulator sim = Simulator.start(new Simulator.Options(0, SimClock.manual(START), FaultSettings.none(),
                threeClusters)); DocDbElasticClient client = SimClients.production(sim, "us-east-2").elastic()) {
            // ListClusters takes maxResults 1..100 (unlike ListClusterSnapshots' 20..100).
            List<String> names = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                String next = token;
                ListClustersResponse page = client.listClusters(b -> b.maxResults(1).nextToken(next));
                assertThat(page.clusters()).hasSize(1);
                page.clusters().forEach(c -> names.add(c.clusterName()));
                token = page.nextToken();
                pages++;
            } while (token != null && pages < 10);
            assertThat(names).containsExactlyInAnyOrder("alpha-elastic", "beta-elastic", "gamma-elastic");
            assertThat(pages).isEqualTo(3);
            for (int bad : new int[] {0, 101}) {
                assertThatThrownBy(() -> client.listClusters(b -> b.maxResults(bad))).as("maxResults %d", bad)
                        .isInstanceOf(ValidationException.class);
            }
        }
    }
}
