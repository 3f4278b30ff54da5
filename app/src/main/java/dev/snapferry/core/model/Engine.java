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
    AURORA_MYSQL(EngineFamily.AURORA, ApiFamily.RDS, List.of("aurora-mysql", "aurora")),
    AURORA_POSTGRESQL(EngineFamily.AURORA, ApiFamily.RDS, List.of("aurora-postgresql")),
    /** RDS Multi-AZ DB clusters (MySQL or PostgreSQL), listed and copied with the same cluster-snapshot calls. */
    RDS_MULTI_AZ_CLUSTER(EngineFamily.AURORA, ApiFamily.RDS, List.of("mysql", "postgres")),
    DOCUMENTDB(EngineFamily.DOCUMENTDB, ApiFamily.RDS, List.of("docdb")),
    /** DocumentDB Elastic snapshots carry no engine field; the name is Snapferry's own. */
    DOCUMENTDB_ELASTIC(EngineFamily.DOCUMENTDB_ELASTIC, ApiFamily.DOCDB_ELASTIC, List.of("docdb-elastic")),
    NEPTUNE(EngineFamily.NEPTUNE, ApiFamily.RDS, List.of("neptune"));

    private final EngineFamily family;
    private final ApiFamily api;
    private final List<String> rawNames;

    Engine(EngineFamily family, ApiFamily api, List<String> rawNames) {
        this.family = family;
        this.api = api;
        this.rawNames = rawNames;
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
