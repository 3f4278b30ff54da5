package dev.snapferry.core.model;

import java.util.Objects;

/** A database cluster that snapshots can be taken of. For DocumentDB Elastic the ARN is what the API needs. */
public record ClusterRef(String identifier, String arn, Engine engine, RegionRef region, String status) {

    public ClusterRef {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(status, "status");
    }

    /** True when AWS would accept a snapshot request for it now. */
    public boolean available() {
        return status.equalsIgnoreCase("available") || status.equalsIgnoreCase("ACTIVE");
    }
}
