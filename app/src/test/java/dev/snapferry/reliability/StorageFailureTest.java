package dev.snapferry.reliability;

import dev.snapferry.core.rules.CapabilityMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.app.Preferences;
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
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.storage.AtomicFiles;
import dev.snapferry.core.storage.JsonStore;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Settings and the job history on a disk that is full, then read-only (a real tmpfs, the kernel's own errors): the
 * save fails with the file system's reason, the file keeps its last good content, no temporary file is left, no
 * copy is sent unrecorded, and once there is room again everything is saved and sent.
 */
class StorageFailureTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final int COPIES = EngineFamily.values().length;

    @TempDir
    Path folder;

    @Test
    void aFullThenReadOnlyDiskLeavesTheSettingsAsTheyWereAndSaysWhy() throws Exception {
        Path disk = folder.resolve("config");
        try (SmallDisk small = SmallDisk.mount(disk, 256)) {
            JsonStore<Preferences> store = new JsonStore<>(disk.resolve("preferences.json"), Preferences.class, 1,
                    Preferences::defaults, Clock.systemUTC());
            Preferences before = Preferences.defaults();
            store.save(before);
            String saved = Files.readString(store.file());
            Preferences changed = new Preferences(List.of("eu-west-1"), List.of(), List.of(), List.of(), true,
                    List.of("Owner"), "DARK", List.of(), List.of("prod"), null);

            small.fill();
            assertThatThrownBy(() -> store.save(changed)).isInstanceOfSatisfying(IOException.class,
                    e -> assertThat(AtomicFiles.describe(e)).isEqualTo("No space left on device"));
            assertIntact(disk, store.file(), saved);

            small.free();
            small.readOnly(true);
            assertThatThrownBy(() -> store.save(changed)).isInstanceOfSatisfying(IOException.class,
                    e -> assertThat(AtomicFiles.describe(e)).isEqualTo("Read-only file system"));
            assertIntact(disk, store.file(), saved);
            assertThat(store.load()).isInstanceOf(JsonStore.Loaded.Found.class)
                    .satisfies(l -> assertThat(l.value()).isEqualTo(before));

            small.readOnly(false);
            store.save(changed);
            assertThat(store.load().value()).isEqualTo(changed);
        }
    }

    @Test
    void noCopyIsSentWhileTheJobHistoryCannotBeWrittenAndAllAreSentOnceItCan() throws Exception {
        Path disk = folder.resolve("data");
        try (SmallDisk small = SmallDisk.mount(disk, 256);
             Simulator simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()),
                     FaultSettings.none(), new DemoDataset()));
             SdkHttpClient http = ApacheHttpClient.create();
             OpenSessions sessions = new OpenSessions()) {
            AccountSession prod = AccountSession.open("demo", true, EAST, new AwsClients(StaticCredentialsProvider
                    .create(AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY,
                            DemoAccounts.PRODUCTION_SECRET_KEY)), simulator.endpoint(), http, 2));
            sessions.add("demo", List.of(prod));
            JobHistory history = new JobHistory(disk.resolve("jobs.json"), Clock.systemUTC());
            CopyJobService jobs = new CopyJobService(new LiveCopyBackend(sessions, new SnapshotWriter()), CapabilityMatrix.loadDefault(), history,
                    Runnable::run, Clock.systemUTC());
            List<String> problems = new ArrayList<>();
            jobs.addListener(update -> {
                if (update.problem() != null) {
                    problems.add(new dev.snapferry.ui.common.ErrorPresenter(dev.snapferry.ui.common.Messages.load(
                            java.util.Locale.ROOT)).describe(update.problem()));
                }
            });
            jobs.recover();
            String saved = Files.readString(history.file());
            // One source of each engine family, DocumentDB Elastic included.
            List<Snapshot> sources = CopyBatchProcess.everyFamilyInTurn(inAws(prod).stream().filter(s -> !s.isForeign()
                    && s.status().state() == SnapshotState.AVAILABLE).toList()).subList(0, COPIES);
            assertThat(sources).extracting(s -> s.engine().family()).containsOnly(EngineFamily.values());

            small.fill();
            jobs.submit(sources.stream().map(s -> new CopyRequest(s, prod.account(), EAST, "disk-full-" + s
                    .identifier(), null, false, List.of())).toList());
            assertThat(jobs.jobs()).hasSize(COPIES).allMatch(j -> j.state() == JobState.WAITING);
            assertThat(problems).last().asString().contains("No space left on device", "no copy was sent",
                    "last good content");
            assertThat(inAws(prod)).noneMatch(s -> s.identifier().startsWith("disk-full-"));
            assertIntact(disk, history.file(), saved);

            small.free();
            jobs.pollOnce();
            assertThat(jobs.jobs()).hasSize(COPIES).allMatch(j -> j.state() == JobState.QUEUED_BY_AWS
                    || j.state() == JobState.COPYING);
            assertThat(inAws(prod)).filteredOn(s -> s.identifier().startsWith("disk-full-")).hasSize(COPIES);
            assertThat(new JobHistory(history.file(), Clock.systemUTC()).load().value().jobs()).hasSize(COPIES);
        }
    }

    private static void assertIntact(Path disk, Path file, String content) throws IOException {
        assertThat(Files.readString(file)).as("the last good file").isEqualTo(content);
        try (Stream<Path> files = Files.list(disk)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("temporary files left")
                    .noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static List<Snapshot> inAws(AccountSession session) {
        return new SnapshotLister(new KmsDirectory(), 1).list(List.of(session), List.of(EAST),
                SnapshotLister.Options.DEFAULT, r -> { }).orTimeout(60, TimeUnit.SECONDS).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream()).toList();
    }
}
