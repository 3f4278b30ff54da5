package dev.snapferry.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A database engine whose cluster snapshots Snapferry handles, with the raw {@code Engine} strings AWS reports for it.
 *
 * <p>One RDS-family describe returns every engine of that API family together, so snapshots are classified here
 * from their raw {@code Engine} field, never from the client that listed them.
 */
public enum Engine {
    // Which engines' AllocatedStorage is the snapshot's size (see allocatedStorageIsDataSize):
    // - Aurora: the cluster volume grows by itself; cluster snapshots report AllocatedStorage 0 or 1 (the RDS API
    //   reference's own DescribeDBClusterSnapshots example, "AllocatedStorage": 1; seed 004's sample).
    // - DocumentDB: the docdb model's DBClusterSnapshot shape has no AllocatedStorage member at all.
    // - Neptune: the same shared cluster volume as Aurora; the neptune model's member is the RDS one.
    // - DocumentDB Elastic: ClusterSnapshot (docdb-elastic model) carries no size.
    // - RDS Multi-AZ DB clusters: provisioned storage (RDS User Guide, Multi-AZ DB clusters: 20 to 64,000 GiB),
    //   which a snapshot of it reports as AllocatedStorage.
    AURORA_MYSQL(EngineFamily.AURORA, ApiFamily.RDS, List.of("aurora-mysql", "aurora"), false),
    AURORA_POSTGRESQL(EngineFamily.AURORA, ApiFamily.RDS, List.of("aurora-postgresql"), false),
    /** RDS Multi-AZ DB clusters (MySQL or PostgreSQL), listed and copied with the same cluster-snapshot calls. */
    RDS_MULTI_AZ_CLUSTER(EngineFamily.AURORA, ApiFamily.RDS, List.of("mysql", "postgres"), true),
    DOCUMENTDB(EngineFamily.DOCUMENTDB, ApiFamily.RDS, List.of("docdb"), false),
    /** DocumentDB Elastic snapshots carry no engine field; the name is Snapferry's own. */
    DOCUMENTDB_ELASTIC(EngineFamily.DOCUMENTDB_ELASTIC, ApiFamily.DOCDB_ELASTIC, List.of("docdb-elastic"), false),
    NEPTUNE(EngineFamily.NEPTUNE, ApiFamily.RDS, List.of("neptune"), false);

    private final EngineFamily family;
    private final ApiFamily api;
    private final List<String> rawNames;
    private final boolean allocatedStorageIsDataSize;

    Engine(EngineFamily family, ApiFamily api, List<String> rawNames, boolean allocatedStorageIsDataSize) {
        this.family = family;
        this.api = api;
        this.rawNames = rawNames;
        this.allocatedStorageIsDataSize = allocatedStorageIsDataSize;
    }

    /**
     * True when a snapshot's {@code AllocatedStorage} is its size; otherwise the figure AWS reports (0 or 1 for
     * Aurora) says nothing about how much data a copy moves, and Snapferry says the size is unknown.
     */
    public boolean allocatedStorageIsDataSize() {
        return allocatedStorageIsDataSize;
    }

    public EngineFamily family() {
        return family;
    }

    public ApiFamily api() {
        return api;
    }

    /** The raw {@code Engine} values AWS reports for this engine; the first is the canonical one. */
    public List<String> rawNames() {
        return rawNames;
    }

    public String canonicalRawName() {
        return rawNames.getFirst();
    }

    /**
     * Classifies a raw {@code Engine} value as AWS returns it. Unknown engines (a future engine, or an RDS engine
     * that has no cluster snapshots) give an empty result so the caller can skip the row rather than guess.
     */
    public static Optional<Engine> fromRaw(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalized = raw.strip().toLowerCase(Locale.ROOT);
        for (Engine engine : values()) {
            if (engine.rawNames.contains(normalized)) {
                return Optional.of(engine);
            }
        }
        return Optional.empty();
    }
}
