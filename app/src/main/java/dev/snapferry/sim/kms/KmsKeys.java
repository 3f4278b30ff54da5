package dev.snapferry.sim.kms;

import dev.snapferry.sim.aws.Partitions;
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

    /**
     * A key whose id is derived from {@code seed}, so datasets are the same on every run. A customer managed key
     * gets the default key policy KMS gives a key created through the API without one; the AWS managed key for
     * RDS gets the policy of {@code aws/rds} (both in {@link KeyPolicies}).
     */
    public static SimKey create(RegionState r, String seed, String description, boolean awsManaged, Instant now) {
        String partition = Partitions.of(r.region());
        return create(r, seed, description, awsManaged, now, awsManaged
                ? KeyPolicies.awsManagedRdsPolicy(partition, r.accountId(), r.region())
                : KeyPolicies.defaultPolicy(partition, r.accountId()));
    }

    /** A key with the given policy document, stored as it is given. */
    public static SimKey create(RegionState r, String seed, String description, boolean awsManaged, Instant now,
                                String policy) {
        String keyId = UUID.nameUUIDFromBytes((r.accountId() + "/" + r.region() + "/" + seed)
                .getBytes(StandardCharsets.UTF_8)).toString();
        SimKey key = new SimKey(keyId, arn(r, "key/" + keyId), r.accountId(), description, awsManaged, now, policy);
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
        return "arn:" + Partitions.of(r.region()) + ":kms:" + r.region() + ":" + r.accountId() + ":"
                + resource;
    }
}
