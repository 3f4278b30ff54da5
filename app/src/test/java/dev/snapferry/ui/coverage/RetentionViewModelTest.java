package dev.snapferry.ui.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.SnapshotWriter;
import dev.snapferry.core.coverage.Deletion;
import dev.snapferry.core.coverage.RetentionPlan;
import dev.snapferry.core.export.CoverageExport;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.testing.UiQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention clean-up on the demo through the real SDK: the dry run deletes nothing, nothing is deleted until
 * the number is typed, and the run then deletes exactly the dry run's snapshots, each with a result and a log line.
 */
@Timeout(120)
class RetentionViewModelTest {

    @TempDir
    Path folder;
    private final UiQueue ui = new UiQueue();
    private CoverageFixture fixture;

    @BeforeEach
    void listTheDemo() throws Exception {
        fixture = CoverageFixture.listed(folder, ui);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theDryRunListsWhatWouldGoWithItsCostAndProvesNoCoverageIsLost() throws Exception {
        Set<String> before = listed();

        fixture.retention.dryRun();

        RetentionPlan plan = fixture.retention.planProperty().get();
        assertThat(plan).isNotNull();
        assertThat(fixture.retention.deletions()).hasSize(plan.deletions().size()).isNotEmpty();
        assertThat(fixture.retention.summaryProperty().get()).contains("snapshots would be deleted")
                .contains("at most $");
        assertThat(fixture.retention.proofProperty().get()).startsWith("DR coverage lost: none.");
        assertThat(plan.deletions()).noneMatch(Snapshot::isAutomated).noneMatch(Snapshot::isForeign);
        assertThat(listed()).as("a dry run deletes nothing").isEqualTo(before);
    }

    @Test
    void nothingIsDeletedUntilTheNumberOfSnapshotsIsTyped() throws Exception {
        fixture.retention.dryRun();
        int count = fixture.retention.deletions().size();
        Set<String> before = listed();
        fixture.dialogs.answerTyped(String.valueOf(count - 1));

        fixture.retention.delete();

        assertThat(fixture.dialogs.shown()).last().satisfies(s -> assertThat(s.message())
                .contains(count + " manual snapshots").contains("Type the number"));
        assertThat(fixture.retention.statusProperty().get()).isEqualTo("Nothing deleted: the number was not typed.");
        assertThat(listed()).isEqualTo(before);
        assertThat(fixture.log).doesNotExist();
    }

    @Test
    void theRunDeletesExactlyTheDryRunsSnapshotsAndLogsEachOne() throws Exception {
        fixture.retention.dryRun();
        List<Snapshot> planned = List.copyOf(fixture.retention.planProperty().get().deletions());
        Set<String> before = listed();
        fixture.dialogs.answerTyped(String.valueOf(planned.size()));

        fixture.retention.delete();

        assertThat(fixture.retention.results()).hasSize(planned.size()).allMatch(Deletion::deleted);
        Set<String> expected = new HashSet<>(before);
        planned.forEach(s -> expected.remove(s.arn()));
        assertThat(listed()).as("the run deleted the dry run's set, no more, no less").isEqualTo(expected);
        List<String> lines = Files.readAllLines(fixture.log);
        assertThat(lines).hasSize(planned.size()).allMatch(l -> l.startsWith("{\"at\":") && l.contains(
                "\"result\":\"deleted\""));
        assertThat(fixture.retention.statusProperty().get()).startsWith(planned.size() + " snapshots deleted, none "
                + "refused").contains(fixture.log.toString());
        assertThat(fixture.retention.deletions()).as("the dry run is spent").isEmpty();
    }

    @Test
    void aStoppedRunSendsNoMoreDeletionsAndSaysWhichWereNotSent() throws Exception {
        fixture.retention.dryRun();
        List<Snapshot> planned = List.copyOf(fixture.retention.planProperty().get().deletions());
        assertThat(planned).hasSizeGreaterThan(3);
        Set<String> before = listed();
        fixture.dialogs.answerTyped(String.valueOf(planned.size()));
        int[] sent = {0};
        fixture.afterDelete = () -> {
            if (++sent[0] == 2) {
                assertThat(fixture.retention.canStop().get()).isTrue();
                fixture.retention.stop();
                assertThat(fixture.retention.canStop().get()).as("asked once").isFalse();
            }
        };

        fixture.retention.delete();

        assertThat(sent[0]).as("deletions sent to AWS").isEqualTo(2);
        assertThat(fixture.retention.results()).hasSize(planned.size());
        List<Deletion> deleted = fixture.retention.results().stream().filter(Deletion::deleted).toList();
        List<Deletion> notSent = fixture.retention.results().stream().filter(d -> !d.sent()).toList();
        assertThat(deleted).hasSize(2);
        assertThat(notSent).hasSize(planned.size() - 2).allMatch(d -> d.result().equals("not sent"));
        assertThat(fixture.retention.resultLine(notSent.getFirst())).contains("not sent")
                .contains(notSent.getFirst().snapshot().identifier());
        Set<String> expected = new HashSet<>(before);
        deleted.forEach(d -> expected.remove(d.snapshot().arn()));
        assertThat(listed()).as("only the two sent were deleted").isEqualTo(expected);
        assertThat(Files.readAllLines(fixture.log)).as("the log lists what AWS was asked to delete").hasSize(2);
        assertThat(fixture.retention.statusProperty().get()).startsWith("2 snapshots deleted, none refused, "
                + (planned.size() - 2) + " not sent: stopped by you.");
        assertThat(fixture.retention.canStop().get()).isFalse();
    }

    @Test
    void aDeletionAwsRefusesGetsItsOwnLineWithAwsReason() throws Exception {
        fixture.retention.dryRun();
        List<Snapshot> planned = fixture.retention.planProperty().get().deletions();
        Snapshot gone = planned.getFirst();
        AccountSession owner = gone.accountId().equals(DemoAccounts.PRODUCTION) ? fixture.demo.production
                : fixture.demo.disasterRecovery;
        new SnapshotWriter().delete(owner, gone);
        fixture.dialogs.answerTyped(String.valueOf(planned.size()));

        fixture.retention.delete();

        Deletion refused = fixture.retention.results().stream().filter(d -> !d.deleted()).findFirst().orElseThrow();
        assertThat(refused.snapshot()).isEqualTo(gone);
        assertThat(fixture.retention.resultLine(refused)).contains(gone.identifier())
                .contains("DBClusterSnapshotNotFoundFault");
        assertThat(fixture.retention.results()).filteredOn(Deletion::deleted).hasSize(planned.size() - 1);
        assertThat(Files.readAllLines(fixture.log)).anyMatch(l -> l.contains("\"result\":\"refused\"")
                && l.contains("DBClusterSnapshotNotFoundFault"));
    }

    @Test
    void aCountTypedWrongIsRefusedAtItsFieldAndBlocksTheDryRun() {
        fixture.retention.keepNewestProperty().set("three");

        assertThat(fixture.retention.keepNewestProblemProperty().get()).isEqualTo("Type a whole number.");
        assertThat(fixture.retention.canDryRun().get()).isFalse();
        fixture.retention.dryRun();
        assertThat(fixture.retention.planProperty().get()).isNull();
    }

    @Test
    void theDryRunIsExportedAsCsvAndJson() throws Exception {
        fixture.retention.dryRun();
        Path csv = folder.resolve("plan.csv");
        fixture.dialogs.answerSave(csv);
        fixture.retention.export(CoverageExport.Format.CSV, false);
        Path json = folder.resolve("plan.json");
        fixture.dialogs.answerSave(json);
        fixture.retention.export(CoverageExport.Format.JSON, false);

        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.getFirst()).startsWith("action,keptBecause,account,region");
        assertThat(rows.stream().filter(r -> r.startsWith("delete,")).count())
                .isEqualTo(fixture.retention.deletions().size());
        assertThat(Files.readString(json)).contains("\"action\" : \"delete\"").contains("\"keptBecause\" : \"dr_copy");
    }

    /** What AWS lists now, every account and region, by ARN. */
    private Set<String> listed() throws InterruptedException {
        fixture.browser.catalog().refresh();
        ui.until(() -> !fixture.browser.catalog().loadingProperty().get());
        return fixture.browser.catalog().rows().stream().filter(r -> !r.isRetired()).map(SnapshotRow::snapshot)
                .map(Snapshot::arn).collect(Collectors.toSet());
    }
}
