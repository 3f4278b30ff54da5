package dev.snapferry.sim.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.docdbelastic.model.DocDbElasticException;
import software.amazon.awssdk.services.docdbelastic.model.ResourceNotFoundException;
import software.amazon.awssdk.services.docdbelastic.model.ValidationException;

/** ListTagsForResource, TagResource and UntagResource of DocumentDB Elastic snapshots and clusters. */
class ElasticTagsTest {

    private static final String UNKNOWN = "arn:aws:docdb-elastic:us-east-1:111122223333:cluster-snapshot/"
            + "00000000-0000-0000-0000-000000000000";

    private Simulator simulator;
    private DocDbElasticClient east;
    private String snapshotArn;
    private String clusterArn;

    @BeforeEach
    void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.parse("2026-11-20T12:00:00Z")),
                FaultSettings.none(), new DemoDataset()));
        east = SimClients.production(simulator, "us-east-1").elastic();
        var first = east.listClusterSnapshots(b -> b.snapshotType("manual")).snapshots().getFirst();
        snapshotArn = first.snapshotArn();
        clusterArn = first.clusterArn();
    }

    @AfterEach
    void stop() {
        east.close();
        simulator.close();
    }

    private Map<String, String> tagsOf(String arn) {
        return east.listTagsForResource(b -> b.resourceArn(arn)).tags();
    }

    private static Map<String, String> numbered(int count) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            tags.put("key-" + i, "value-" + i);
        }
        return tags;
    }

    @Test
    void demoSnapshotCarriesThePolicyTags() {
        assertThat(tagsOf(snapshotArn)).containsKeys("Environment", "Owner", "CostCenter")
                .containsEntry("Environment", "production");
    }

    @Test
    void tagResourceAddsAndOverwritesTags() {
        Map<String, String> before = tagsOf(snapshotArn);
        east.tagResource(b -> b.resourceArn(snapshotArn).tags(Map.of("Purpose", "audit", "Owner", "risk")));
        Map<String, String> after = tagsOf(snapshotArn);
        assertThat(after).containsEntry("Purpose", "audit").containsEntry("Owner", "risk")
                .hasSize(before.containsKey("Owner") ? before.size() + 1 : before.size() + 2);
    }

    @Test
    void untagResourceRemovesOnlyTheNamedKeys() {
        Map<String, String> before = tagsOf(snapshotArn);
        east.untagResource(b -> b.resourceArn(snapshotArn).tagKeys("Owner", "CostCenter", "NotThere"));
        Map<String, String> expected = new LinkedHashMap<>(before);
        expected.remove("Owner");
        expected.remove("CostCenter");
        assertThat(tagsOf(snapshotArn)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void clustersCanBeTaggedToo() {
        east.tagResource(b -> b.resourceArn(clusterArn).tags(Map.of("Tier", "gold")));
        assertThat(tagsOf(clusterArn)).containsEntry("Tier", "gold");
        east.untagResource(b -> b.resourceArn(clusterArn).tagKeys("Tier"));
        assertThat(tagsOf(clusterArn)).doesNotContainKey("Tier");
    }

    @Test
    void fiftyOneTagsInOneRequestAreRefused() {
        Map<String, String> before = tagsOf(snapshotArn);
        assertThatThrownBy(() -> east.tagResource(b -> b.resourceArn(snapshotArn).tags(numbered(51))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(tagsOf(snapshotArn)).isEqualTo(before);
    }

    @Test
    void tagsBeyondFiftyInTotalAreRefusedAndNothingChanges() {
        Map<String, String> before = tagsOf(snapshotArn);
        Map<String, String> extra = numbered(51 - before.size());
        assertThatThrownBy(() -> east.tagResource(b -> b.resourceArn(snapshotArn).tags(extra)))
                .isInstanceOfSatisfying(DocDbElasticException.class,
                        e -> assertThat(e.statusCode()).isBetween(400, 499));
        assertThat(tagsOf(snapshotArn)).isEqualTo(before);

        Map<String, String> fits = numbered(50 - before.size());
        east.tagResource(b -> b.resourceArn(snapshotArn).tags(fits));
        assertThat(tagsOf(snapshotArn)).hasSize(50);
    }

    @Test
    void reservedAwsPrefixIsRefusedInAnyCase() {
        Map<String, String> before = tagsOf(snapshotArn);
        for (String key : List.of("aws:createdBy", "AWS:createdBy", "Aws:x")) {
            assertThatThrownBy(() -> east.tagResource(b -> b.resourceArn(snapshotArn).tags(Map.of(key, "x"))))
                    .as("key %s", key).isInstanceOf(ValidationException.class);
        }
        assertThat(tagsOf(snapshotArn)).isEqualTo(before);
    }

    @Test
    void invalidTagCharactersAreRefused() {
        assertThatThrownBy(() -> east.tagResource(b -> b.resourceArn(snapshotArn).tags(Map.of("team#1", "x"))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> east.tagResource(b -> b.resourceArn(snapshotArn)
                .tags(Map.of("k".repeat(129), "x")))).isInstanceOf(ValidationException.class);
    }

    @Test
    void tagsOfAnUnknownResourceAreNotFound() {
        assertThatThrownBy(() -> tagsOf(UNKNOWN)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> east.tagResource(b -> b.resourceArn(UNKNOWN).tags(Map.of("a", "b"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> east.untagResource(b -> b.resourceArn(UNKNOWN).tagKeys("a")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void tagsAreSeenOnlyInTheSnapshotsOwnRegion() {
        try (DocDbElasticClient eu = SimClients.production(simulator, "eu-west-1").elastic()) {
            assertThatThrownBy(() -> eu.listTagsForResource(b -> b.resourceArn(snapshotArn)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }
}
