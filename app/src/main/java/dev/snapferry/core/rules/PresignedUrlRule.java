package dev.snapferry.core.rules;

/** When a cross-region {@code CopyDBClusterSnapshot} must carry a {@code PreSignedUrl}. */
public enum PresignedUrlRule {
    /** Every cross-region copy (DocumentDB). */
    CROSS_REGION,
    /**
     * Cross-region copies of encrypted snapshots into AWS GovCloud (US) Regions only; ignored in every other region
     * (Aurora and RDS Multi-AZ clusters). RDS API reference, CopyDBClusterSnapshot, PreSignedUrl (botocore
     * rds/2014-10-31 CopyDBClusterSnapshotMessage): "This setting applies only to Amazon Web Services GovCloud (US)
     * Regions. It's ignored in other Amazon Web Services Regions."
     */
    GOVCLOUD_ONLY,
    /** Documented as not supported; the SDK may still send one and it is ignored (Neptune). */
    NOT_SUPPORTED,
    /** The API has no such parameter (DocumentDB Elastic). */
    NONE;

    /** {@code govCloud}: the copy is made in (and so from) an AWS GovCloud (US) Region, partition aws-us-gov. */
    public boolean required(boolean crossRegion, boolean encrypted, boolean govCloud) {
        return switch (this) {
            case CROSS_REGION -> crossRegion;
            case GOVCLOUD_ONLY -> crossRegion && encrypted && govCloud;
            case NOT_SUPPORTED, NONE -> false;
        };
    }
}
