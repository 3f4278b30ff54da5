package dev.snapferry.sim.data;

import dev.snapferry.sim.aws.Partitions;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimKey;
import dev.snapferry.sim.state.SimSnapshot;
import dev.snapferry.sim.state.SnapshotSpec;
import dev.snapferry.sim.state.Transfer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Puts clusters and snapshots into a region's state for the datasets. Call inside {@link RegionState#update}. */
final class Seeder {

    private static final DateTimeFormatter AUTOMATED_SUFFIX =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm").withZone(ZoneOffset.UTC);

    private Seeder() {
    }

    static SimCluster cluster(RegionState r, String id, String engine, String version, int gib, @Nullable SimKey key,
                              Instant created) {
        boolean elastic = engine.equals("docdb-elastic");
        String arn = elastic
                ? arn(r, "docdb-elastic", "cluster/" + uuid(r, id))
                : arn(r, "rds", "cluster:" + id);
        SimCluster cluster = new SimCluster(id, arn, elastic, engine, version, created, gib, true,
                key == null ? (elastic ? "AWS_OWNED_KMS_KEY" : null) : key.arn(), elastic ? "ACTIVE" : "available");
        if (elastic) {
            r.elasticClusters().put(arn, cluster);
        } else {
            r.clusters().put(id, cluster);
        }
        return cluster;
    }

    /** An unencrypted RDS-family cluster (encrypted ones go through {@link #cluster}). */
    static SimCluster unencryptedCluster(RegionState r, String id, String engine, String version, int gib,
                                         Instant created) {
        SimCluster cluster = new SimCluster(id, arn(r, "rds", "cluster:" + id), false, engine, version, created, gib,
                false, null, "available");
        r.clusters().put(id, cluster);
        return cluster;
    }

    /** An available snapshot of {@code cluster}; {@code type} is {@code automated} or {@code manual}. */
    static SimSnapshot snapshot(RegionState r, SimCluster cluster, String name, String type, Instant created,
                                Map<String, String> tags) {
        return add(r, cluster, name, type, created, tags, SimSnapshot.Phase.AVAILABLE, null, null,
                cluster.kmsKeyId(), cluster.encrypted());
    }

    /** The automated snapshot AWS takes of {@code cluster} at {@code when}: {@code rds:cluster-yyyy-MM-dd-HH-mm}. */
    static SimSnapshot automated(RegionState r, SimCluster cluster, Instant when, Map<String, String> tags) {
        String name = cluster.elastic() ? cluster.identifier() + "-" + AUTOMATED_SUFFIX.format(when)
                : "rds:" + cluster.identifier() + "-" + AUTOMATED_SUFFIX.format(when);
        return snapshot(r, cluster, name, "automated", when, tags);
    }

    /** A copy into {@code r} of {@code source} (in {@code sourceRegion}), requested at {@code requestedAt}. */
    static SimSnapshot copyInProgress(RegionState r, SimCluster cluster, SimSnapshot source, String name,
                                      Instant requestedAt, boolean crossRegion, @Nullable SimKey key,
                                      Map<String, String> tags) {
        int gib = cluster.allocatedStorageGiB();
        Duration duration = Duration.ofSeconds(crossRegion ? 300 + 8L * gib : 60 + 2L * gib);
        Transfer transfer = new Transfer(Transfer.Kind.COPY, requestedAt, duration, crossRegion, null);
        return add(r, cluster, name, "manual", requestedAt, tags, SimSnapshot.Phase.COPYING, transfer,
                source.spec().arn(), key == null ? source.spec().kmsKeyId() : key.arn(), source.spec().encrypted());
    }

    /**
     * A finished copy into {@code r} of {@code source}, a snapshot of {@code cluster} (which lives where the source
     * does), made at {@code when}.
     */
    static SimSnapshot copied(RegionState r, SimCluster cluster, SimSnapshot source, String name, Instant when,
                              @Nullable SimKey key, Map<String, String> tags) {
        return add(r, cluster, name, "manual", when, tags, SimSnapshot.Phase.AVAILABLE, null, source.spec().arn(),
                key == null ? source.spec().kmsKeyId() : key.arn(), source.spec().encrypted());
    }

    private static SimSnapshot add(RegionState r, SimCluster cluster, String name, String type, Instant created,
                                   Map<String, String> tags, SimSnapshot.Phase phase, @Nullable Transfer transfer,
                                   @Nullable String sourceArn, @Nullable String kmsKeyId, boolean encrypted) {
        String id = name.toLowerCase(Locale.ROOT);
        boolean elastic = cluster.elastic();
        String arn = elastic ? arn(r, "docdb-elastic", "cluster-snapshot/" + uuid(r, id))
                : arn(r, "rds", "cluster-snapshot:" + id);
        SnapshotSpec spec = new SnapshotSpec(id, arn, elastic, cluster.engine(), cluster.engineVersion(),
                elastic ? cluster.arn() : cluster.identifier(), type, created, cluster.allocatedStorageGiB(),
                storageType(cluster.engine()), encrypted, kmsKeyId, sourceArn, cluster.createTime(),
                elastic ? "docdbadmin" : "admin", port(cluster.engine()), "vpc-0" + Integer.toHexString(
                        Math.abs((r.accountId() + r.region()).hashCode())).substring(0, 6),
                elastic ? List.of() : List.of(r.region() + "a", r.region() + "b", r.region() + "c"));
        SimSnapshot snapshot = new SimSnapshot(spec, phase, transfer);
        snapshot.tags().putAll(tags);
        if (elastic) {
            r.elasticSnapshots().put(arn, snapshot);
        } else {
            r.snapshots().put(id, snapshot);
        }
        return snapshot;
    }

    static String arn(RegionState r, String service, String resource) {
        return "arn:" + Partitions.of(r.region()) + ":" + service + ":" + r.region() + ":" + r.accountId()
                + ":" + resource;
    }

    private static String uuid(RegionState r, String name) {
        return UUID.nameUUIDFromBytes((r.accountId() + r.region() + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String storageType(String engine) {
        return switch (engine) {
            case "aurora-mysql", "aurora-postgresql" -> "aurora";
            case "mysql", "postgres" -> "io1";
            default -> "standard";
        };
    }

    private static int port(String engine) {
        return switch (engine) {
            case "aurora-postgresql", "postgres" -> 5432;
            case "docdb", "docdb-elastic" -> 27017;
            case "neptune" -> 8182;
            default -> 3306;
        };
    }
}
