package dev.snapferry.core.aws;

import static dev.snapferry.core.aws.SimFixture.DEMO_REGIONS;
import static dev.snapferry.core.aws.SimFixture.EU_WEST_1;
import static dev.snapferry.core.aws.SimFixture.US_EAST_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.faults.FaultSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the lister reports what goes wrong in one region or account without hiding the others. */
class SnapshotListerFailuresTest {

    private SimFixture sim;
    private AccountSession production;

    @BeforeEach
    void start() {
        sim = SimFixture.start();
        production = sim.production;
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aRegionThrottledPastItsRetriesFailsAloneAsThrottled() {
        // A bucket of 20 calls per account and region that hardly refills: eu-west-1 spends its own first.
        sim.faults(new FaultSettings(0, 0.0001, 20, 0, List.of(), Map.of(), Map.of()));
        for (int i = 0; i < 20; i++) {
            production.clients().sts(EU_WEST_1).getCallerIdentity();
        }

        List<RegionResult> results = list(List.of(production), DEMO_REGIONS);

        assertOnlyFailure(results, EU_WEST_1, AwsFailure.Throttled.class);
    }

    @Test
    void anAccountDeniedRdsFailsEveryRegionAsAccessDeniedWhileTheOtherAccountLoads() {
        try (AccountSession dr = sim.sessions.disasterRecovery(1)) {
            sim.faults(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(),
                    Map.of(DemoAccounts.DISASTER_RECOVERY, List.of("rds"))));

            List<RegionResult> results = list(List.of(production, dr), DEMO_REGIONS);

            assertThat(results).hasSize(2 * DEMO_REGIONS.size());
            assertThat(results).filteredOn(r -> r.account().accountId().equals(DemoAccounts.DISASTER_RECOVERY))
                    .hasSize(DEMO_REGIONS.size())
                    .allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(RegionResult.Failed.class,
                            f -> assertThat(f.failure()).isInstanceOf(AwsFailure.AccessDenied.class)));
            assertThat(results).filteredOn(r -> r.account().accountId().equals(DemoAccounts.PRODUCTION))
                    .hasSize(DEMO_REGIONS.size()).allMatch(r -> r instanceof RegionResult.Loaded);
        }
    }

    @Test
    void aRegionNotEnabledFailsAloneAsRegionUnavailable() {
        sim.faults(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(DemoAccounts.PRODUCTION,
                List.of("eu-west-1")), Map.of()));

        assertOnlyFailure(list(List.of(production), DEMO_REGIONS), EU_WEST_1, AwsFailure.RegionUnavailable.class);
    }

    @Test
    void aRegionThatIsDownFailsAloneAsANetworkFailure() {
        sim.faults(new FaultSettings(0, 0, 0, 0, List.of("eu-west-1"), Map.of(), Map.of()));

        assertOnlyFailure(list(List.of(production), DEMO_REGIONS), EU_WEST_1, AwsFailure.Network.class);
    }

    @Test
    void serverErrorsFailTheRegionAsAServiceError() {
        sim.faults(new FaultSettings(0, 0, 0, 1.0, List.of(), Map.of(), Map.of()));

        List<RegionResult> results = list(List.of(production), List.of(US_EAST_1, EU_WEST_1));

        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(
                RegionResult.Failed.class, f -> {
                    assertThat(f.failure()).isInstanceOf(AwsFailure.ServiceError.class);
                    assertThat(f.failure().awsCode()).isEqualTo("InternalFailure");
                }));
    }

    @Test
    void kmsDeniedLeavesTheRegionLoadedWithAKmsWarningAndKeyIdsWithoutAliases() {
        sim.faults(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(),
                Map.of(DemoAccounts.PRODUCTION, List.of("kms"))));

        RegionResult result = list(List.of(production), List.of(US_EAST_1)).getFirst();

        assertThat(result).isInstanceOf(RegionResult.Loaded.class);
        RegionResult.Loaded loaded = (RegionResult.Loaded) result;
        assertThat(loaded.isPartial()).isTrue();
        assertThat(loaded.gaps()).singleElement().satisfies(w -> {
            assertThat(w.part()).isEqualTo(RegionResult.Part.KMS_ALIASES);
            assertThat(w.part().service()).isEqualTo("kms");
            assertThat(w.failure()).isInstanceOf(AwsFailure.AccessDenied.class);
            assertThat(w.failure().awsCode()).isEqualTo("AccessDeniedException");
        });
        assertThat(loaded.snapshots()).isNotEmpty().allMatch(s -> s.kmsKeyAlias() == null && !s.awsManagedKey());
        assertThat(loaded.snapshots()).as("an alias not read is unknown, not absent")
                .filteredOn(s -> s.kmsKeyId() != null).isNotEmpty()
                .allMatch(s -> s.isUnknown(Snapshot.Detail.KMS_ALIAS));
        assertThat(loaded.snapshots()).filteredOn(Snapshot::storageEncrypted).isNotEmpty()
                .filteredOn(s -> s.engine() != dev.snapferry.core.model.Engine.DOCUMENTDB_ELASTIC)
                .allMatch(s -> s.kmsKeyId() != null);
    }

    @Test
    void elasticDeniedLeavesTheRegionLoadedWithAnElasticWarning() {
        sim.faults(new FaultSettings(0, 0, 0, 0, List.of(), Map.of(),
                Map.of(DemoAccounts.PRODUCTION, List.of("docdb-elastic"))));

        RegionResult.Loaded loaded = (RegionResult.Loaded) list(List.of(production), List.of(US_EAST_1)).getFirst();

        assertThat(loaded.gaps()).singleElement().satisfies(w -> {
            assertThat(w.part()).isEqualTo(RegionResult.Part.ELASTIC_LIST);
            assertThat(w.failure()).isInstanceOf(AwsFailure.AccessDenied.class);
        });
        assertThat(loaded.snapshots()).isNotEmpty()
                .noneMatch(s -> s.engine() == dev.snapferry.core.model.Engine.DOCUMENTDB_ELASTIC);
    }

    @Test
    void twoAccountsAreListedTogether() {
        try (AccountSession dr = sim.sessions.disasterRecovery(1)) {
            List<RegionResult> results = list(List.of(production, dr), DEMO_REGIONS);

            assertThat(results).hasSize(2 * DEMO_REGIONS.size()).allMatch(r -> r instanceof RegionResult.Loaded);
            Map<String, List<Snapshot>> byAccount = results.stream().flatMap(r -> ((RegionResult.Loaded) r)
                    .snapshots().stream()).collect(Collectors.groupingBy(Snapshot::accountId));
            assertThat(byAccount).containsOnlyKeys(DemoAccounts.PRODUCTION, DemoAccounts.DISASTER_RECOVERY);
            assertThat(byAccount.get(DemoAccounts.DISASTER_RECOVERY))
                    .anyMatch(s -> "dr-orders-aurora".equals(s.clusterIdentifier()));
            assertThat(byAccount.get(DemoAccounts.PRODUCTION))
                    .anyMatch(s -> "orders-aurora".equals(s.clusterIdentifier()))
                    .noneMatch(s -> "dr-orders-aurora".equals(s.clusterIdentifier())
                            && s.ownerAccountId().equals(DemoAccounts.PRODUCTION));
        }
    }

    @Test
    void theListenerSeesEveryAccountAndRegionExactlyOnce() {
        try (AccountSession dr = sim.sessions.disasterRecovery(1)) {
            List<RegionResult> streamed = new CopyOnWriteArrayList<>();

            List<RegionResult> all = new SnapshotLister(new KmsDirectory(), 3).list(List.of(production, dr),
                    DEMO_REGIONS, SnapshotLister.Options.DEFAULT, streamed::add).orTimeout(60, TimeUnit.SECONDS).join();

            assertThat(streamed).hasSize(2 * DEMO_REGIONS.size());
            assertThat(streamed.stream().map(r -> r.account().accountId() + "/" + r.region()).distinct())
                    .hasSize(2 * DEMO_REGIONS.size());
            assertThat(streamed).containsExactlyInAnyOrderElementsOf(all);
        }
    }

    /**
     * One region at a time, and the listener holds on to the first result: the test receives it while no other
     * region has been listed and the listing as a whole is unfinished, so results stream as regions complete
     * instead of arriving together at the end.
     */
    @Test
    void resultsStreamToTheListenerAsEachRegionCompletes() throws InterruptedException {
        BlockingQueue<RegionResult> delivered = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        Consumer<RegionResult> listener = r -> {
            boolean first = delivered.isEmpty();
            delivered.add(r);
            if (first) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        CompletableFuture<List<RegionResult>> listing = new SnapshotLister(new KmsDirectory(), 1)
                .list(List.of(production), DEMO_REGIONS, SnapshotLister.Options.DEFAULT, listener);

        RegionResult first = delivered.poll(30, TimeUnit.SECONDS);
        assertThat(first).isInstanceOf(RegionResult.Loaded.class);
        assertThat(listing).isNotDone();
        assertThat(delivered).isEmpty();

        release.countDown();
        List<RegionResult> all = listing.orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(all).hasSize(DEMO_REGIONS.size()).contains(first);
        assertThat(delivered).hasSize(DEMO_REGIONS.size() - 1).doesNotContain(first);
    }

    private static List<RegionResult> list(List<AccountSession> accounts, List<RegionRef> regions) {
        List<RegionResult> streamed = new CopyOnWriteArrayList<>();
        List<RegionResult> results = new SnapshotLister(new KmsDirectory(), 4).list(accounts, regions,
                SnapshotLister.Options.DEFAULT, streamed::add).orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(results);
        return results;
    }

    private static void assertOnlyFailure(List<RegionResult> results, RegionRef failing,
                                          Class<? extends AwsFailure> kind) {
        assertThat(results).hasSize(DEMO_REGIONS.size());
        assertThat(results).filteredOn(r -> r instanceof RegionResult.Failed).singleElement().satisfies(r -> {
            assertThat(r.region()).isEqualTo(failing);
            assertThat(((RegionResult.Failed) r).failure()).isInstanceOf(kind);
        });
        assertThat(results).filteredOn(r -> !r.region().equals(failing))
                .allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(RegionResult.Loaded.class,
                        l -> assertThat(l.snapshots()).isNotEmpty()));
    }
}
