package dev.snapferry.sim.rds;

import dev.snapferry.sim.Dataset;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClients;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.docdb.DocDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.neptune.NeptuneClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * One simulator on a manual clock, with real SDK clients for both demo accounts, created on demand and closed with
 * the simulator. Tests talk to the simulator only through these clients.
 */
final class RdsSim implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-20T12:00:00Z");
    static final String PROD = DemoAccounts.PRODUCTION;
    static final String DR = DemoAccounts.DISASTER_RECOVERY;

    private final SimClock.Manual clock;
    private final Simulator simulator;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    private RdsSim(Dataset dataset) {
        clock = SimClock.manual(START);
        try {
            simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), dataset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo dataset: production 111122223333 and DR 444455556666 over six regions. */
    static RdsSim demo() {
        return new RdsSim(new DemoDataset());
    }

    static RdsSim with(Dataset dataset) {
        return new RdsSim(dataset);
    }

    Simulator simulator() {
        return simulator;
    }

    void advance(Duration by) {
        clock.advance(by);
    }

    RdsClient rds(String region) {
        return client("prod/rds/" + region, c -> c.rds(), SimClients.production(simulator, region));
    }

    RdsClient drRds(String region) {
        return client("dr/rds/" + region, c -> c.rds(), SimClients.disasterRecovery(simulator, region));
    }

    DocDbClient docdb(String region) {
        return client("prod/docdb/" + region, c -> c.docdb(), SimClients.production(simulator, region));
    }

    DocDbClient drDocdb(String region) {
        return client("dr/docdb/" + region, c -> c.docdb(), SimClients.disasterRecovery(simulator, region));
    }

    NeptuneClient neptune(String region) {
        return client("prod/neptune/" + region, c -> c.neptune(), SimClients.production(simulator, region));
    }

    KmsClient kms(String region) {
        return client("prod/kms/" + region, c -> c.kms(), SimClients.production(simulator, region));
    }

    KmsClient drKms(String region) {
        return client("dr/kms/" + region, c -> c.kms(), SimClients.disasterRecovery(simulator, region));
    }

    NeptuneClient drNeptune(String region) {
        return client("dr/neptune/" + region, c -> c.neptune(), SimClients.disasterRecovery(simulator, region));
    }

    @SuppressWarnings("unchecked")
    private <T extends SdkClient> T client(String key, Function<SimClients, T> factory, SimClients clients) {
        return (T) this.clients.computeIfAbsent(key, k -> factory.apply(clients));
    }

    /** The ARN of a production KMS key, looked up by alias through KMS. */
    String prodKeyArn(String region, String alias) {
        return kms(region).describeKey(b -> b.keyId(alias)).keyMetadata().arn();
    }

    /**
     * The one snapshot with this identifier or ARN, as production sees it in {@code region}. An automated one
     * ({@code rds:} prefix) is asked for with SnapshotType=automated, as the RDS model requires.
     */
    DBClusterSnapshot snapshot(String region, String idOrArn) {
        boolean automated = idOrArn.toLowerCase(java.util.Locale.ROOT).replaceFirst("^arn:.*:cluster-snapshot:", "")
                .startsWith("rds:");
        List<DBClusterSnapshot> found = rds(region).describeDBClusterSnapshots(b -> b
                .dbClusterSnapshotIdentifier(idOrArn).snapshotType(automated ? "automated" : null))
                .dbClusterSnapshots();
        if (found.size() != 1) {
            throw new AssertionError("expected one snapshot " + idOrArn + ", got " + found);
        }
        return found.getFirst();
    }

    /** Production's manual snapshots of one cluster, oldest first. */
    List<DBClusterSnapshot> manualSnapshots(String region, String clusterId) {
        return rds(region).describeDBClusterSnapshotsPaginator(b -> b.dbClusterIdentifier(clusterId)
                        .snapshotType("manual")).dbClusterSnapshots().stream()
                .sorted(java.util.Comparator.comparing(DBClusterSnapshot::snapshotCreateTime)).toList();
    }

    /** Production's newest available manual snapshot of one cluster (in the demo, the fully tagged one). */
    DBClusterSnapshot newestManual(String region, String clusterId) {
        return manualSnapshots(region, clusterId).reversed().stream().filter(s -> s.status().equals("available"))
                .findFirst().orElseThrow(() -> new AssertionError("no manual snapshot of " + clusterId));
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        simulator.close();
    }
}
