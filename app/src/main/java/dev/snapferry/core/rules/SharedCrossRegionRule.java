package dev.snapferry.core.rules;

/** Whether a snapshot shared from another account may be copied to another region. */
public enum SharedCrossRegionRule {
    ALLOWED,
    /** Only unencrypted shared snapshots may leave their region (RDS reference: not "encrypted, shared"). */
    UNENCRYPTED_ONLY,
    /** A shared snapshot is copied only within its own region. */
    NEVER;

    public boolean allows(boolean encrypted) {
        return switch (this) {
            case ALLOWED -> true;
            case UNENCRYPTED_ONLY -> !encrypted;
            case NEVER -> false;
        };
    }
}
