package dev.snapferry.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A snapshot whose key or tags could not be read (a DocumentDB Elastic snapshot whose details failed) is neither
 * compliant nor not, belongs to no key, and is no finding for what was not read.
 */
class AuditNotCheckedTest {

    private static final TagPolicy OWNER = TagPolicy.requiring(List.of("owner"));

    private static Snapshot elastic(String name, List<Tag> tags) {
        return new Snapshot(name, "arn:aws:docdb-elastic:us-east-1:111122223333:cluster-snapshot/" + name,
                "111122223333", new RegionRef("us-east-1"), Engine.DOCUMENTDB_ELASTIC, null, "events",
                SnapshotType.MANUAL, SnapshotStatus.available(), Instant.EPOCH, true,
                "arn:aws:kms:us-east-1:111122223333:key/k-1", tags, null, null, null, null, false);
    }

    private final Snapshot unread = elastic("unread", List.of()).withUnknown(Snapshot.Detail.KMS_KEY,
            Snapshot.Detail.TAGS);
    private final Snapshot untagged = elastic("untagged", List.of());
    private final Snapshot tagged = elastic("tagged", List.of(new Tag("owner", "dba")));

    @Test
    void unreadTagsAreNotCheckedAndNoFinding() {
        Audit audit = Audit.of(List.of(unread, untagged, tagged), OWNER, Map.of());

        assertThat(Audit.find(audit.complianceByEngine(), "DOCUMENTDB_ELASTIC", Audit.Compliance.NOT_CHECKED).ids())
                .containsExactly(Audit.id(unread));
        assertThat(Audit.find(audit.complianceByEngine(), "DOCUMENTDB_ELASTIC", Audit.Compliance.NOT_COMPLIANT)
                .ids()).containsExactly(Audit.id(untagged));
        assertThat(Audit.find(audit.complianceByEngine(), "DOCUMENTDB_ELASTIC", Audit.Compliance.COMPLIANT).ids())
                .containsExactly(Audit.id(tagged));
        assertThat(audit.findings()).extracting(f -> f.snapshot().identifier()).containsExactly("untagged");
        assertThat(new SnapshotQuery(java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of(QuickFilter.MISSING_REQUIRED_TAGS), "", OWNER).passesQuickFilters(unread))
                .as("not known to miss a tag").isFalse();
    }

    @Test
    void anUnreadKeyBelongsToNoKeyAndIsCountedApart() {
        Audit audit = Audit.of(List.of(unread, untagged), OWNER, Map.of());

        assertThat(audit.keysNotChecked()).containsExactly(Audit.id(unread));
        assertThat(audit.keys()).singleElement().satisfies(k -> assertThat(k.ids()).containsExactly(
                Audit.id(untagged)));
        assertThat(Audit.count(audit.encryptionByEngine(), Audit.Encryption.ENCRYPTED)).as("Elastic always is")
                .isEqualTo(2);
    }

    @Test
    void anEmptyPolicyAsksNothingOfUnreadTags() {
        Audit audit = Audit.of(List.of(unread), TagPolicy.none(), Map.of());

        assertThat(Audit.count(audit.complianceByEngine(), Audit.Compliance.COMPLIANT)).isEqualTo(1);
        assertThat(Audit.count(audit.complianceByEngine(), Audit.Compliance.NOT_CHECKED)).isZero();
    }
}
