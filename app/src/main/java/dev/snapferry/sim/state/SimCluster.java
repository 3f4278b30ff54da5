package dev.snapferry.sim.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A database cluster, only as far as snapshots need it: what {@code CreateDBClusterSnapshot} (or Elastic's
 * {@code CreateClusterSnapshot}) copies into a new snapshot, and its state, which must be {@code available}.
 */
public final class SimCluster {

    private final String identifier;
    private final String arn;
    private final boolean elastic;
    private final String engine;
    private final String engineVersion;
    private final Instant createTime;
    private final int allocatedStorageGiB;
    private final boolean encrypted;
    private final @Nullable String kmsKeyId;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private volatile String status;
    /** CreateDBCluster's defaults (RDS API reference): CopyTagsToSnapshot false, BackupRetentionPeriod 1. */
    private volatile boolean copyTagsToSnapshot;
    private volatile int backupRetentionDays = 1;

    public SimCluster(String identifier, String arn, boolean elastic, String engine, String engineVersion,
                      Instant createTime, int allocatedStorageGiB, boolean encrypted, @Nullable String kmsKeyId,
                      String status) {
        this.identifier = identifier;
        this.arn = arn;
        this.elastic = elastic;
        this.engine = engine;
        this.engineVersion = engineVersion;
        this.createTime = createTime;
        this.allocatedStorageGiB = allocatedStorageGiB;
        this.encrypted = encrypted;
        this.kmsKeyId = kmsKeyId;
        this.status = status;
    }

    public String identifier() {
        return identifier;
    }

    public String arn() {
        return arn;
    }

    public boolean elastic() {
        return elastic;
    }

    public String engine() {
        return engine;
    }

    public String engineVersion() {
        return engineVersion;
    }

    public Instant createTime() {
        return createTime;
    }

    public int allocatedStorageGiB() {
        return allocatedStorageGiB;
    }

    public boolean encrypted() {
        return encrypted;
    }

    public @Nullable String kmsKeyId() {
        return kmsKeyId;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String status() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public boolean copyTagsToSnapshot() {
        return copyTagsToSnapshot;
    }

    public int backupRetentionDays() {
        return backupRetentionDays;
    }

    /** The cluster's snapshot settings: {@code CopyTagsToSnapshot} and {@code BackupRetentionPeriod}. */
    public SimCluster withBackupSettings(boolean copyTags, int retentionDays) {
        this.copyTagsToSnapshot = copyTags;
        this.backupRetentionDays = retentionDays;
        return this;
    }
}
