package dev.snapferry.core.rules;

import dev.snapferry.core.model.Engine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one engine can do when its snapshots are copied, as stated by the capability matrix. Rules that AWS's own
 * documents contest are listed in {@code contested}, field name to the reason Snapferry chose as it did; where a
 * rule comes from is in {@code sources}, field name to the AWS document (and its date) that states it.
 *
 * @param crossRegionExcludedRegions regions no cross-region copy of this engine may come from or go to (Aurora:
 *                                   the two China regions), though copies within each of them are allowed
 */
public record EngineCapabilities(
        Engine engine,
        boolean crossRegionCopy,
        PresignedUrlRule presignedUrl,
        UnencryptedKeyRule kmsKeyWithUnencryptedSource,
        boolean crossRegionEncryptedRequiresKey,
        boolean sharedEncryptedRequiresKey,
        SharedCrossRegionRule sharedCopyCrossRegion,
        int maxCopiesInFlightPerRegion,
        List<String> crossRegionExcludedRegions,
        TagSpec tags,
        Map<String, String> contested,
        Map<String, String> sources) {

    public EngineCapabilities {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(presignedUrl, "presignedUrl");
        Objects.requireNonNull(kmsKeyWithUnencryptedSource, "kmsKeyWithUnencryptedSource");
        Objects.requireNonNull(sharedCopyCrossRegion, "sharedCopyCrossRegion");
        Objects.requireNonNull(tags, "tags");
        crossRegionExcludedRegions = List.copyOf(crossRegionExcludedRegions);
        // In the matrix's order: Map.copyOf's order changes from one run to the next, and the Engine rules tab
        // lists these.
        contested = Collections.unmodifiableMap(new LinkedHashMap<>(contested));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }
}
