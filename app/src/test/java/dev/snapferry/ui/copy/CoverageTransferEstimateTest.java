package dev.snapferry.ui.copy;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The review's estimated transfer charge of a cross-region copy, from the Coverage tab's price table. */
class CoverageTransferEstimateTest {

    private static final AccountRef ACCOUNT = new AccountRef("111122223333", "demo", true);
    private static final RegionRef EAST = new RegionRef("us-east-1");
    private static final RegionRef WEST = new RegionRef("us-west-2");
    private final ReviewStepViewModel review = new ReviewStepViewModel(new InMemoryCopyGateway(ACCOUNT,
            List.of(EAST, WEST)), new SameThreadTaskRunner(), Messages.load(Locale.ROOT), null);

    @Test
    void aCrossRegionCopyOfKnownSizeShowsItsTransferChargeAsAnUpperBound() {
        Snapshot multiAz = snapshot(Engine.RDS_MULTI_AZ_CLUSTER, 200);

        String transfer = review.row(new CopyTarget(multiAz), request(multiAz, WEST)).transfer();

        assertThat(transfer).isEqualTo("Cross-region, us-east-1 to us-west-2: about 200 GiB transferred (data "
                + "transfer charges apply). Estimated transfer charge: at most $4.00, once (200 GiB at the price "
                + "table\u2019s rate).");
    }

    @Test
    void aCopyOfUnknownSizeOrInTheSameRegionShowsNoCharge() {
        Snapshot aurora = snapshot(Engine.AURORA_MYSQL, 1);
        Snapshot multiAz = snapshot(Engine.RDS_MULTI_AZ_CLUSTER, 200);

        assertThat(review.row(new CopyTarget(aurora), request(aurora, WEST)).transfer()).doesNotContain("$");
        assertThat(review.row(new CopyTarget(multiAz), request(multiAz, EAST)).transfer()).doesNotContain("$");
    }

    private static CopyRequest request(Snapshot source, RegionRef to) {
        return new CopyRequest(source, ACCOUNT, to, "copy", null, true, List.of());
    }

    private static Snapshot snapshot(Engine engine, int gib) {
        return new Snapshot("s", "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:s", "111122223333", EAST, engine,
                null, "c", SnapshotType.MANUAL, SnapshotStatus.available(), Instant.parse("2026-11-01T00:00:00Z"),
                false, null, List.of(), null, gib, null, null, false);
    }
}
