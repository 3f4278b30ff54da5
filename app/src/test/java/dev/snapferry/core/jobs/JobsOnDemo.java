package dev.snapferry.core.jobs;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The copy jobs' world in tests: the demo simulator on a manual clock, the production account open through the
 * real SDK, and its available snapshots of us-east-1 to copy: the RDS family's and DocumentDB Elastic's (whose
 * copies stay in their region and count against Elastic's own quota of five in flight).
 */
final class JobsOnDemo implements AutoCloseable {

    static final RegionRef EAST = new RegionRef("us-east-1");

    final SimClock.Manual clock = SimClock.manual(Instant.now());
    final Simulator simulator;
    final SdkHttpClient http = ApacheHttpClient.builder().build();
    final OpenSessions sessions = new OpenSessions();
    final AccountSession prod;
    /** Every available snapshot of the account in us-east-1: the RDS family's first, then Elastic's. */
    final List<Snapshot> sources;
    /** The RDS-family ones among {@link #sources}. */
    final List<Snapshot> rdsSources;
    /** The DocumentDB Elastic ones among {@link #sources}. */
    final List<Snapshot> elasticSources;

    JobsOnDemo() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), new DemoDataset()));
        prod = AccountSession.open("prod", true, EAST, new AwsClients(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY)),
                simulator.endpoint(), http, 2));
        sessions.add("prod", List.of(prod));
        sources = new SnapshotLister(new KmsDirectory(), 2).list(List.of(prod), List.of(EAST),
                SnapshotLister.Options.DEFAULT, r -> { }).join().stream()
                .flatMap(r -> ((RegionResult.Loaded) r).snapshots().stream())
                .filter(s -> !s.isForeign() && s.status().state() == SnapshotState.AVAILABLE)
                .sorted(java.util.Comparator.comparing((Snapshot s) -> s.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC))
                .toList();
        rdsSources = sources.stream().filter(s -> s.engine().family() != EngineFamily.DOCUMENTDB_ELASTIC).toList();
        elasticSources = sources.stream().filter(s -> s.engine().family() == EngineFamily.DOCUMENTDB_ELASTIC)
                .toList();
        if (elasticSources.isEmpty()) {
            throw new IllegalStateException("the demo has no available Elastic snapshot in " + EAST);
        }
    }

    /** The disaster-recovery account, opened through the real SDK and added to {@link #sessions}. */
    AccountSession openDisasterRecovery() {
        AccountSession dr = AccountSession.open("dr", true, EAST, new AwsClients(StaticCredentialsProvider.create(
                AwsBasicCredentials.create(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY)),
                simulator.endpoint(), http, 2));
        sessions.add("dr", List.of(dr));
        return dr;
    }

    @Override
    public void close() {
        sessions.close();
        http.close();
        simulator.close();
    }
}
