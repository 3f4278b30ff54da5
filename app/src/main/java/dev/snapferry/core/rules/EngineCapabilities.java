package dev.snapferry.core.rules;

import dev.snapferry.core.model.Engine;
import java.util.Map;
import java.util.Objects;

/**
 * What one engine can do when its snapshots are copied, as stated by the capability matrix. Rules that AWS's own
 * documents contest are listed in {@code contested}, field name to the reason Snapferry chose as it did.
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
        TagSpec tags,
        Map<String, String> contested) {

    public EngineCapabilities {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(presignedUrl, "presignedUrl");
        Objects.requireNonNull(kmsKeyWithUnencryptedSource, "kmsKeyWithUnencryptedSource");
        Objects.requireNonNull(sharedCopyCrossRegion, "sharedCopyCrossRegion");
        Objects.requireNonNull(tags, "tags");
        contested = Map.copyOf(contested);
    }
}
