package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Start-up lists the open accounts before the window asks: the window's first listing of the same accounts and
 * regions takes that listing over (regions that answered before it asked included, each exactly once); a first
 * listing of anything else drops it and lists afresh.
 */
class ListingHeadStartTest {

    private static final List<RegionRef> REGIONS = DemoDataset.REGIONS.stream().map(RegionRef::new).toList();

    private static Simulator simulator;
    private static SdkHttpClient http;
    private static AccountSession session;

    @BeforeAll
    static void start() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.create();
        session = AccountSession.open("demo", true, REGIONS.getFirst(), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY,
                        DemoAccounts.PRODUCTION_SECRET_KEY)), simulator.endpoint(), http, 3));
    }

    @AfterAll
    static void stop() {
        session.close();
        http.close();
        simulator.close();
    }

    @Test
    void theFirstListingOfTheSameRegionsTakesOverTheOneBegunAtStartUp() throws Exception {
        LiveSnapshotSource source = source();
        source.startEarly(REGIONS, false);
        long callsBefore = simulator.requestCount();
        // Some regions answer before the window asks, some after.
        Thread.sleep(50);
        List<RegionResult> heard = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        source.list(accounts(source), REGIONS, false, heard::add, done::countDown);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        long fullListing = simulator.requestCount() - callsBefore;

        // Every region once (Elastic regions a second time, with their details), and no second listing.
        assertThat(heard.stream().map(RegionResult::region).distinct()).containsExactlyInAnyOrderElementsOf(REGIONS);
        assertThat(heard).allMatch(r -> r instanceof RegionResult.Loaded);

        // Later listings list afresh; the first one cost what one listing costs, not two.
        List<RegionResult> again = new CopyOnWriteArrayList<>();
        CountDownLatch second = new CountDownLatch(1);
        long callsBetween = simulator.requestCount();
        source.list(accounts(source), REGIONS, false, again::add, second::countDown);
        assertThat(second.await(30, TimeUnit.SECONDS)).isTrue();
        long oneListing = simulator.requestCount() - callsBetween;
        assertThat(again.stream().map(RegionResult::region).distinct()).containsExactlyInAnyOrderElementsOf(REGIONS);
        assertThat(oneListing).isPositive();
        // (The aliases are cached by the directory after the first listing: the fresh one makes fewer calls.)
        assertThat(fullListing).as("one listing, not a second one beside the head start")
                .isLessThan(2 * oneListing);
    }

    @Test
    void aFirstListingOfOtherRegionsDropsTheHeadStartAndListsThose() throws Exception {
        LiveSnapshotSource source = source();
        source.startEarly(REGIONS, false);
        List<RegionRef> other = List.of(REGIONS.getFirst());
        List<RegionResult> heard = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        source.list(accounts(source), other, false, heard::add, done::countDown);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(heard).isNotEmpty().allMatch(r -> r.region().equals(other.getFirst()));
    }

    @Test
    void aDifferentPublicChoiceListsAfresh() throws Exception {
        LiveSnapshotSource source = source();
        source.startEarly(REGIONS, false);
        List<RegionResult> heard = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        long before = simulator.requestCount();
        source.list(accounts(source), REGIONS, true, heard::add, done::countDown);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(heard.stream().map(RegionResult::region).distinct()).containsExactlyInAnyOrderElementsOf(REGIONS);
        assertThat(simulator.requestCount()).isGreaterThan(before);
    }

    private static LiveSnapshotSource source() {
        return new LiveSnapshotSource(List.of(session), new SnapshotLister(new KmsDirectory(), 4));
    }

    private static List<AccountRef> accounts(LiveSnapshotSource source) {
        return source.accounts();
    }
}
