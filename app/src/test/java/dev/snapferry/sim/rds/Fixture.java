package dev.snapferry.sim.rds;

import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.Dataset;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.kms.KmsKeys;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimKey;
import dev.snapferry.sim.state.SimSnapshot;
import dev.snapferry.sim.state.SnapshotSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small hand-made dataset built through the simulator's public state API: a few clusters, keys and snapshots
 * placed exactly where a test needs them.
 */
final class Fixture implements Dataset {

    /** What a test may do in one account and region while the dataset is populated. */
    interface Region {
        SimKey key(String alias);

        SimCluster cluster(String id, String engine, int gib, SimKey key);

        SimCluster cluster(String id, String engine, int gib, SimKey key, String status);

        SimSnapshot snapshot(SimCluster cluster, String id, String type, Map<String, String> tags);

        RegionState state();
    }

    private record Step(String account, String region, Consumer<Region> action) {
    }

    private final List<Step> steps = new ArrayList<>();

    static Fixture create() {
        return new Fixture();
    }

    Fixture in(String account, String region, Consumer<Region> action) {
        steps.add(new Step(account, region, action));
        return this;
    }

    @Override
    public void populate(SimContext ctx) {
        Instant now = ctx.clock().now();
        for (Step step : steps) {
            ctx.world().region(step.account(), step.region()).update(now, r -> {
                step.action().accept(new Builder(r, now));
                return null;
            });
        }
    }

    private record Builder(RegionState state, Instant now) implements Region {

        @Override
        public SimKey key(String alias) {
            SimKey key = KmsKeys.create(state, alias, "Test key " + alias, false, now.minus(Duration.ofDays(30)));
            state.aliases().put(alias, key.keyId());
            return key;
        }

        @Override
        public SimCluster cluster(String id, String engine, int gib, SimKey key) {
            return cluster(id, engine, gib, key, "available");
        }

        @Override
        public SimCluster cluster(String id, String engine, int gib, SimKey key, String status) {
            SimCluster cluster = new SimCluster(id, arn("cluster:" + id), false, engine, version(engine),
                    now.minus(Duration.ofDays(100)), gib, key != null, key == null ? null : key.arn(), status);
            state.clusters().put(id, cluster);
            return cluster;
        }

        @Override
        public SimSnapshot snapshot(SimCluster cluster, String id, String type, Map<String, String> tags) {
            String key = id.toLowerCase(Locale.ROOT);
            SnapshotSpec spec = new SnapshotSpec(key, arn("cluster-snapshot:" + key), false, cluster.engine(),
                    cluster.engineVersion(), cluster.identifier(), type, now.minus(Duration.ofHours(1)),
                    cluster.allocatedStorageGiB(), SnapshotFields.defaultStorageType(cluster.engine()),
                    cluster.encrypted(), cluster.kmsKeyId(), null,
                    cluster.createTime(), "admin", 3306, "vpc-0fixture", List.of(state.region() + "a"));
            SimSnapshot snapshot = new SimSnapshot(spec, SimSnapshot.Phase.AVAILABLE, null);
            snapshot.tags().putAll(tags);
            state.snapshots().put(key, snapshot);
            return snapshot;
        }

        private String arn(String resource) {
            return "arn:" + new RegionRef(state.region()).partition() + ":rds:" + state.region() + ":"
                    + state.accountId() + ":" + resource;
        }

        private static String version(String engine) {
            return switch (engine) {
                case "aurora-mysql" -> "8.0.mysql_aurora.3.05.2";
                case "aurora-postgresql" -> "15.4";
                case "docdb" -> "5.0.0";
                case "neptune" -> "1.3.1.0";
                default -> "8.0.35";
            };
        }
    }
}
