package dev.snapferry.core.coverage;

import org.jspecify.annotations.Nullable;

/**
 * Manual cluster snapshots of an account in a region against its quota: the {@code ManualClusterSnapshots} entry
 * of RDS's {@code DescribeAccountAttributes} ("The used value is the count of the manual DB cluster snapshots in the
 * account", RDS API reference, AccountQuota). One RDS endpoint serves Aurora, DocumentDB and Neptune, so their
 * manual cluster snapshots answer together. DocumentDB Elastic has no such call: its figure is unknown.
 *
 * @param used null when unknown (the call was refused, or the service has no such call)
 * @param max  null when unknown
 */
public record Quota(ClusterKey.Location location, @Nullable Long used, @Nullable Long max) {

    /** A region this close to its quota (or closer) is flagged. */
    public static final int NEAR = 10;

    public boolean known() {
        return used != null && max != null;
    }

    public boolean near() {
        return used != null && max != null && max - used <= NEAR;
    }

    /** True when {@code more} new manual snapshots would go over the quota (false when it is unknown). */
    public boolean wouldExceed(int more) {
        return used != null && max != null && used + more > max;
    }
}
