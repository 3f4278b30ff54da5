package dev.snapferry.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnapshotListerTest {

    private static Simulator simulator;
    private static SimSessions sessions;
    private static AccountSession production;
    private static final List<RegionRef> DEMO_REGIONS = DemoDataset.REGIONS.stream().map(RegionRef::new).toList();

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.parse("2026-11-20T12:00:00Z")),
                FaultSettings.none(), new DemoDataset()));
        sessions = new SimSessions(simulator);
        production = sessions.production(3);
    }

    @AfterAll
    static void stop() {
        production.close();
        sessions.close();
        simulator.close();
    }

    @Test
    void listsEveryEngineOfEveryRegionClassifiedByEngine() {
        List<RegionResult> results = new SnapshotLister(new KmsDirectory(), 8)
                .list(List.of(production), DEMO_REGIONS, SnapshotLister.Options.DEFAULT, r -> { })
                .orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(results).hasSize(DEMO_REGIONS.size()).allMatch(r -> r instanceof RegionResult.Loaded);
        List<Snapshot> all = results.stream().flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
        assertThat(all.stream().map(Snapshot::engine).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                Engine.values());
        assertThat(all).filteredOn(s -> s.type() == SnapshotType.SHARED).isNotEmpty()
                .allMatch(s -> s.ownerAccountId().equals(DemoAccounts.DISASTER_RECOVERY));
        assertThat(all).filteredOn(s -> s.status().state() == SnapshotState.QUEUED).isNotEmpty();
        assertThat(all).filteredOn(s -> "alias/snapferry-prod-data".equals(s.kmsKeyAlias())).isNotEmpty();
        assertThat(all).filteredOn(Snapshot::awsManagedKey).allMatch(s -> "alias/aws/rds".equals(s.kmsKeyAlias()));
        assertThat(all).filteredOn(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC)
                .anyMatch(s -> s.type() == SnapshotType.AUTOMATED).anyMatch(s -> s.type() == SnapshotType.MANUAL);
    }

    @Test
    void elasticRowsComeFirstThenAgainWithTheirKeyAndTags() {
        List<RegionResult> streamed = new CopyOnWriteArrayList<>();
        List<RegionResult> results = new SnapshotLister(new KmsDirectory(), 8).list(List.of(production),
                List.of(new RegionRef("us-east-1"), new RegionRef("us-west-2")), SnapshotLister.Options.COMPLETE,
                streamed::add).orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(streamed.stream().filter(r -> r.region().code().equals("us-east-1"))).hasSize(2);
        assertThat(streamed.stream().filter(r -> r.region().code().equals("us-west-2"))).as("no Elastic there")
                .hasSize(1);
        Snapshot first = ((RegionResult.Loaded) streamed.getFirst()).snapshots().stream()
                .filter(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC).findFirst().orElse(null);
        if (first != null) {
            assertThat(first.tags()).isEmpty();
        }
        List<Snapshot> elastic = results.stream().flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream())
                .filter(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC).toList();
        assertThat(elastic).isNotEmpty().allSatisfy(s -> {
            assertThat(s.kmsKeyId()).startsWith("arn:aws:kms:us-east-1:");
            assertThat(s.kmsKeyAlias()).isEqualTo("alias/snapferry-prod-data");
        });
        assertThat(elastic).anySatisfy(s -> assertThat(s.tags()).extracting(t -> t.key())
                .contains("Environment", "Owner", "CostCenter"));
    }

    @Test
    void aRegionThatIsNotEnabledFailsAloneWhileTheOthersLoad() {
        simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(),
                Map.of(DemoAccounts.PRODUCTION, List.of("eu-west-1")), Map.of()));
        try {
            List<RegionResult> streamed = new CopyOnWriteArrayList<>();
            new SnapshotLister(new KmsDirectory(), 8).list(List.of(production), DEMO_REGIONS,
                    SnapshotLister.Options.DEFAULT, streamed::add).orTimeout(60, TimeUnit.SECONDS).join();
            assertThat(streamed).hasSize(DEMO_REGIONS.size());
            assertThat(streamed).filteredOn(r -> r instanceof RegionResult.Failed).singleElement()
                    .satisfies(r -> {
                        assertThat(r.region().code()).isEqualTo("eu-west-1");
                        assertThat(((RegionResult.Failed) r).failure())
                                .isInstanceOf(AwsFailure.RegionUnavailable.class);
                    });
        } finally {
            simulator.faults().set(FaultSettings.none());
        }
    }
}
