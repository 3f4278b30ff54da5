package dev.snapferry.bench;

import dev.snapferry.core.rules.CapabilityMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.jobs.LiveCopyBackend;
import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.sim.StandaloneSimulator;
import dev.snapferry.sim.data.GeneratedDataset;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.OncePerPulse;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.jobs.JobsView;
import dev.snapferry.ui.jobs.JobsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * 500 copy jobs across 8 regions of one account, DocumentDB Elastic copies among them: the API calls each poll
 * cycle makes, against the calls the poll really needs, and the longest stretch the FX thread spends applying the
 * jobs' updates to the jobs panel (the update itself, then the table's layout).
 *
 * <p>The call bound, per poll cycle, adds up for each region with copies in flight: one
 * {@code DescribeDBClusterSnapshots} filtered by the RDS-family copies' names when any is in flight there (one
 * page: at most five per region are, and a call names up to 100), and one Elastic {@code ListClusterSnapshots}
 * of the region's manual snapshots when an Elastic copy is in flight there: Elastic has no filter by name, so
 * that listing takes one page per 100 manual Elastic snapshots the region holds (the simulator's page, AWS's
 * largest {@code maxResults}).
 */
class JobsBenchmark {

    private static final int REGIONS = 8;
    private static final int JOBS = 500;

