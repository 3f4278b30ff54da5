package dev.snapferry.core.aws;

import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A demo-dataset simulator on a manual clock with the production account opened through the real SDK clients
 * (retries off, so every refusal surfaces at once), and the look-ups the AWS access tests share.
 */
final class SimFixture implements AutoCloseable {

    static final RegionRef US_EAST_1 = new RegionRef("us-east-1");
    static final RegionRef US_WEST_2 = new RegionRef("us-west-2");
    static final RegionRef EU_WEST_1 = new RegionRef("eu-west-1");
    static final RegionRef EU_CENTRAL_1 = new RegionRef("eu-central-1");
    static final List<RegionRef> DEMO_REGIONS = DemoDataset.REGIONS.stream().map(RegionRef::new).toList();

    final SimClock.Manual clock = SimClock.manual(Instant.now());
    final Simulator simulator;
    final SimSessions sessions;
    final AccountSession production;

    private SimFixture() throws IOException {
        simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), new DemoDataset()));
        sessions = new SimSessions(simulator);
        production = sessions.production(1);
    }

    static SimFixture start() {
        try {
            return new SimFixture();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void faults(FaultSettings settings) {
        simulator.faults().set(settings);
    }

    /** Every snapshot the production account sees in {@code region}, through the lister; the region must load. */
    List<Snapshot> list(RegionRef region) {
        return list(production, region);
    }

    static List<Snapshot> list(AccountSession session, RegionRef region) {
        RegionResult result = new SnapshotLister(new KmsDirectory(), 1).list(List.of(session), List.of(region),
                SnapshotLister.Options.DEFAULT, r -> { }).orTimeout(60, TimeUnit.SECONDS).join().getFirst();
        if (!(result instanceof RegionResult.Loaded loaded)) {
            throw new AssertionError("listing " + region + " failed: " + result);
        }
        return loaded.snapshots();
    }

    Optional<Snapshot> find(RegionRef region, String identifier) {
        return list(region).stream().filter(s -> s.identifier().equals(identifier)).findFirst();
    }

    /** The oldest available manual snapshot of a production cluster. */
    Snapshot manualSnapshotOf(RegionRef region, String cluster) {
        return list(region).stream()
                .filter(s -> cluster.equals(s.clusterIdentifier()) && s.type() == SnapshotType.MANUAL
                        && s.status().state() == SnapshotState.AVAILABLE && s.sourceSnapshotArn() == null)
                .min(Comparator.comparing(Snapshot::createTime))
                .orElseThrow(() -> new AssertionError("no manual snapshot of " + cluster + " in " + region));
    }

    Snapshot automatedSnapshotOf(RegionRef region, String cluster) {
        return list(region).stream()
                .filter(s -> cluster.equals(s.clusterIdentifier()) && s.type() == SnapshotType.AUTOMATED)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no automated snapshot of " + cluster + " in " + region));
    }

    /** The ARN of the production key named {@code alias} in {@code region}, asked of KMS itself. */
    String keyArn(RegionRef region, String alias) {
        return production.clients().kms(region).describeKey(b -> b.keyId(alias)).keyMetadata().arn();
    }

    /** Creates a customer managed key with {@code alias} in {@code region}; returns its ARN. */
    String createKey(RegionRef region, String alias) {
        var kms = production.clients().kms(region);
        var key = kms.createKey(b -> b.description("created by a test")).keyMetadata();
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(key.keyId()));
        return key.arn();
    }

    @Override
    public void close() {
        production.close();
        sessions.close();
        simulator.close();
    }
}
