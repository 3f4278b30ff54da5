package dev.snapferry.core.aws;

import dev.snapferry.core.model.RegionRef;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * The regions of a partition, from the SDK's own region metadata (no call to AWS). Whether each is usable for an
 * account shows when it is listed: a region that is not enabled or is denied fails on its own, never hiding others.
 */
public final class AwsRegions {

    private AwsRegions() {
    }

    /** The partition's regions, without global pseudo-regions and FIPS endpoints, sorted by code. */
    public static List<RegionRef> ofPartition(String partition) {
        return Region.regions().stream()
                .filter(r -> !r.isGlobalRegion())
                .filter(r -> !r.id().contains("fips"))
                .filter(r -> RegionRef.isValidCode(r.id()))
                .filter(r -> {
                    RegionMetadata metadata = r.metadata();
                    return metadata != null && metadata.partition().id().equals(partition);
                })
                .map(r -> new RegionRef(r.id()))
                .sorted()
                .toList();
    }
}
