package dev.snapferry.sim.state;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A KMS key of one account and region. Its state changes through DisableKey and ScheduleKeyDeletion; its key policy
 * (the JSON document, kept verbatim as GetKeyPolicy returns what PutKeyPolicy was given) through PutKeyPolicy.
 */
public final class SimKey {

    private final String keyId;
    private final String arn;
    private final String accountId;
    private final String description;
    private final boolean awsManaged;
    private final Instant creationDate;
    private volatile String keyState = "Enabled";
    private volatile @Nullable Instant deletionDate;
    private volatile String policy;

    public SimKey(String keyId, String arn, String accountId, String description, boolean awsManaged,
                  Instant creationDate, String policy) {
        this.keyId = keyId;
        this.arn = arn;
        this.accountId = accountId;
        this.description = description;
        this.awsManaged = awsManaged;
        this.creationDate = creationDate;
        this.policy = policy;
    }

    public String keyId() {
        return keyId;
    }

    public String arn() {
        return arn;
    }

    public String accountId() {
        return accountId;
    }

    public String description() {
        return description;
    }

    public boolean awsManaged() {
        return awsManaged;
    }

    public Instant creationDate() {
        return creationDate;
    }

    public String keyState() {
        return keyState;
    }

    public @Nullable Instant deletionDate() {
        return deletionDate;
    }

    /** The key policy document, exactly as it was set. */
    public String policy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    public boolean usable() {
        return "Enabled".equals(keyState);
    }

    public void disable() {
        keyState = "Disabled";
    }

    public void enable() {
        keyState = "Enabled";
        deletionDate = null;
    }

    public void scheduleDeletion(Instant when) {
        keyState = "PendingDeletion";
        deletionDate = when;
    }
}
