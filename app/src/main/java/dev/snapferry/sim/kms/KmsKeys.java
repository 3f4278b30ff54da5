package dev.snapferry.sim.kms;

import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Creates keys and aliases in a region; used by CreateKey/CreateAlias and by the datasets. Call inside update. */
public final class KmsKeys {

    public static final String RDS_MANAGED_ALIAS = "alias/aws/rds";

    private KmsKeys() {
    }

    /** A key whose id is derived from {@code seed}, so datasets are the same on every run. */
    public static SimKey create(RegionState r, String seed, String description, boolean awsManaged, Instant now) {
        String keyId = UUID.nameUUIDFromBytes((r.accountId() + "/" + r.region() + "/" + seed)
                .getBytes(StandardCharsets.UTF_8)).toString();
        SimKey key = new SimKey(keyId, arn(r, "key/" + keyId), r.accountId(), description, awsManaged, now);
        r.keys().put(keyId, key);
        return key;
    }

    /** The AWS managed key for RDS ({@code alias/aws/rds}), created on first use as AWS does. */
    public static SimKey rdsManagedKey(RegionState r, Instant now) {
        SimKey existing = r.resolveKey(RDS_MANAGED_ALIAS);
        if (existing != null) {
            return existing;
        }
        SimKey key = create(r, "aws/rds", "Default key that protects my RDS database volumes when no other key is "
                + "defined", true, now);
        r.aliases().put(RDS_MANAGED_ALIAS, key.keyId());
        return key;
    }

    public static String arn(RegionState r, String resource) {
        return "arn:" + new RegionRef(r.region()).partition() + ":kms:" + r.region() + ":" + r.accountId() + ":"
                + resource;
    }
}
