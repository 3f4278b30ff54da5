package dev.snapferry.core.aws;

import dev.snapferry.core.model.Arn;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshotInList;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/** Turns SDK snapshot models into Snapferry's {@link Snapshot}, classifying RDS-family ones by their engine. */
final class SnapshotMapper {

    private SnapshotMapper() {
    }

    /** Empty for an engine Snapferry does not handle (it is skipped, not guessed). */
    static Optional<Snapshot> fromRds(DBClusterSnapshot s, String accountId, RegionRef region) {
        return fromRds(s, accountId, region, new Canonical());
    }

    /** As {@link #fromRds(DBClusterSnapshot, String, RegionRef)}, sharing repeated values through {@code c}. */
    static Optional<Snapshot> fromRds(DBClusterSnapshot s, String accountId, RegionRef region, Canonical c) {
        Optional<Engine> engine = Engine.fromRaw(s.engine());
        if (engine.isEmpty() || engine.get().api() != dev.snapferry.core.model.ApiFamily.RDS
                || s.dbClusterSnapshotIdentifier() == null || s.dbClusterSnapshotArn() == null) {
            return Optional.empty();
        }
        List<Tag> tags = s.tagList() == null ? List.of()
                : c.tags(s.tagList().stream().filter(t -> t.key() != null)
                        .map(t -> c.tag(t.key(), t.value() == null ? "" : t.value())).toList());
        return Optional.of(new Snapshot(s.dbClusterSnapshotIdentifier(), s.dbClusterSnapshotArn(),
                c.string(accountId), region, engine.get(), c.nullableString(s.engineVersion()),
                c.nullableString(s.dbClusterIdentifier()),
                SnapshotType.fromRaw(s.snapshotType()).orElse(SnapshotType.MANUAL),
                c.status(SnapshotStatus.fromRds(s.status(), s.percentProgress())), s.snapshotCreateTime(),
                Boolean.TRUE.equals(s.storageEncrypted()), c.nullableString(s.kmsKeyId()), tags,
                s.sourceDBClusterSnapshotArn(), s.allocatedStorage(), c.nullableString(s.storageType()), null, false));
    }

    /**
     * The {@code snapshotType} filter of ListClusterSnapshots for {@code type}: the request takes the documented
     * lower-case values, while responses carry the upper-case {@code SnapshotType} enum (read by
     * {@link SnapshotType#fromRaw}).
     */
    static String elasticListFilter(SnapshotType type) {
        // botocore docdb-elastic 2022-11-28 service-2.json, ListClusterSnapshotsInput.snapshotType
        return switch (type) {
            case MANUAL -> "manual";
            case AUTOMATED -> "automated";
            case SHARED, PUBLIC -> throw new IllegalArgumentException("Elastic lists no " + type + " snapshots");
        };
    }

    /**
     * An Elastic snapshot from its list entry. Elastic snapshots are always encrypted. The list names neither the
     * key nor the tags, which stay unknown until {@link #withElasticDetails} adds them from GetClusterSnapshot and
     * ListTagsForResource.
     */
    static Snapshot fromElastic(ClusterSnapshotInList s, SnapshotType type, Map<String, String> clusterNames,
                                String accountId, RegionRef region) {
        String cluster = clusterNames.getOrDefault(s.clusterArn(),
                Arn.parse(s.clusterArn()).map(Arn::resourceName).orElse(s.clusterArn()));
        return new Snapshot(s.snapshotName(), s.snapshotArn(), accountId, region, Engine.DOCUMENTDB_ELASTIC, null,
                cluster, type, SnapshotStatus.fromElastic(s.statusAsString()), parseTime(s.snapshotCreationTime()),
                true, null, List.of(), null, null, null, null, false, Set.of(Snapshot.Detail.KMS_KEY,
                Snapshot.Detail.TAGS));
    }

    /** An Elastic snapshot from its list form, with the key and tags its detail calls returned. */
    static Snapshot withElasticDetails(Snapshot listed, String kmsKeyId, Map<String, String> tags, Canonical c) {
        List<Tag> tagList = tags == null ? List.of()
                : c.tags(tags.entrySet().stream().map(e -> c.tag(e.getKey(), e.getValue() == null ? ""
                        : e.getValue())).toList());
        boolean keyKnown = kmsKeyId != null && !kmsKeyId.isBlank();
        return new Snapshot(listed.identifier(), listed.arn(), listed.accountId(), listed.region(), listed.engine(),
                listed.engineVersion(), listed.clusterIdentifier(), listed.type(), listed.status(),
                listed.createTime(), true, keyKnown ? c.string(kmsKeyId) : null, tagList, null, null, null, null,
                false);
    }

    static @Nullable Instant parseTime(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
