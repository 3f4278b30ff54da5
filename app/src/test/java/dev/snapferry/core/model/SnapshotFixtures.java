package dev.snapferry.core.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Snapshots, keys and requests for tests, with the accounts and regions of the AWS reference examples. */
public final class SnapshotFixtures {

    public static final String OWN_ACCOUNT = "123456789012";
    public static final String OTHER_ACCOUNT = "210987654321";
    public static final RegionRef US_EAST_1 = new RegionRef("us-east-1");
    public static final RegionRef US_WEST_2 = new RegionRef("us-west-2");
    public static final RegionRef EU_WEST_1 = new RegionRef("eu-west-1");
    public static final RegionRef AP_SOUTHEAST_2 = new RegionRef("ap-southeast-2");
    public static final RegionRef CN_NORTH_1 = new RegionRef("cn-north-1");
    public static final Instant NOW = Instant.parse("2026-11-01T05:10:00Z");

    private SnapshotFixtures() {
    }

    public static SnapshotBuilder snapshot() {
        return new SnapshotBuilder();
    }

    /** An enabled customer-managed key of {@code region} in the own account, named by {@code aliases}. */
    public static KmsKey key(RegionRef region, String... aliases) {
        return key(region, KmsKeyState.ENABLED, false, aliases);
    }

    public static KmsKey key(RegionRef region, KmsKeyState state, boolean awsManaged, String... aliases) {
        String id = UUID.nameUUIDFromBytes((region.code() + String.join(",", aliases) + state + awsManaged)
                .getBytes(StandardCharsets.UTF_8)).toString();
        String arn = "arn:" + region.partition() + ":kms:" + region.code() + ":" + OWN_ACCOUNT + ":key/" + id;
        return new KmsKey(id, arn, List.of(aliases), region, state, awsManaged);
    }

    public static AccountRef ownAccount() {
        return new AccountRef(OWN_ACCOUNT, "default", false);
    }

    /** Builds a snapshot; by default an available, unencrypted, manual Aurora MySQL snapshot of the own account. */
    public static final class SnapshotBuilder {
        private String identifier = "aurora-cluster1-snapshot-20161115";
        private Engine engine = Engine.AURORA_MYSQL;
        private RegionRef region = US_EAST_1;
        private String owner = OWN_ACCOUNT;
        private String listedBy = OWN_ACCOUNT;
        private SnapshotType type = SnapshotType.MANUAL;
        private SnapshotStatus status = SnapshotStatus.available();
        private boolean encrypted;
        private List<Tag> tags = List.of();

        public SnapshotBuilder identifier(String value) {
            identifier = value;
            return this;
        }

        public SnapshotBuilder engine(Engine value) {
            engine = value;
            return this;
        }

        public SnapshotBuilder region(RegionRef value) {
            region = value;
            return this;
        }

        /** The account in the snapshot's ARN. */
        public SnapshotBuilder owner(String value) {
            owner = value;
            return this;
        }

        /** The account whose describe call listed the snapshot. */
        public SnapshotBuilder listedBy(String value) {
            listedBy = value;
            return this;
        }

        public SnapshotBuilder type(SnapshotType value) {
            type = value;
            return this;
        }

        /** Shared with the own account by {@link #OTHER_ACCOUNT}. */
        public SnapshotBuilder sharedFromOtherAccount() {
            return type(SnapshotType.SHARED).owner(OTHER_ACCOUNT);
        }

        public SnapshotBuilder status(SnapshotStatus value) {
            status = value;
            return this;
        }

        public SnapshotBuilder encrypted(boolean value) {
            encrypted = value;
            return this;
        }

        public SnapshotBuilder tags(List<Tag> value) {
            tags = value;
            return this;
        }

        public Snapshot build() {
            String arn = engine.api() == ApiFamily.RDS
                    ? Arn.clusterSnapshot(region, owner, identifier).toString()
                    : "arn:" + region.partition() + ":docdb-elastic:" + region.code() + ":" + owner
                            + ":cluster-snapshot/" + identifier;
            String keyArn = encrypted
                    ? "arn:" + region.partition() + ":kms:" + region.code() + ":" + owner
                            + ":key/1234abcd-12ab-34cd-56ef-1234567890ab"
                    : null;
            return new Snapshot(identifier, arn, listedBy, region, engine, "3.04.0", "aurora-cluster1", type, status,
                    NOW, encrypted, keyArn, tags, null, 100, "aurora", null, false);
        }
    }
}
