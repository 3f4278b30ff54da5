package dev.snapferry.reliability;

import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.jobs.JobPolling;
import dev.snapferry.core.jobs.LiveCopyBackend;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The app's copy jobs in a process of their own, composed as {@code SnapferryApp} composes them (the job history
 * file, {@link CopyJobService} on a virtual-thread executor, {@link JobPolling} on a scheduler): on a first start
 * it submits a batch into us-east-1; on every start it recovers the history, then follows the jobs until none is
 * in flight and exits. {@link CrashRecoveryTest} kills it with SIGKILL and starts it again.
 *
 * <p>Arguments: endpoint, history file, batch size, name prefix. The demo account's keys come from the
 * environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}), never from the command line.
 */
public final class CopyBatchProcess {

    private static final RegionRef EAST = new RegionRef("us-east-1");

    private CopyBatchProcess() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        Path historyFile = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        String prefix = args[3];
        SdkHttpClient http = ApacheHttpClient.create();
        AccountSession session = AccountSession.open("prod", false, EAST, new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"),
                        System.getenv("AWS_SECRET_ACCESS_KEY"))), endpoint, http, 4));
        OpenSessions sessions = new OpenSessions();
        sessions.add("prod", List.of(session));
        CopyJobService jobs = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(),
                new JobHistory(historyFile, Clock.systemUTC()), Executors.newVirtualThreadPerTaskExecutor(),
                Clock.systemUTC());
        CountDownLatch over = new CountDownLatch(1);
        jobs.addListener(update -> {
            if (!update.jobs().isEmpty() && update.jobs().stream().allMatch(j -> j.state().isFinal())) {
                over.countDown();
            }
        });
        var loaded = jobs.recover();
        System.out.println("RECOVERED " + loaded.value().jobs().size());
        if (jobs.jobs().isEmpty()) {
            List<Snapshot> sources = new SnapshotLister(new KmsDirectory(), 1).list(List.of(session), List.of(EAST),
                    SnapshotLister.Options.DEFAULT, r -> { }).get(60, TimeUnit.SECONDS).stream()
                    .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream())
                    .filter(s -> !s.isForeign() && s.status().state() == SnapshotState.AVAILABLE).toList();
            sources = everyFamilyInTurn(sources);
            List<CopyRequest> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(new CopyRequest(sources.get(i % sources.size()), session.account(), EAST, prefix + i,
                        null, false, List.of()));
            }
            System.out.println("SUBMITTING " + count);
            jobs.submit(batch);
        }
        try (JobPolling polling = new JobPolling(jobs, Executors.newSingleThreadScheduledExecutor())) {
            polling.wake();
            if (!over.await(5, TimeUnit.MINUTES)) {
                System.out.println("NOT OVER " + jobs.jobs());
                System.exit(2);
            }
        }
        System.out.println("ALL OVER");
        sessions.close();
        http.close();
        System.exit(0);
    }

    /**
     * The sources taken in turn from each engine family (DocumentDB Elastic first, whose copies go through an API
     * of their own), so that even a short batch copies every family.
     */
    static List<Snapshot> everyFamilyInTurn(List<Snapshot> sources) {
        Map<EngineFamily, List<Snapshot>> byFamily = new TreeMap<>(Comparator.comparing(
                (EngineFamily f) -> f != EngineFamily.DOCUMENTDB_ELASTIC).thenComparing(Enum::ordinal));
        sources.forEach(s -> byFamily.computeIfAbsent(s.engine().family(), f -> new ArrayList<>()).add(s));
        List<Snapshot> mixed = new ArrayList<>();
        for (int i = 0; mixed.size() < sources.size(); i++) {
            for (List<Snapshot> family : byFamily.values()) {
                if (i < family.size()) {
                    mixed.add(family.get(i));
                }
            }
        }
        return mixed;
    }
}
