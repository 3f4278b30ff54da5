package dev.snapferry.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key's alias not read is unknown on the row, until aliases that were read say what it is, or that it has none. */
class KmsAliasesUnknownTest {

    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/k-1";

    private static final Snapshot ROW = new Snapshot("orders",
            "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:orders", "111122223333", new RegionRef("us-east-1"), Engine.AURORA_MYSQL, "8.0", "orders", SnapshotType.MANUAL,
            SnapshotStatus.available(), Instant.EPOCH, true, KEY, List.of(), null, 10, "aurora", null, false);

    @Test
    void aliasesNotReadMarkTheAliasUnknownAndLaterOnesResolveIt() {
        Snapshot unread = KmsDirectory.Aliases.UNREAD.resolve(ROW);
        assertThat(unread.isUnknown(Snapshot.Detail.KMS_ALIAS)).isTrue();
        assertThat(unread.kmsKeyAlias()).isNull();
        assertThat(unread.withStatus(SnapshotStatus.fromRds("copying", 5)).isUnknown(Snapshot.Detail.KMS_ALIAS))
                .as("a new status keeps what is unknown").isTrue();

        Snapshot aliased = new KmsDirectory.Aliases(Map.of("k-1", "alias/aws/rds"), true).resolve(unread);
        assertThat(aliased.unknown()).isEmpty();
        assertThat(aliased.kmsKeyAlias()).isEqualTo("alias/aws/rds");
        assertThat(aliased.awsManagedKey()).isTrue();

        Snapshot none = new KmsDirectory.Aliases(Map.of(), true).resolve(unread);
        assertThat(none.unknown()).as("read: the key has no alias").isEmpty();
        assertThat(none.kmsKeyAlias()).isNull();
    }

    @Test
    void anUnencryptedSnapshotHasNoAliasToMiss() {
        Snapshot plain = new Snapshot("p", "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:p", "111122223333",
                new RegionRef("us-east-1"), Engine.NEPTUNE, null, null, SnapshotType.MANUAL, SnapshotStatus.available(),
                null, false, null, List.of(), null, null, null, null, false);
        assertThat(KmsDirectory.Aliases.UNREAD.resolve(plain).unknown()).isEmpty();
    }
}
