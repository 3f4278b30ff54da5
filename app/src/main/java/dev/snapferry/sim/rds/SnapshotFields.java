package dev.snapferry.sim.rds;

import dev.snapferry.sim.state.SnapshotSpec;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The engine-dependent members of a DBClusterSnapshot reply. Aurora, DocumentDB and Neptune snapshots come from one
 * endpoint in one wire format whichever SDK client asks, so the reply does not depend on the client; what varies is
 * the engine. A member is written for an engine when the RDS model's DBClusterSnapshot shape has it and that
 * engine's own model (docdb, neptune 2014-10-31) has it too: DocumentDB's shape has no AllocatedStorage,
 * LicenseModel, EngineMode, IAMDatabaseAuthenticationEnabled or DbClusterResourceId, Neptune's none of EngineMode or
 * DbClusterResourceId. TagList is written for every engine: the app reads tags from it, and the service that
 * answers is the same for all three.
 */
final class SnapshotFields {

    private SnapshotFields() {
    }

    static boolean isDocDb(String engine) {
        return engine.equals("docdb");
    }

    static boolean isAurora(String engine) {
        return engine.startsWith("aurora");
    }

    /** RDS Multi-AZ DB clusters: the RDS engines that are not Aurora. */
    static boolean isMultiAz(String engine) {
        return engine.equals("mysql") || engine.equals("postgres");
    }

    /**
     * AllocatedStorage as AWS reports it, or null where the engine's model has no such member (DocumentDB). Aurora
     * reports 0 or 1, not the data size: the RDS API reference's CopyDBClusterSnapshot sample response (seed 004)
     * has {@code <AllocatedStorage>1</AllocatedStorage>} and the CLI's describe-db-cluster-snapshots example 0.
     * Neptune keeps its data on the same kind of cluster volume and is taken to report the same (not confirmed by
     * a published example). RDS Multi-AZ DB clusters have provisioned storage and report it.
     */
    static @Nullable Integer allocatedStorage(SnapshotSpec spec) {
        String engine = spec.engine();
        if (isDocDb(engine)) {
            return null;
        }
        return isMultiAz(engine) ? spec.allocatedStorageGiB() : 1;
    }

    /**
     * LicenseModel per engine, or null for DocumentDB (not in its model). aurora-mysql answers {@code aurora-mysql}
     * (RDS CLI reference, describe-db-cluster-snapshots example; the older MySQL 5.6 engine {@code aurora} answered
     * {@code aurora}, seed 004).
     */
    static @Nullable String licenseModel(String engine) {
        return switch (engine) {
            case "aurora-mysql" -> "aurora-mysql";
            case "aurora-postgresql", "postgres" -> "postgresql-license";
            case "neptune" -> "amazon-license";
            case "docdb" -> null;
            default -> "general-public-license";
        };
    }

    /**
     * The storage type a new cluster of this engine has by default: Aurora {@code aurora} (or {@code aurora-iopt1}
     * for I/O-Optimized), DocumentDB and Neptune {@code standard} (or {@code iopt1}), RDS Multi-AZ DB clusters
     * provisioned {@code io1} here (gp3 and io2 exist too).
     */
    static String defaultStorageType(String engine) {
        if (isAurora(engine)) {
            return "aurora";
        }
        return isMultiAz(engine) ? "io1" : "standard";
    }

    /**
     * DbClusterResourceId ("The resource ID of the DB cluster that this DB cluster snapshot was created from", RDS
     * model) in AWS's form {@code cluster-} and 26 upper-case letters and digits; null where the engine's model has
     * no such member. Derived from the cluster's name and creation time, which copies keep, so a copy names the
     * same source cluster as its original.
     */
    static @Nullable String clusterResourceId(SnapshotSpec spec) {
        if (isDocDb(spec.engine()) || spec.engine().equals("neptune")) {
            return null;
        }
        String seed = spec.clusterRef() + "/" + spec.clusterCreateTime();
        String hex = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "")
                + UUID.nameUUIDFromBytes((seed + "/2").getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        StringBuilder id = new StringBuilder("cluster-");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (int i = 0; i < 26; i++) {
            id.append(alphabet.charAt(Integer.parseInt(hex.substring(i * 2, i * 2 + 2), 16) % alphabet.length()));
        }
        return id.toString();
    }
}
