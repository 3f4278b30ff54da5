package dev.snapferry.core.model;

/** Which AWS API serves an engine's cluster snapshots. */
public enum ApiFamily {
    /** RDS, DocumentDB and Neptune: one AWS Query API (signing name {@code rds}) that returns all three mixed. */
    RDS,
    /** Amazon DocumentDB Elastic clusters: REST-JSON, signing name {@code docdb-elastic}. */
    DOCDB_ELASTIC
}
