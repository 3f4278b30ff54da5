package dev.snapferry.sim.aws;

/**
 * What each service does with the {@code PreSignedUrl} of a cross-region CopyDBClusterSnapshot, decided here rather
 * than read from the app's capability matrix, so that the simulator checks the app instead of echoing it.
 * Sources, per engine (botocore models, CopyDBClusterSnapshotMessage$PreSignedUrl):
 * <ul>
 * <li>docdb/2014-10-31: "You must use the PreSignedUrl parameter when copying a cluster snapshot from another
 * Amazon Web Services Region."</li>
 * <li>neptune/2014-10-31: "Not currently supported."</li>
 * <li>rds/2014-10-31 (Aurora, RDS Multi-AZ clusters): "Use the PreSignedUrl parameter when copying an encrypted
 * DB cluster snapshot from another Amazon Web Services Region. [...] This setting applies only to Amazon Web
 * Services GovCloud (US) Regions. It's ignored in other Amazon Web Services Regions."</li>
 * </ul>
 */
public enum PresignedUrlDemand {
    /** Must be present, and is checked. */
    REQUIRED,
    /** Not required, but checked when given. */
    CHECKED_IF_GIVEN,
    /** Neither required nor read. */
    IGNORED;

    public static PresignedUrlDemand of(String engine, String destinationRegion, boolean encrypted) {
        return switch (engine) {
            case "docdb" -> REQUIRED;
            case "neptune" -> IGNORED;
            default -> !Partitions.GOV_CLOUD.equals(Partitions.of(destinationRegion)) ? IGNORED
                    : encrypted ? REQUIRED : CHECKED_IF_GIVEN;
        };
    }
}
