package dev.snapferry.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.Exposure;
import dev.snapferry.core.audit.TagPolicy;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import dev.snapferry.ui.audit.AuditCharts.Bar;
import dev.snapferry.ui.audit.AuditCharts.Series;
import dev.snapferry.ui.audit.AuditViewModel.Grouping;
import dev.snapferry.ui.common.Messages;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What each chart of the Audit tab draws, from a hand-made audit and without a toolkit: the order of the groups,
 * a piece only where there are snapshots, the words of each bar and the snapshots a click opens.
 */
class AuditChartsTest {

    private static final Messages MESSAGES = Messages.load(Locale.ROOT);
    private static final String OWN = "111122223333";
    private static final String OTHER = "444455556666";
    private static final String ORDERS_KEY = "arn:aws:kms:us-east-1:" + OWN + ":key/orders";
    private static final String AWS_KEY = "arn:aws:kms:us-east-1:" + OTHER + ":key/rds";

    /** Encrypted with the orders key, tagged, public. */
    private final Snapshot open = snapshot("open", OWN, "us-east-1", Engine.AURORA_POSTGRESQL, SnapshotType.MANUAL,
            ORDERS_KEY, "alias/orders", false, true);
    /** Not encrypted, untagged, private. */
    private final Snapshot plain = snapshot("plain", OWN, "eu-west-1", Engine.AURORA_MYSQL, SnapshotType.MANUAL,
            null, null, false, false);
    /** Under an AWS managed key, untagged, automated: cannot be shared. */
    private final Snapshot managed = snapshot("managed", OTHER, "us-east-1", Engine.NEPTUNE,
            SnapshotType.AUTOMATED, AWS_KEY, "alias/aws/rds", true, false);
    /** Encrypted with the orders key, tagged, its sharing not read. */
    private final Snapshot unread = snapshot("unread", OWN, "us-east-1", Engine.DOCUMENTDB, SnapshotType.MANUAL,
            ORDERS_KEY, "alias/orders", false, true);
    private final Audit audit = Audit.of(List.of(open, plain, managed, unread), TagPolicy.requiring(List.of("Owner")),
            Map.of(open.arn(), new Exposure(Set.of(Exposure.ALL)), plain.arn(), new Exposure(Set.of())));

    @Test
    void encryptionBarsStandInTheOrderOfTheirWordsWithAPieceOnlyWhereThereAreSnapshots() {
        AuditCharts charts = AuditCharts.of(audit, Grouping.ENGINE, MESSAGES);

        assertThat(charts.encryptionByEngine().groups()).containsExactly("Aurora", "DocumentDB", "Neptune");
        assertThat(charts.encryptionByEngine().series()).extracting(Series::name)
                .containsExactly("Encrypted", "Not encrypted");
        assertThat(charts.encryptionByEngine().series().get(0).bars()).extracting(Bar::category, Bar::count)
                .containsExactly(tuple("Aurora", 1), tuple("DocumentDB", 1), tuple("Neptune", 1));
        Bar unencrypted = charts.encryptionByEngine().series().get(1).bars().getFirst();
        assertThat(charts.encryptionByEngine().series().get(1).bars()).hasSize(1);
        assertThat(unencrypted.category()).isEqualTo("Aurora");
        assertThat(unencrypted.drill()).isEqualTo("Not encrypted \u2014 Aurora");
        assertThat(unencrypted.text()).isEqualTo("Not encrypted \u2014 Aurora: 1");
        assertThat(unencrypted.tooltip()).isEqualTo("Not encrypted \u2014 Aurora: 1\nClick to see them in the "
                + "Snapshots tab.");
        assertThat(unencrypted.ids()).containsExactly(Audit.id(plain));

        assertThat(charts.encryptionByRegion().groups()).containsExactly("eu-west-1", "us-east-1");
        assertThat(charts.encryptionByRegion().series().get(0).bars()).extracting(Bar::category, Bar::count)
                .containsExactly(tuple("us-east-1", 3));
    }

