package dev.snapferry.core.rules;

import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the copy rules need to know about one planned copy.
 *
 * @param chosenKeyId the KMS key reference the user typed or picked (id, ARN, alias or alias ARN), or null
 * @param chosenKey   the destination-region key that reference resolved to, when it was found in the key list
 */
public record CopyContext(Snapshot source, String destinationAccountId, RegionRef destinationRegion,
                          @Nullable String chosenKeyId, @Nullable KmsKey chosenKey) {

    public CopyContext {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destinationAccountId, "destinationAccountId");
        Objects.requireNonNull(destinationRegion, "destinationRegion");
    }

    public boolean crossRegion() {
        return !source.region().equals(destinationRegion);
    }

    /** True when the source belongs to another account than the one the copy is made in. */
    public boolean sharedSource() {
        return source.type().isForeign() || !source.ownerAccountId().equals(destinationAccountId);
    }

    public boolean keyChosen() {
        return chosenKeyId != null && !chosenKeyId.isBlank();
    }
}
