package dev.snapferry.sim.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DbClusterSnapshotNotFoundException;
import software.amazon.awssdk.services.rds.model.SnapshotQuotaExceededException;

/**
 * The concurrent-copy limit (5 per destination region and account), AWS's queueing of cross-region copies (two
 * transfer at a time into one region, the others wait at 0 %), and the quota of 100 manual snapshots per region.
 */
class CopyQuotaTest {

    /** 10 GiB: a cross-region copy takes 300 s + 8 s per GiB = 380 s, a same-region copy 60 s + 2 s per GiB = 80 s. */
    private static final Duration CROSS = Duration.ofSeconds(380);
    private static final String SOURCE_ARN = "arn:aws:rds:us-east-1:" + RdsSim.PROD + ":cluster-snapshot:src-pg-1";

    private RdsSim sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private void startWithSource() {
        sim = RdsSim.with(Fixture.create()
                .in(RdsSim.PROD, "us-east-1", r -> r.snapshot(r.cluster("src-pg", "aurora-postgresql", 10, null),
                        "src-pg-1", "manual", Map.of()))
                .in(RdsSim.PROD, "us-west-2", r -> r.snapshot(r.cluster("west-src", "aurora-postgresql", 10, null),
                        "west-src-1", "manual", Map.of()))
                .in(RdsSim.DR, "us-east-1", r -> r.snapshot(r.cluster("dr-src", "aurora-postgresql", 10, null),
                        "dr-src-1", "manual", Map.of())));
    }

