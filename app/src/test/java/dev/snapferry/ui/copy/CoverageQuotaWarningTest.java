package dev.snapferry.ui.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.coverage.ClusterKey;
import dev.snapferry.core.coverage.Quota;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The review warns before a batch would take a destination over its manual cluster snapshot quota. */
class CoverageQuotaWarningTest {

    private static final AccountRef ACCOUNT = new AccountRef("111122223333", "demo", true);
    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final RegionRef WEST = new RegionRef("us-west-2");

    @Test
    void aBatchThatWouldExceedTheQuotaIsNamedWithTheCounts() {
        ReviewStepViewModel review = review((account, region) -> new Quota(new ClusterKey.Location(
                account.accountId(), region), region.equals(WEST) ? 99L : 10L, 100L));

        review.show(List.of(row(review, "a", WEST), row(review, "b", WEST), row(review, "c", EAST)));

        assertThat(review.quotaWarningProperty().get()).isEqualTo("This batch adds 2 manual snapshots to "
                + "111122223333 in us-west-2, which holds 99 of its 100 allowed: AWS will refuse the copies beyond "
                + "the quota (SnapshotQuotaExceeded). Delete old ones first (Coverage tab, Clean-up) or ask AWS to "
                + "raise the quota.");
    }

    @Test
    void aBatchThatFitsOrAnUnknownQuotaWarnsOfNothing() {
        ReviewStepViewModel fits = review((account, region) -> new Quota(new ClusterKey.Location(
                account.accountId(), region), 99L, 100L));
        fits.show(List.of(row(fits, "a", WEST)));
        assertThat(fits.quotaWarningProperty().get()).isEmpty();

        ReviewStepViewModel unknown = review((account, region) -> new Quota(new ClusterKey.Location(
                account.accountId(), region), null, null));
        unknown.show(List.of(row(unknown, "a", WEST), row(unknown, "b", WEST)));
        assertThat(unknown.quotaWarningProperty().get()).isEmpty();
    }

    private static ReviewStepViewModel review(ReviewStepViewModel.QuotaLookup lookup) {
        ReviewStepViewModel review = new ReviewStepViewModel(new InMemoryCopyGateway(ACCOUNT, List.of(EAST, WEST)),
                new SameThreadTaskRunner(), Messages.load(Locale.ROOT), null);
        review.useQuotas(lookup);
        return review;
    }

    private static ReviewStepViewModel.Row row(ReviewStepViewModel review, String id, RegionRef to) {
        Snapshot source = new Snapshot(id, "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:" + id,
                "111122223333", EAST, Engine.AURORA_MYSQL, null, "c", SnapshotType.MANUAL,
                SnapshotStatus.available(), Instant.parse("2026-11-01T00:00:00Z"), false, null, List.of(), null, 1,
                null, null, false);
        return review.row(new CopyTarget(source), new CopyRequest(source, ACCOUNT, to, id + "-copy", null, true,
                List.of()));
    }
}
