package dev.snapferry.core.model;

/**
 * The four product lines a DBA filters by. Aurora includes RDS Multi-AZ DB clusters, whose cluster snapshots come
 * from the same API and behave the same way.
 */
public enum EngineFamily {
    AURORA,
    DOCUMENTDB,
    DOCUMENTDB_ELASTIC,
    NEPTUNE
}
