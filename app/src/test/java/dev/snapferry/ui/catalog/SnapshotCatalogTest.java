package dev.snapferry.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.JobState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotFixtures;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.SameThreadTaskRunner;
import dev.snapferry.ui.common.TaskHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The catalog on its own, fed by a source that answers at once with made-up rows: how it numbers rows for the
 * filters' bit sets, and how it overlays the progress of copies in flight.
 */
class SnapshotCatalogTest {

    private static final AccountRef ACCOUNT = SnapshotFixtures.ownAccount();
    private static final RegionRef REGION = SnapshotFixtures.US_EAST_1;

    /** Answers every listing with the current {@link #snapshots}, on the calling thread. */
    private static final class FixedSource implements SnapshotSource {
        List<Snapshot> snapshots = List.of();

        @Override
        public List<AccountRef> accounts() {
            return List.of(ACCOUNT);
        }

        @Override
        public TaskHandle list(List<AccountRef> accounts, List<RegionRef> regions, boolean includePublic,
                               Consumer<RegionResult> each, Runnable done) {
            for (RegionRef region : regions) {
                each.accept(new RegionResult.Loaded(ACCOUNT, region, snapshots, List.of(), Duration.ZERO, 0));
            }
            done.run();
            return new TaskHandle() {
                @Override
                public void cancel() {
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            };
        }
    }

    private final FixedSource source = new FixedSource();
    private final SnapshotCatalog catalog = new SnapshotCatalog(source,
            AccountCatalog.fixed(java.util.Set.of("default"), null), Runnable::run, new SameThreadTaskRunner(),
            new RecordingDialogService(), Messages.load(Locale.ROOT));

    private static List<Snapshot> snapshots(int count) {
        return IntStream.range(0, count).mapToObj(i -> SnapshotFixtures.snapshot().identifier("snap-" + i).build())
                .toList();
    }

    @Test
    void rowNumbersStayWithinTheTableThroughManyListings() {
        source.snapshots = snapshots(500);
        catalog.regions().setAll(REGION);
        long numberingBefore = catalog.numbering();
        for (int listing = 0; listing < 40; listing++) {
            catalog.refresh();
        }
        assertThat(catalog.rows()).hasSize(500);
        int highest = catalog.rows().stream().mapToInt(SnapshotRow::index).max().orElseThrow();
        // 40 listings of 500 rows would have used numbers up to 20,000 with numbers never reused.
        assertThat(highest).isLessThan(2 * 500 + 1024 + 500);
        assertThat(catalog.rows().stream().mapToInt(SnapshotRow::index).distinct().count()).isEqualTo(500);
        assertThat(catalog.numbering()).isGreaterThan(numberingBefore);
    }

    @Test
    void copiesInFlightShowTheirJobsPercentageAndOtherRowsStayAsListed() {
        Snapshot copying = SnapshotFixtures.snapshot().identifier("the-copy")
                .status(SnapshotStatus.fromRds("copying", 0)).build();
        Snapshot other = SnapshotFixtures.snapshot().identifier("other").build();
        source.snapshots = List.of(copying, other);
        catalog.regions().setAll(REGION);
        catalog.refresh();
        List<SnapshotCatalog.Replacement> replaced = new ArrayList<>();
        catalog.onReplacement(replaced::add);

        CopyRequest request = new CopyRequest(other, ACCOUNT, REGION, "the-copy", null, false, List.of());
        CopyJob job = new CopyJob(UUID.randomUUID(), request, JobState.COPYING, 42, Instant.now(), Instant.now(),
                Instant.now(), copying.arn(), null);
        catalog.showJobs(List.of(job));

        assertThat(catalog.rows()).filteredOn(r -> r.snapshot().identifier().equals("the-copy")).singleElement()
                .satisfies(r -> assertThat(r.snapshot().status().percent()).isEqualTo(42));
        assertThat(catalog.rows()).filteredOn(r -> r.snapshot().identifier().equals("other")).singleElement()
                .satisfies(r -> assertThat(r.snapshot().status().state()).isEqualTo(SnapshotState.AVAILABLE));
        assertThat(replaced).singleElement().satisfies(r -> assertThat(r.after()).singleElement()
                .satisfies(row -> assertThat(row.index()).isNotNegative()));
    }
}
