package dev.snapferry.bench;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.StandaloneSimulator;
import dev.snapferry.sim.data.GeneratedDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Lists snapshots from the simulator, which runs in a process of its own at the lowest priority (it stands in for
 * AWS, whose work runs on AWS's machines), with 50 ms latency per call and throttling at 20 calls a second per
 * account and region, through the app's own lister, pool and concurrency bounds.
 *
 * <p>16 regions x 1,000 snapshots are judged against the machine's floor: the longer of the critical path (the
 * longest chain of dependent calls of any region times the latency, and the time the throttle alone imposes) and
 * the same listing with no latency and no throttling (the processor work alone); and against the sequential
 * region-by-region listing a script does (a median of several runs). Then the listing of 1, 4, 16, 64 and 256
 * account-regions shows how time and retained memory per row grow.
 */
class ListingBenchmark {

    private static final int REGIONS = 16;
    private static final int PER_REGION = 1_000;
    private static final long LATENCY_MS = 50;
    private static final int THROTTLE_RATE = 20;
    private static final int THROTTLE_BURST = 20;
    private static final List<String> AWS_LIKE = List.of("-Dsnapferry.sim.latencyMs=" + LATENCY_MS,
            "-Dsnapferry.sim.throttleRate=" + THROTTLE_RATE, "-Dsnapferry.sim.throttleBurst=" + THROTTLE_BURST);
    private static final int WARMUPS = 6;
    private static final int RUNS = 9;
    private static final int SEQUENTIAL_RUNS = 3;

    /**
     * Rows listed: the describe pages, the Elastic listing and the aliases. Elastic's per-snapshot details (two
     * calls each) arrive in a second phase after the rows and are not part of these figures or their references.
     */
    private static final SnapshotLister.Options ROWS = SnapshotLister.Options.DEFAULT;