    @Test
    void theComplianceChartGroupsAsChosen() {
        assertThat(AuditCharts.of(audit, Grouping.ENGINE, MESSAGES).compliance().groups())
                .containsExactly("Aurora", "DocumentDB", "Neptune");
        assertThat(AuditCharts.of(audit, Grouping.REGION, MESSAGES).compliance().groups())
                .containsExactly("eu-west-1", "us-east-1");
        AuditCharts.Stacked byAccount = AuditCharts.of(audit, Grouping.ACCOUNT, MESSAGES).compliance();
        assertThat(byAccount.groups()).containsExactly(OWN, OTHER);
        assertThat(byAccount.series()).extracting(Series::name).containsExactly("Compliant", "Not compliant",
                "Not checked");
        assertThat(byAccount.series().get(2).bars()).as("every tag set was read").isEmpty();
        Series notCompliant = byAccount.series().get(1);
        assertThat(notCompliant.bars()).extracting(Bar::category, Bar::count)
                .containsExactly(tuple(OWN, 1), tuple(OTHER, 1));
        assertThat(notCompliant.bars().getFirst().drill()).isEqualTo("Not compliant \u2014 " + OWN);
        assertThat(notCompliant.bars().getFirst().ids()).containsExactly(Audit.id(plain));
    }

    @Test
    void theMostUsedKeyStandsAtTheTopAndAnAwsManagedKeySaysWhyItMatters() {
        AuditCharts.Keys keys = AuditCharts.of(audit, Grouping.ENGINE, MESSAGES).keys();

        // A vertical category axis runs from the bottom up.
        assertThat(keys.categories()).containsExactly("alias/aws/rds (us-east-1)", "alias/orders (us-east-1)");
        assertThat(keys.customerManaged().name()).isEqualTo("Customer managed key");
        assertThat(keys.customerManaged().bars()).singleElement().satisfies(bar -> {
            assertThat(bar.count()).isEqualTo(2);
            assertThat(bar.drill()).isEqualTo("Encrypted with alias/orders (us-east-1)");
            assertThat(bar.text()).isEqualTo("Encrypted with alias/orders (us-east-1): 2");
            assertThat(bar.ids()).containsExactlyInAnyOrder(Audit.id(open), Audit.id(unread));
        });
        assertThat(keys.awsManaged().name()).isEqualTo("AWS managed key");
        assertThat(keys.awsManaged().bars()).singleElement().satisfies(bar -> {
            assertThat(bar.category()).isEqualTo("alias/aws/rds (us-east-1)");
            assertThat(bar.text()).isEqualTo("Encrypted with alias/aws/rds (us-east-1): 1\n"
                    + "AWS managed key: these snapshots cannot be shared with other accounts.");
            assertThat(bar.ids()).containsExactly(Audit.id(managed));
        });
    }

    @Test
    void sharingReadsInTheOrderOfItsKindsFromTheTop() {
        AuditCharts.Sharing sharing = AuditCharts.of(audit, Grouping.ENGINE, MESSAGES).sharing();

        assertThat(sharing.bars()).extracting(AuditCharts.SharingBar::kind).containsExactly(Audit.Sharing.PRIVATE,
                Audit.Sharing.PUBLIC, Audit.Sharing.NOT_SHAREABLE, Audit.Sharing.NOT_CHECKED);
        assertThat(sharing.categories()).containsExactly("Not checked", "Cannot be shared", "Public", "Private");
        Bar publicOnes = sharing.bars().get(1).bar();
        assertThat(publicOnes.category()).isEqualTo("Public");
        assertThat(publicOnes.drill()).isEqualTo("Public");
        assertThat(publicOnes.text()).isEqualTo("Public: 1");
        assertThat(publicOnes.ids()).containsExactly(Audit.id(open));
    }

    @Test
    void anEmptyAuditDrawsEmptyChartsWithTheirSeriesNamed() {
        AuditCharts charts = AuditCharts.of(Audit.of(List.of(), TagPolicy.none(), Map.of()), Grouping.REGION,
                MESSAGES);

        assertThat(charts.encryptionByEngine().groups()).isEmpty();
        assertThat(charts.compliance().series()).extracting(Series::name)
                .containsExactly("Compliant", "Not compliant", "Not checked");
        assertThat(charts.compliance().series()).allSatisfy(s -> assertThat(s.bars()).isEmpty());
        assertThat(charts.keys().categories()).isEmpty();
        assertThat(charts.sharing().bars()).isEmpty();
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static Snapshot snapshot(String id, String account, String region, Engine engine, SnapshotType type,
                                     @Nullable String key, @Nullable String alias, boolean awsManaged,
                                     boolean tagged) {
        String arn = "arn:aws:rds:" + region + ":" + account + ":cluster-snapshot:" + id;
        return new Snapshot(id, arn, account, new RegionRef(region), engine, "1", "c", type,
                SnapshotStatus.available(), Instant.EPOCH, key != null, key,
                tagged ? List.of(new Tag("Owner", "dba")) : List.of(), null, 10, null, alias, awsManaged);
    }
}