    private DBClusterSnapshot copyWest(String target) {
        return sim.rds("us-west-2").copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(SOURCE_ARN)
                .targetDBClusterSnapshotIdentifier(target).sourceRegion("us-east-1")).dbClusterSnapshot();
    }

    private DBClusterSnapshot west(String id) {
        return sim.snapshot("us-west-2", id);
    }

    @Test
    void fiveCopiesIntoOneRegionSucceedAndTheSixthIsRefused() {
        startWithSource();
        IntStream.rangeClosed(1, 5).forEach(i -> assertThat(copyWest("copy-" + i).status()).isEqualTo("copying"));

        SnapshotQuotaExceededException e = catchThrowableOfType(SnapshotQuotaExceededException.class,
                () -> copyWest("copy-6"));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SnapshotQuotaExceeded");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThatThrownBy(() -> west("copy-6")).isInstanceOf(DbClusterSnapshotNotFoundException.class);
    }

    @Test
    void theLimitIsPerDestinationRegion() {
        startWithSource();
        IntStream.rangeClosed(1, 5).forEach(i -> copyWest("copy-" + i));
        DBClusterSnapshot elsewhere = sim.rds("eu-west-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(SOURCE_ARN).targetDBClusterSnapshotIdentifier("copy-6")
                .sourceRegion("us-east-1")).dbClusterSnapshot();
        assertThat(elsewhere.status()).isEqualTo("copying");
        DBClusterSnapshot sameRegionAsSource = sim.rds("us-east-1").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("src-pg-1").targetDBClusterSnapshotIdentifier("copy-6"))
                .dbClusterSnapshot();
        assertThat(sameRegionAsSource.status()).isEqualTo("copying");
    }

    @Test
    void theLimitIsPerAccount() {
        startWithSource();
        IntStream.rangeClosed(1, 5).forEach(i -> copyWest("copy-" + i));
        var drCopy = sim.drRds("us-west-2").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("arn:aws:rds:us-east-1:" + RdsSim.DR + ":cluster-snapshot:dr-src-1")
                .targetDBClusterSnapshotIdentifier("dr-copy-1").sourceRegion("us-east-1")).dbClusterSnapshot();
        assertThat(drCopy.status()).isEqualTo("copying");
    }

    @Test
    void afterACopyCompletesANewOneIsAccepted() {
        startWithSource();
        IntStream.rangeClosed(1, 5).forEach(i -> copyWest("copy-" + i));
        assertThatThrownBy(() -> copyWest("copy-6")).isInstanceOf(SnapshotQuotaExceededException.class);

        int steps = 0;
        while (IntStream.rangeClosed(1, 5).noneMatch(i -> west("copy-" + i).status().equals("available"))) {
            assertThatThrownBy(() -> copyWest("copy-6")).isInstanceOf(SnapshotQuotaExceededException.class);
            sim.advance(Duration.ofSeconds(60));
            assertThat(++steps).as("a copy completes within the hour").isLessThan(60);
        }
        assertThat(copyWest("copy-6").status()).isEqualTo("copying");
    }

    @Test
    void cancellingACopyInProgressFreesItsSlot() {
        startWithSource();
        IntStream.rangeClosed(1, 5).forEach(i -> copyWest("copy-" + i));
        sim.advance(Duration.ofSeconds(30));
        DBClusterSnapshot deleted = sim.rds("us-west-2").deleteDBClusterSnapshot(b -> b
                .dbClusterSnapshotIdentifier("copy-4")).dbClusterSnapshot();
        assertThat(deleted.dbClusterSnapshotIdentifier()).isEqualTo("copy-4");

        assertThat(sim.rds("us-west-2").describeDBClusterSnapshots(b -> b.snapshotType("manual"))
                .dbClusterSnapshots()).extracting(DBClusterSnapshot::dbClusterSnapshotIdentifier)
                .filteredOn(id -> id.startsWith("copy-"))
                .containsExactlyInAnyOrder("copy-1", "copy-2", "copy-3", "copy-5");
        assertThat(copyWest("copy-6").status()).isEqualTo("copying");
        assertThatThrownBy(() -> copyWest("copy-7")).isInstanceOf(SnapshotQuotaExceededException.class);
    }

    @Test
    void twoCrossRegionCopiesTransferWhileTheThirdWaitsAtZeroPercent() {
        startWithSource();
        copyWest("copy-a");
        copyWest("copy-b");
        copyWest("copy-c");

        sim.advance(CROSS.dividedBy(2));
        DBClusterSnapshot a = west("copy-a");
        DBClusterSnapshot b = west("copy-b");
        DBClusterSnapshot c = west("copy-c");
        assertThat(a.percentProgress()).isBetween(45, 55);
        assertThat(b.percentProgress()).isBetween(45, 55);
        assertThat(c.status()).isEqualTo("copying");
        assertThat(c.percentProgress()).as("queued").isZero();

        sim.advance(CROSS.dividedBy(2).minusSeconds(1));
        assertThat(west("copy-a").percentProgress()).isGreaterThan(a.percentProgress()).isLessThan(100);
        assertThat(west("copy-b").percentProgress()).isGreaterThan(b.percentProgress()).isLessThan(100);
        assertThat(west("copy-c").percentProgress()).as("still queued").isZero();

        sim.advance(Duration.ofSeconds(1));
        assertThat(west("copy-a").status()).isEqualTo("available");
        assertThat(west("copy-b").status()).isEqualTo("available");
        assertThat(west("copy-c").status()).isEqualTo("copying");

        sim.advance(CROSS.dividedBy(2));
        DBClusterSnapshot advancing = west("copy-c");
        assertThat(advancing.status()).isEqualTo("copying");
        assertThat(advancing.percentProgress()).as("started when the first two completed").isBetween(45, 55);

        sim.advance(CROSS.dividedBy(2));
        assertThat(west("copy-c").status()).isEqualTo("available");
        assertThat(west("copy-c").percentProgress()).isEqualTo(100);
    }

    @Test
    void aQueuedCopyStartsWhenTheFirstOfTheRunningOnesCompletes() {
        startWithSource();
        copyWest("copy-a");
        sim.advance(Duration.ofSeconds(100));
        copyWest("copy-b");
        copyWest("copy-c");

        // copy-a ends at 380 s, copy-b at 480 s; copy-c waits for copy-a.
        sim.advance(Duration.ofSeconds(279));
        assertThat(west("copy-c").percentProgress()).isZero();
        sim.advance(Duration.ofSeconds(1));
        assertThat(west("copy-a").status()).isEqualTo("available");
        assertThat(west("copy-b").status()).isEqualTo("copying");
        assertThat(west("copy-c").percentProgress()).isZero();
        sim.advance(CROSS.dividedBy(2));
        assertThat(west("copy-b").status()).isEqualTo("available");
        assertThat(west("copy-c").percentProgress()).isBetween(45, 55);
    }

    @Test
    void cancellingARunningCopyLetsTheQueuedOneStartFromThatMoment() {
        startWithSource();
        copyWest("copy-a");
        copyWest("copy-b");
        copyWest("copy-c");

        sim.advance(Duration.ofSeconds(100));
        assertThat(west("copy-c").percentProgress()).isZero();
        sim.rds("us-west-2").deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier("copy-a"));
        assertThat(west("copy-c").percentProgress()).as("it has only just started").isZero();

        sim.advance(CROSS.dividedBy(2));
        assertThat(west("copy-c").percentProgress()).isBetween(45, 55);
        sim.advance(CROSS.dividedBy(2));
        assertThat(west("copy-c").status()).isEqualTo("available");
    }

    @Test
    void sameRegionCopiesDoNotQueue() {
        startWithSource();
        RdsClient east = sim.rds("us-east-1");
        IntStream.rangeClosed(1, 4).forEach(i -> east.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("src-pg-1").targetDBClusterSnapshotIdentifier("local-" + i)));

        sim.advance(Duration.ofSeconds(40));
        IntStream.rangeClosed(1, 4).forEach(i -> {
            DBClusterSnapshot s = sim.snapshot("us-east-1", "local-" + i);
            assertThat(s.status()).isEqualTo("copying");
            assertThat(s.percentProgress()).as("local-" + i).isBetween(45, 55);
        });
        sim.advance(Duration.ofSeconds(40));
        IntStream.rangeClosed(1, 4).forEach(i -> assertThat(sim.snapshot("us-east-1", "local-" + i).status())
                .isEqualTo("available"));
    }

    @Test
    void sameRegionCopiesDoNotWaitBehindQueuedCrossRegionCopies() {
        startWithSource();
        copyWest("copy-a");
        copyWest("copy-b");
        copyWest("copy-c");
        sim.rds("us-west-2").copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("west-src-1")
                .targetDBClusterSnapshotIdentifier("local-1"));

        sim.advance(Duration.ofSeconds(40));
        assertThat(west("copy-c").percentProgress()).as("queued").isZero();
        assertThat(west("local-1").percentProgress()).isBetween(45, 55);
        sim.advance(Duration.ofSeconds(40));
        assertThat(west("local-1").status()).isEqualTo("available");
        assertThat(west("copy-c").percentProgress()).isZero();
    }

    // --- the demo's copies in flight ---

    @Test
    void demoShowsTwoCopiesTransferringAndOneQueuedIntoUsWest2() {
        sim = RdsSim.demo();
        // orders-aurora is 420 GiB: 3660 s across regions; requested 25, 9 and 2 minutes before the start.
        DBClusterSnapshot first = west("orders-aurora-dr-copy-1");
        DBClusterSnapshot second = west("orders-aurora-dr-copy-2");
        DBClusterSnapshot third = west("orders-aurora-dr-copy-3");
        assertThat(first.percentProgress()).isEqualTo(25 * 60 * 100 / 3660);
        assertThat(second.percentProgress()).isEqualTo(9 * 60 * 100 / 3660);
        assertThat(third.status()).isEqualTo("copying");
        assertThat(third.percentProgress()).as("queued by AWS").isZero();

        sim.advance(Duration.ofSeconds(3660 - 25 * 60 - 1));
        assertThat(west("orders-aurora-dr-copy-3").percentProgress()).isZero();
        sim.advance(Duration.ofSeconds(1));
        assertThat(west("orders-aurora-dr-copy-1").status()).isEqualTo("available");
        sim.advance(Duration.ofSeconds(1830));
        assertThat(west("orders-aurora-dr-copy-3").percentProgress()).isBetween(45, 55);
    }

    @Test
    void demoCopiesInFlightCountAgainstTheLimit() {
        sim = RdsSim.demo();
        String source = sim.newestManual("us-east-1", "orders-aurora").dbClusterSnapshotArn();
        for (String target : new String[] {"more-1", "more-2"}) {
            assertThat(sim.rds("us-west-2").copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier(source)
                    .targetDBClusterSnapshotIdentifier(target).kmsKeyId("alias/snapferry-prod-data")
                    .sourceRegion("us-east-1")).dbClusterSnapshot().status()).isEqualTo("copying");
        }
        assertThatThrownBy(() -> sim.rds("us-west-2").copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier(source).targetDBClusterSnapshotIdentifier("more-3")
                .kmsKeyId("alias/snapferry-prod-data").sourceRegion("us-east-1")))
                .isInstanceOf(SnapshotQuotaExceededException.class);
        // The new ones queue behind the demo's queued copy.
        sim.advance(Duration.ofMinutes(10));
        assertThat(west("more-1").percentProgress()).isZero();
        assertThat(west("more-2").percentProgress()).isZero();
    }

    // --- 100 manual snapshots per region ---

    private void startWithManualSnapshots(int count) {
        sim = RdsSim.with(Fixture.create().in(RdsSim.PROD, "us-east-1", r -> {
            var cluster = r.cluster("busy-aurora", "aurora-mysql", 10, null);
            IntStream.range(0, count).forEach(i -> r.snapshot(cluster, "manual-" + i, "manual", Map.of()));
            IntStream.range(0, 20).forEach(i -> r.snapshot(cluster, "rds:busy-aurora-2026-11-" + (10 + i / 10)
                    + "-0" + (i % 10) + "-00", "automated", Map.of()));
        }).in(RdsSim.PROD, "us-west-2", r -> r.snapshot(r.cluster("west-aurora", "aurora-mysql", 10, null),
                "west-1", "manual", Map.of())));
    }

    @Test
    void theHundredAndFirstManualSnapshotIsRefused() {
        startWithManualSnapshots(100);
        RdsClient east = sim.rds("us-east-1");
        SnapshotQuotaExceededException copyError = catchThrowableOfType(SnapshotQuotaExceededException.class,
                () -> east.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("manual-0")
                        .targetDBClusterSnapshotIdentifier("manual-100")));
        assertThat(copyError.awsErrorDetails().errorCode()).isEqualTo("SnapshotQuotaExceeded");
        assertThatThrownBy(() -> east.createDBClusterSnapshot(b -> b.dbClusterIdentifier("busy-aurora")
                .dbClusterSnapshotIdentifier("manual-100"))).isInstanceOf(SnapshotQuotaExceededException.class);
        assertThatThrownBy(() -> east.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("arn:aws:rds:us-west-2:" + RdsSim.PROD + ":cluster-snapshot:west-1")
                .targetDBClusterSnapshotIdentifier("from-west").sourceRegion("us-west-2")))
                .isInstanceOf(SnapshotQuotaExceededException.class);
        // An automated snapshot is no exception: its copy is manual too.
        assertThatThrownBy(() -> east.copyDBClusterSnapshot(b -> b
                .sourceDBClusterSnapshotIdentifier("rds:busy-aurora-2026-11-10-00-00")
                .targetDBClusterSnapshotIdentifier("from-automated")))
                .isInstanceOf(SnapshotQuotaExceededException.class);
    }

    @Test
    void automatedSnapshotsDoNotCountTowardsTheManualQuota() {
        startWithManualSnapshots(99);
        RdsClient east = sim.rds("us-east-1");
        assertThat(east.createDBClusterSnapshot(b -> b.dbClusterIdentifier("busy-aurora")
                .dbClusterSnapshotIdentifier("manual-99")).dbClusterSnapshot().status()).isEqualTo("creating");
        assertThatThrownBy(() -> east.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("manual-0")
                .targetDBClusterSnapshotIdentifier("manual-100"))).isInstanceOf(SnapshotQuotaExceededException.class);
    }

    @Test
    void deletingAManualSnapshotMakesRoomUnderTheQuota() {
        startWithManualSnapshots(100);
        RdsClient east = sim.rds("us-east-1");
        east.deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier("manual-7"));
        assertThat(east.copyDBClusterSnapshot(b -> b.sourceDBClusterSnapshotIdentifier("manual-0")
                .targetDBClusterSnapshotIdentifier("manual-100")).dbClusterSnapshot().status()).isEqualTo("copying");
    }
}
