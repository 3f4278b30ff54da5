package dev.snapferry.core.model;

import java.util.Locale;
import java.util.Optional;

/** How a cluster snapshot came to be visible to the account. A copy is always {@link #MANUAL}. */
public enum SnapshotType {
    AUTOMATED("automated"),
    MANUAL("manual"),
    /** Shared with this account by another account; it must be referenced by ARN. */
    SHARED("shared"),
    /** Shared with every account; it must be referenced by ARN. */
    PUBLIC("public");

    private final String raw;

    SnapshotType(String raw) {
        this.raw = raw;
    }

    /** The value AWS uses in {@code SnapshotType} (RDS family, lower case; Elastic sends upper case). */
    public String raw() {
        return raw;
    }

    /** True when the snapshot belongs to another account and must be addressed by its ARN. */
    public boolean isForeign() {
        return this == SHARED || this == PUBLIC;
    }

    public static Optional<SnapshotType> fromRaw(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalized = raw.strip().toLowerCase(Locale.ROOT);
        for (SnapshotType type : values()) {
            if (type.raw.equals(normalized)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
