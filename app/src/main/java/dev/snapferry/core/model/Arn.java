package dev.snapferry.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An Amazon Resource Name, split into its parts: {@code arn:partition:service:region:account:resource}. The
 * resource part keeps its own colons and slashes ({@code cluster-snapshot:name}, {@code key/1234...}).
 */
public record Arn(String partition, String service, String region, String accountId, String resource) {

    public Arn {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
    }

    /** Parses an ARN; anything that is not one (a bare identifier, a key id, an alias name) gives empty. */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6 || parts[1].isEmpty() || parts[2].isEmpty() || parts[5].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** The ARN of an RDS-family cluster snapshot. */
    public static Arn clusterSnapshot(RegionRef region, String accountId, String identifier) {
        return new Arn(region.partition(), "rds", region.code(), accountId, "cluster-snapshot:" + identifier);
    }

    /** The resource's own name: the text after the resource type ({@code name} in {@code cluster-snapshot:name}). */
    public String resourceName() {
        // The type ends at the first separator; the name may hold more ("rds:" of automated snapshots, alias paths).
        int colon = resource.indexOf(':');
        int slash = resource.indexOf('/');
        int cut = colon < 0 ? slash : slash < 0 ? colon : Math.min(colon, slash);
        return cut < 0 ? resource : resource.substring(cut + 1);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