    @Test
    void fiveHundredJobsAcrossEightRegions() throws Exception {
        GeneratedDataset dataset = new GeneratedDataset(REGIONS, 20, 11);
        Path folder = Files.createTempDirectory("snapferry-jobs-bench");
        Stage stage = FxToolkit.registerPrimaryStage();
        ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
        // Copies the queue sends wait here until the poll's calls are counted, then go.
        java.util.concurrent.LinkedBlockingQueue<Runnable> held = new java.util.concurrent.LinkedBlockingQueue<>();
        // The simulator runs in a process of its own at the lowest priority: AWS's work is not the app's.
        try (StandaloneSimulator simulator = StandaloneSimulator.start(List.of(), true, "--manual-clock",
                "--dataset", REGIONS + "x20");
             SdkHttpClient http = ApacheHttpClient.builder().maxConnections(AwsClients.MAX_CONNECTIONS).build()) {
            OpenSessions sessions = new OpenSessions();
            AccountSession session = AccountSession.open("bench", true, new RegionRef("us-east-1"), new AwsClients(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create(GeneratedDataset.accessKey(0),
                            GeneratedDataset.secretKey(0))), simulator.endpoint(), http, 5));
            sessions.add("bench", List.of(session));
            List<RegionRef> regions = dataset.regionCodes().stream().map(RegionRef::new).toList();
            List<Snapshot> listed = new SnapshotLister(new KmsDirectory(), REGIONS).list(List.of(session), regions,
                    SnapshotLister.Options.DEFAULT, r -> { }).join().stream()
                    .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
            // Up to 100 manual snapshots a region (AWS's quota): 20 there, 10 warm-up copies and 63 copies more.
            // About one source in ten is a DocumentDB Elastic snapshot: its copies stay in its region, five at a
            // time on Elastic's own quota, and are polled through the region's Elastic listing.
            List<Snapshot> sources = listed.stream()
                    .filter(s -> !s.isForeign() && s.status().state() == SnapshotState.AVAILABLE)
                    .toList();
            assertThat(sources).as("the workload has Elastic copies")
                    .anyMatch(s -> s.engine().api() == ApiFamily.DOCDB_ELASTIC);
            // The manual Elastic snapshots each region holds before any copy: the Elastic listing pages them all.
            java.util.Map<RegionRef, Long> elasticManualAtStart = listed.stream()
                    .filter(s -> !s.isForeign() && s.engine().api() == ApiFamily.DOCDB_ELASTIC
                            && s.type() == dev.snapferry.core.model.SnapshotType.MANUAL)
                    .collect(java.util.stream.Collectors.groupingBy(Snapshot::region,
                            java.util.stream.Collectors.counting()));
            List<CopyRequest> requests = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                Snapshot source = sources.get(i % sources.size());
                requests.add(new CopyRequest(source, session.account(), source.region(), "bench-job-" + i, null,
                        false, List.of()));
            }
            CopyJobService service = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                    new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()), held::add, Clock.systemUTC());
            Messages messages = Messages.load(Locale.ROOT);
            double[] longestFx = {0};
            boolean[] measuring = {false};
            List<Double> fxTimes = new java.util.concurrent.CopyOnWriteArrayList<>();
            Scene[] scene = new Scene[1];
            PulseTimer[] pulses = new PulseTimer[1];
            WaitForAsyncUtils.asyncFx(() -> {
                // Every FX task the jobs' updates cause is timed, with the CSS and layout pass of the pulse it
                // runs in (the batch runs in the pulse's animation phase, the pass follows).
                // The app's delivery: at most one batch of updates a pulse.
                JobsViewModel viewModel = new JobsViewModel(service, new OncePerPulse(Platform::runLater, batch -> {
                    long start = System.nanoTime();
                    batch.run();
                    double batchMs = (System.nanoTime() - start) / 1e6;
                    if (measuring[0]) {
                        pulses[0].nextPass().thenAccept(pass -> {
                            double took = batchMs + pass.ms();
                            longestFx[0] = Math.max(longestFx[0], took);
                            fxTimes.add(took);
                        });
                    }
                }), new SameThreadTaskRunner(), new RecordingDialogService(), messages, Clock.systemUTC(),
                        job -> { });
                scene[0] = new Scene(new JobsView(viewModel, messages).root(), 1400, 800);
                pulses[0] = new PulseTimer(scene[0]);
                stage.setScene(scene[0]);
                stage.show();
            }).get();

            // Warm-up: 80 jobs through the same paths, so that the figure below is not the JIT's first pass.
            List<CopyRequest> warmup = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                Snapshot source = sources.get(i % sources.size());
                warmup.add(new CopyRequest(source, session.account(), source.region(), "warm-job-" + i, null,
                        false, List.of()));
            }
            service.submit(warmup);
            release(held, sends, service);
            while (service.anyInFlight()) {
                simulator.advanceClock(180);
                service.pollOnce();
                release(held, sends, service);
            }
            // Cleared from the jobs, the warm-up's Elastic copies stay in AWS, and in the Elastic listing.
            java.util.Map<RegionRef, Long> elasticManual = new java.util.HashMap<>(elasticManualAtStart);
            service.jobs().stream().filter(j -> elastic(j) && j.state() == JobState.AVAILABLE)
                    .forEach(j -> elasticManual.merge(j.request().destinationRegion(), 1L, Long::sum));
            service.clearFinished();
            WaitForAsyncUtils.waitForFxEvents();

            service.submit(requests);
            release(held, sends, service);
            WaitForAsyncUtils.waitForFxEvents();
            GcPauses measuredGc = new GcPauses();
            measuring[0] = true;
            double worstRatio = 0;
            int cycles = 0;
            long totalCalls = 0;
            long totalBound = 0;
            while (service.anyInFlight() && cycles < 400) {
                simulator.advanceClock(180);
                long bound = bound(service.jobs(), elasticManual);
                long before = simulator.requestCount();
                service.pollOnce();
                long pollCalls = simulator.requestCount() - before;
                // Copies sent into the slots the poll freed are the queue's calls, not the poll's.
                release(held, sends, service);
                if (bound > 0) {
                    worstRatio = Math.max(worstRatio, (double) Math.max(0, pollCalls) / bound);
                    totalCalls += Math.max(0, pollCalls);
                    totalBound += bound;
                }
                cycles++;
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(service.jobs()).hasSize(JOBS).allMatch(j -> j.state() == JobState.AVAILABLE);
            measuredGc.close();
            List<Double> sortedFx = fxTimes.stream().sorted().toList();
            double p99 = sortedFx.get(Math.min(sortedFx.size() - 1, (int) Math.ceil(sortedFx.size() * 0.99) - 1));
            System.out.printf(Locale.ROOT, "BENCH jobs: %d FX tasks while polling, median %.1f ms, 95th percentile "
                    + "%.1f ms, 99th %.1f ms, longest %.1f ms; while measuring: %s%n", sortedFx.size(),
                    sortedFx.get(sortedFx.size() / 2), sortedFx.get(sortedFx.size() * 95 / 100), p99, longestFx[0],
                    measuredGc.summary());
            System.out.printf("BENCH jobs: %d jobs in %d regions done in %d poll cycles; %d poll calls for a bound "
                    + "of %d%n", JOBS, REGIONS, cycles, totalCalls, totalBound);
            BenchResults.atMost("jobs.500x8.apiCallsPerPollCycle", worstRatio, "calls/bound",
                    "per account-region with copies in flight: one named describe if RDS-family ones, one Elastic "
                    + "listing page per 100 manual Elastic snapshots if Elastic ones", 1.0, 1.0);
            BenchResults.below("jobs.500x8.longestFxTask", longestFx[0], "ms", 20);
            BenchResults.below("jobs.500x8.fxTaskP99", p99, "ms", 10);
            BenchResults.below("jobs.500x8.longestGcPauseWhilePolling", measuredGc.longest(), "ms", 20);
            session.close();
        } finally {
            sends.shutdownNow();
            FxToolkit.cleanupStages();
        }
    }

    /**
     * The calls a poll of {@code jobs} needs (see the class comment): per region with copies in flight, the named
     * describe of its RDS-family copies (one call per 100 names) and, with Elastic copies in flight, every page of
     * its Elastic listing. {@code elasticManual} counts the manual Elastic snapshots each region held before the
     * measured jobs; their accepted copies are added here.
     */
    private static long bound(List<CopyJob> jobs, java.util.Map<RegionRef, Long> elasticManual) {
        java.util.Map<RegionRef, Long> rdsInFlight = new java.util.HashMap<>();
        java.util.Map<RegionRef, Long> elasticHeld = new java.util.HashMap<>(elasticManual);
        java.util.Set<RegionRef> elasticInFlight = new java.util.HashSet<>();
        for (CopyJob job : jobs) {
            RegionRef region = job.request().destinationRegion();
            boolean polled = job.state() == JobState.COPYING || job.state() == JobState.QUEUED_BY_AWS
                    || job.state() == JobState.CANCELLING;
            if (elastic(job)) {
                if (polled) {
                    elasticInFlight.add(region);
                }
                if (job.targetArn() != null && job.state() != JobState.FAILED && job.state() != JobState.CANCELLED) {
                    // Accepted by AWS: the copy is a manual snapshot of the region, in the listing from now on.
                    elasticHeld.merge(region, 1L, Long::sum);
                }
            } else if (polled) {
                rdsInFlight.merge(region, 1L, Long::sum);
            }
        }
        long calls = rdsInFlight.values().stream().mapToLong(n -> (n + 99) / 100).sum();
        for (RegionRef region : elasticInFlight) {
            calls += Math.max(1, (elasticHeld.getOrDefault(region, 0L) + 99) / 100);
        }
        return calls;
    }

    private static boolean elastic(CopyJob job) {
        return job.request().engine().api() == ApiFamily.DOCDB_ELASTIC;
    }

    /** Sends the copies the queue released, and waits until AWS answered each. */
    private static void release(java.util.concurrent.BlockingQueue<Runnable> held, ExecutorService sends,
                                CopyJobService service) throws Exception {
        while (!held.isEmpty() || service.jobs().stream().anyMatch(j -> j.state() == JobState.SUBMITTING)) {
            Runnable next = held.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                sends.execute(next);
            }
        }
    }
}
