package dev.snapferry.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.jobs.CopyJobService;
import dev.snapferry.core.jobs.CopyPlans;
import dev.snapferry.core.jobs.JobHistory;
import dev.snapferry.core.jobs.LiveCopyBackend;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.CrossAccountPlanner;
import dev.snapferry.core.rules.KeyPolicyCheck;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.testing.DemoSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy into another account as the Copy jobs tab shows it: which step it is at, a refusal at its step with AWS's
 * code, Retry resuming there, and Cancel naming what it takes back. On the demo simulator, through the real SDK.
 */
class CrossAccountJobsPanelTest {

    private static final String DR = DemoAccounts.DISASTER_RECOVERY;
    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final RegionRef FRANKFURT = new RegionRef("eu-central-1");

    @TempDir
    Path folder;

    private DemoSessions demo;
    private SimClock.Manual clock;
    private AccountSession prod;
    private AccountSession dr;
    private CopyJobService service;
    private JobsViewModel panel;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final Messages messages = Messages.load(Locale.ROOT);

    @BeforeEach
    void start() throws Exception {
        demo = new DemoSessions();
        clock = demo.clock;
        prod = demo.production;
        dr = demo.disasterRecovery;
        service = new CopyJobService(new LiveCopyBackend(demo.sessions, new SnapshotWriter()),
                CapabilityMatrix.loadDefault(), new JobHistory(folder.resolve("jobs.json"), Clock.systemUTC()),
                Runnable::run, Clock.systemUTC());
        panel = new JobsViewModel(service, Runnable::run, new SameThreadTaskRunner(), dialogs, messages,
                Clock.systemUTC(), job -> { });
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void aRefusalIsShownAtItsStepAndRetryResumesThereOnceTheOwnerFixedTheKeyPolicy() {
        Snapshot source = prodManual(FRANKFURT, "fraud-graph");
        UUID id = submit(source, FRANKFURT, "fraud-graph-dr");
        run(id);
        CopyJob failed = service.job(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(panel.stateText(failed)).startsWith("Step 2 of 3, copy fraud-graph-dr in " + DR + ": Failed:")
                .contains("KMSKeyNotAccessibleFault");
        assertThat(panel.canRetry(failed)).isTrue();

        String keyId = source.kmsKeyId();
        String policy = prod.clients().kms(FRANKFURT).getKeyPolicy(b -> b.keyId(keyId).policyName("default"))
                .policy();
        prod.clients().kms(FRANKFURT).putKeyPolicy(b -> b.keyId(keyId).policyName("default")
                .policy(KeyPolicyCheck.withStatementFor(policy, "aws", DR)));
        panel.retry(failed);

        assertThat(service.jobs()).as("resumed, not sent again as a new job").hasSize(1);
        run(id);
        CopyJob done = service.job(id).orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.AVAILABLE);
        assertThat(panel.stateText(done)).isEqualTo("Done");
    }

    @Test
    void cancellingAPlanNamesTheShareItTakesBackAndAfterItNothingIsLeftShared() {
        Snapshot source = prodManual(EAST, "orders-aurora");
        UUID id = submit(source, EAST, "orders-dr-cancelled");
        clock.advance(Duration.ofMinutes(1));
        service.pollOnce();
        CopyJob copying = service.job(id).orElseThrow();
        assertThat(copying.plan().current()).isEqualTo(1);
        assertThat(panel.stateText(copying)).startsWith("Step 2 of 3, copy orders-dr-cancelled in " + DR + ": ");
        assertThat(panel.canCancel(copying)).isTrue();

        dialogs.answerConfirm(true);
        panel.cancel(copying);

        assertThat(dialogs.shown()).singleElement().satisfies(d -> assertThat(d.message())
                .contains("stop sharing " + source.identifier() + " with " + DR));
        assertThat(service.job(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(new SnapshotWriter().restoreAccounts(prod, source)).doesNotContain(DR);
    }

    // ---- helpers ----

    private UUID submit(Snapshot source, RegionRef to, String target) {
        String key = dr.clients().kms(to).describeKey(b -> b.keyId("alias/dr-backup")).keyMetadata().arn();
        CopyRequest requested = new CopyRequest(source, dr.account(), to, target, key, true, List.of());
        CrossAccountPlanner.Plan plan = CrossAccountPlanner.plan(CapabilityMatrix.loadDefault().forEngine(
                source.engine()), source, new CrossAccountPlanner.Choices(DR, to, target, key, null, null, Set.of()));
        return service.submitPlan(requested, CopyPlans.stages(plan, requested, prod.account(), true));
    }

    private void run(UUID id) {
        for (int round = 0; round < 40 && !service.job(id).orElseThrow().state().isFinal(); round++) {
            clock.advance(Duration.ofMinutes(20));
            service.pollOnce();
        }
    }

    private Snapshot prodManual(RegionRef region, String cluster) {
        return new SnapshotLister(new KmsDirectory(), 1).list(List.of(prod), List.of(region),
                        SnapshotLister.Options.DEFAULT, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream())
                .filter(s -> cluster.equals(s.clusterIdentifier()) && s.type() == SnapshotType.MANUAL
                        && s.status().state() == SnapshotState.AVAILABLE && !s.isForeign())
                .findFirst().orElseThrow();
    }
}