    @Test
    void listSixteenRegionsOfAThousandSnapshots() throws Exception {
        GeneratedDataset dataset = new GeneratedDataset(REGIONS, PER_REGION, 42);
        List<RegionRef> regions = dataset.regionCodes().stream().map(RegionRef::new).toList();
        try (StandaloneSimulator simulator = simulator(AWS_LIKE, "1x" + REGIONS + "x" + PER_REGION);
             SdkHttpClient http = appPool()) {
            AccountSession session = session(simulator, http, 0);
            List<RegionResult> warmup = list(List.of(session), regions);
            for (int i = 1; i < WARMUPS; i++) {
                // Steady state: the JIT has compiled the SDK's and the simulator's XML paths.
                Thread.sleep(1_000);
                list(List.of(session), regions);
            }
            Chain chain = Chain.of(warmup);

            List<Double> parallel = new ArrayList<>();
            int lost = 0;
            int rows = 0;
            for (int run = 0; run < RUNS; run++) {
                // A second between runs lets every region's throttling bucket refill, as between two refreshes.
                Thread.sleep(1_000);
                long start = System.nanoTime();
                List<RegionResult> results = list(List.of(session), regions);
                parallel.add((System.nanoTime() - start) / 1e6);
                lost = Math.max(lost, lost(results));
                rows = rows(results);
            }
            double measured = median(parallel);

            // What a script does: the same calls, one region after another; its median, as the listing's.
            List<Double> sequential = new ArrayList<>();
            SnapshotLister oneAtATime = new SnapshotLister(new KmsDirectory(), 1);
            for (int run = 0; run < SEQUENTIAL_RUNS; run++) {
                Thread.sleep(1_000);
                long start = System.nanoTime();
                try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (RegionRef region : regions) {
                        oneAtATime.listRegion(session, region, ROWS, executor);
                    }
                }
                sequential.add((System.nanoTime() - start) / 1e6);
            }
            session.close();

            double cpuFloorMs = cpuFloor(http, regions);
            double floorMs = Math.max(chain.criticalPathMs(), cpuFloorMs);
            System.out.printf(Locale.ROOT, "BENCH listing: %d rows from %d regions, runs %s ms, at most %d regions "
                    + "lost in a run; sequential runs %s ms%n", rows, REGIONS, round(parallel), lost,
                    round(sequential));
            System.out.printf(Locale.ROOT, "BENCH listing: critical path %.0f ms (%d dependent calls x %d ms, "
                    + "throttle bound %.0f ms for %d calls a region), processor work alone %.1f ms%n",
                    chain.criticalPathMs(), chain.longest(), LATENCY_MS, chain.throttleMs(), chain.calls(),
                    cpuFloorMs);
            BenchResults.atMost("listing.16x1000.vsFloor", measured, "ms",
                    "machine's floor: max(critical path, no-latency listing)", floorMs, 1.3);
            BenchResults.atMost("listing.16x1000.vsSequential", measured, "ms",
                    "sequential region-by-region listing (median)", median(sequential), 0.1);
            BenchResults.below("listing.16x1000.lostRegions", lost, "regions", 0);
            BenchResults.below("listing.16x1000.missingRows", REGIONS * PER_REGION - rows, "rows", 0);
        }
    }

    /** Account-regions listed at each size: accounts x regions of each. */
    private static final int[][] SIZES = {{1, 1}, {1, 4}, {1, 16}, {4, 16}, {16, 16}};
    private static final int GROWTH_PER_REGION = 1_000;
    private static final int GROWTH_RUNS = 3;

    /** Time and retained heap per row as the listing grows from 1 to 256 account-regions. */
    @Test
    void howTheCostOfAListingGrows() throws Exception {
        int accounts = SIZES[SIZES.length - 1][0];
        // 17 regions in each account, as AWS enables by default; each size lists the first ones.
        try (StandaloneSimulator simulator = simulator(AWS_LIKE, accounts + "x17x" + GROWTH_PER_REGION);
             SdkHttpClient http = appPool()) {
            List<AccountSession> sessions = new ArrayList<>();
            for (int n = 0; n < accounts; n++) {
                sessions.add(session(simulator, http, n));
            }
            List<RegionRef> allRegions = new GeneratedDataset(1, 17, 0, 0).regionCodes().stream()
                    .map(RegionRef::new).toList();
            // Warm-up at the largest size: the JIT has compiled both sides' paths before the smallest is timed.
            for (int i = 0; i < 2; i++) {
                list(sessions.subList(0, accounts), allRegions.subList(0, SIZES[SIZES.length - 1][1]));
                Thread.sleep(1_000);
            }
            List<List<Object>> table = new ArrayList<>();
            List<Double> perRowTimes = new ArrayList<>();
            List<Double> perRowBytes = new ArrayList<>();
            int lostAny = 0;
            for (int[] size : SIZES) {
                List<AccountSession> who = sessions.subList(0, size[0]);
                List<RegionRef> where = allRegions.subList(0, size[1]);
                List<Double> times = new ArrayList<>();
                long bytes = 0;
                int rows = 0;
                for (int run = 0; run < GROWTH_RUNS; run++) {
                    Thread.sleep(1_000);
                    Measured m = measure(who, where);
                    times.add(m.ms());
                    bytes = m.retainedBytes();
                    rows = m.rows();
                    lostAny = Math.max(lostAny, m.lost());
                }
                double ms = median(times);
                double usPerRow = ms * 1000 / Math.max(1, rows);
                double bytesPerRow = bytes / (double) Math.max(1, rows);
                table.add(List.of(size[0] * size[1], rows, ms, usPerRow, bytesPerRow));
                if (size[0] * size[1] >= 16) {
                    perRowTimes.add(usPerRow);
                    perRowBytes.add(bytesPerRow);
                }
            }
            sessions.forEach(AccountSession::close);
            BenchResults.table("listing.growth", List.of("account-regions", "rows", "median ms", "us/row",
                    "bytes/row"), table);
            BenchResults.atMost("listing.growth.16to256.timePerRowSpread", spread(perRowTimes), "x",
                    "flat: largest / smallest time per row from 16 to 256 account-regions", 1.0, 1.5);
            BenchResults.atMost("listing.growth.16to256.bytesPerRowSpread", spread(perRowBytes), "x",
                    "flat: largest / smallest bytes per row from 16 to 256 account-regions", 1.0, 1.5);
            BenchResults.below("listing.growth.lostRegions", lostAny, "regions", 0);
        }
    }

    private record Measured(double ms, long retainedBytes, int rows, int lost) {
    }

    /** One listing: its time, and the heap its results retain (held until measured, then dropped). */
    private static Measured measure(List<AccountSession> who, List<RegionRef> where) throws InterruptedException {
        long before = usedHeapAfterGc();
        long start = System.nanoTime();
        List<RegionResult> results = list(who, where);
        double ms = (System.nanoTime() - start) / 1e6;
        long retained = usedHeapAfterGc() - before;
        Measured measured = new Measured(ms, retained, rows(results), lost(results));
        java.lang.ref.Reference.reachabilityFence(results);
        return measured;
    }

    /** The longest chain of dependent calls of any region, and the throttle's own bound on the busiest region. */
    private record Chain(int longest, int calls, double throttleMs) {

        static Chain of(List<RegionResult> results) {
            int longest = 1;
            int calls = 0;
            for (RegionResult r : results) {
                if (!(r instanceof RegionResult.Loaded loaded)) {
                    continue;
                }
                long rds = loaded.snapshots().stream().filter(s -> s.engine().api() == ApiFamily.RDS).count();
                long elastic = loaded.snapshots().stream().filter(s -> s.engine() == Engine.DOCUMENTDB_ELASTIC).count();
                int rdsPages = (int) Math.max(1, (rds + 99) / 100);
                // ListClusters, then each Elastic cluster's pages (one cluster a region in this dataset).
                int elasticChain = 1 + (int) Math.max(1, (elastic + 99) / 100);
                longest = Math.max(longest, Math.max(rdsPages, elasticChain));
                calls = Math.max(calls, rdsPages + elasticChain + 1);
            }
            double throttleMs = Math.max(0, calls - THROTTLE_BURST) * 1000.0 / THROTTLE_RATE;
            return new Chain(longest, calls, throttleMs);
        }

        double criticalPathMs() {
            return Math.max(longest * (double) LATENCY_MS, throttleMs);
        }
    }

    /** The processor's share: the same listing with no latency and no throttling, in a simulator of its own. */
    private static double cpuFloor(SdkHttpClient http, List<RegionRef> regions) throws Exception {
        try (StandaloneSimulator simulator = simulator(List.of(), "1x" + REGIONS + "x" + PER_REGION)) {
            AccountSession session = session(simulator, http, 0);
            for (int i = 0; i < WARMUPS; i++) {
                list(List.of(session), regions);
            }
            List<Double> times = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                Thread.sleep(200);
                long start = System.nanoTime();
                list(List.of(session), regions);
                times.add((System.nanoTime() - start) / 1e6);
            }
            session.close();
            System.out.printf("BENCH listing with no latency: runs %s ms%n", round(times));
            return median(times);
        }
    }

    private static StandaloneSimulator simulator(List<String> properties, String dataset)
            throws java.io.IOException {
        return StandaloneSimulator.start(properties, true, "--manual-clock", "--dataset", dataset);
    }

    /** The HTTP pool the app itself builds. */
    private static SdkHttpClient appPool() {
        return ApacheHttpClient.builder().maxConnections(AwsClients.MAX_CONNECTIONS).build();
    }

    private static AccountSession session(StandaloneSimulator simulator, SdkHttpClient http, int account) {
        AwsClients clients = new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                GeneratedDataset.accessKey(account), GeneratedDataset.secretKey(account))), simulator.endpoint(),
                http, 10);
        return AccountSession.open("bench-" + account, true, new RegionRef("us-east-1"), clients);
    }

    /** The app's lister with the app's concurrency bound. */
    private static List<RegionResult> list(List<AccountSession> sessions, List<RegionRef> regions) {
        return new SnapshotLister(new KmsDirectory(), SnapshotLister.CONCURRENT_REGIONS)
                .list(sessions, regions, ROWS, r -> { }).join();
    }

    /** Regions failed or listed only in part (a service's warning): either is a region lost to the user. */
    private static int lost(List<RegionResult> results) {
        return (int) results.stream().filter(r -> !(r instanceof RegionResult.Loaded l && !l.isPartial()))
                .count();
    }

    private static int rows(List<RegionResult> results) {
        return results.stream().mapToInt(r -> r instanceof RegionResult.Loaded l ? l.snapshots().size() : 0).sum();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double spread(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(1)
                / values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<Long> round(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }
}
