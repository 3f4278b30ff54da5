package dev.snapferry.core.rules;

/** When a cross-region {@code CopyDBClusterSnapshot} must carry a {@code PreSignedUrl}. */
public enum PresignedUrlRule {
    /** Every cross-region copy (DocumentDB). */
    CROSS_REGION,
    /** Cross-region copies of encrypted snapshots (Aurora). */
    ENCRYPTED_CROSS_REGION,
    /** Documented as not supported; the SDK may still send one and it is ignored (Neptune). */
    NOT_SUPPORTED,
    /** The API has no such parameter (DocumentDB Elastic). */
    NONE;

    public boolean required(boolean crossRegion, boolean encrypted) {
        return switch (this) {
            case CROSS_REGION -> crossRegion;
            case ENCRYPTED_CROSS_REGION -> crossRegion && encrypted;
            case NOT_SUPPORTED, NONE -> false;
        };
    }
}
