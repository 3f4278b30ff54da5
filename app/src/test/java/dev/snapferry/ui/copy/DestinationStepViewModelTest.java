package dev.snapferry.ui.copy;

import dev.snapferry.ui.testing.HeldTasks;

import static dev.snapferry.ui.copy.StepFixtures.EAST;
import static dev.snapferry.ui.copy.StepFixtures.MATRIX;
import static dev.snapferry.ui.copy.StepFixtures.MESSAGES;
import static dev.snapferry.ui.copy.StepFixtures.OWN;
import static dev.snapferry.ui.copy.StepFixtures.WEST;
import static dev.snapferry.ui.copy.StepFixtures.snapshot;
import static dev.snapferry.ui.copy.StepFixtures.targets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.ui.common.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The destination step on its own, driven as the wizard drives it, against an in-memory destination: the regions
 * offered, the names taken in the chosen destination only, the check again once typing pauses, and closing.
 */
class DestinationStepViewModelTest {

    private final HeldTasks tasks = new HeldTasks();
    private final InMemoryCopyGateway gateway = new InMemoryCopyGateway(OWN, List.of(EAST, WEST));
    private final List<Runnable> scheduled = new ArrayList<>();
    private final Scheduler scheduler = (millis, action) -> {
        scheduled.add(action);
        return () -> scheduled.remove(action);
    };
    private final List<String> failures = new ArrayList<>();
    private int namesKnown;

    @Test
    void aRegionTheEngineCannotCopyToIsOfferedDisabledWithTheReasonAndNeverChosen() {
        DestinationStepViewModel step = step(snapshot("orders-2026", Engine.DOCUMENTDB_ELASTIC, true, List.of()));
        assertThat(step.destinationChanged()).isTrue();
        assertThat(step.regions()).filteredOn(c -> c.region().equals(WEST)).singleElement()
                .satisfies(c -> assertThat(c.disabledReason())
                        .startsWith("This engine\u2019s snapshots can be copied only within their region"));
        step.regionProperty().set(WEST);
        assertThat(step.destinationChanged()).as("the region was replaced").isFalse();
        assertThat(step.regionProperty().get()).isEqualTo(EAST);
    }

    @Test
    void onlyTheNamesOfTheDestinationChosenLastCount() {
        gateway.take(EAST, "taken-in-east");
        gateway.take(WEST, "taken-in-west");
        DestinationStepViewModel step = step(snapshot("orders-2026", Engine.AURORA_POSTGRESQL, true, List.of()));
        choose(step);
        assertThat(step.checkingNamesProperty().get()).isTrue();
        assertThat(step.taken()).as("not known yet").isNull();
        step.regionProperty().set(WEST);
        choose(step);
        assertThat(tasks.all().getFirst().isCancelled()).as("the east's fetch is of no use any more").isTrue();
        tasks.releaseIgnoringCancel();
        assertThat(step.taken()).containsExactly("taken-in-west");
        assertThat(step.checkingNamesProperty().get()).isFalse();
        assertThat(namesKnown).isEqualTo(1);
        step.show("", true, "");
        assertThat(step.validProperty().get()).isTrue();
    }

    @Test
    void theNamesAreFetchedAgainOnceTypingPausesAndAResultNamedTakenByAwsStaysTaken() {
        DestinationStepViewModel step = step(snapshot("orders-2026", Engine.AURORA_POSTGRESQL, true, List.of()));
        choose(step);
        tasks.release();
        step.targetIdentifierProperty().set("orders-b");
        step.targetIdentifierProperty().set("orders-before");
        assertThat(scheduled).as("one check, after the last keystroke").hasSize(1);
        gateway.take(EAST, "orders-before");
        scheduled.removeFirst().run();
        assertThat(step.checkingNamesProperty().get()).isTrue();
        tasks.release();
        assertThat(step.taken()).containsExactly("orders-before");
        step.nameRefused("Orders-After");
        assertThat(step.taken()).containsExactlyInAnyOrder("orders-before", "orders-after");
    }

    @Test
    void aLongSourceNameIsShortenedSoThatTheWholeNameFits() {
        String longName = "rds:" + "a".repeat(40) + "-cluster-" + "b".repeat(20);
        DestinationStepViewModel step = step(snapshot(longName, Engine.AURORA_POSTGRESQL, true, List.of()));
        String name = step.targetIdentifierProperty().get();
        assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith("aaaa").endsWith("-copy-20261122")
                .doesNotContain("--");
    }

    @Test
    void closingCancelsTheFetchAndTheCheckWaitingForAPauseAndNoneStartsAgain() {
        DestinationStepViewModel step = step(snapshot("orders-2026", Engine.AURORA_POSTGRESQL, true, List.of()));
        choose(step);
        step.targetIdentifierProperty().set("orders-before");
        step.close();
        assertThat(tasks.all()).singleElement().satisfies(h -> assertThat(h.isCancelled()).isTrue());
        assertThat(scheduled).isEmpty();
        step.targetIdentifierProperty().set("orders-after");
        step.lookUpNames();
        assertThat(scheduled).isEmpty();
        assertThat(tasks.all()).hasSize(1);
        tasks.releaseIgnoringCancel();
        assertThat(step.taken()).as("a late answer never reaches a closed step").isNull();
        assertThat(namesKnown).isZero();
    }

    /** Takes in the destination chosen and fetches its names, as the wizard does. */
    private static void choose(DestinationStepViewModel step) {
        if (step.destinationChanged()) {
            step.lookUpNames();
        }
    }

    private DestinationStepViewModel step(Snapshot... sources) {
        return new DestinationStepViewModel(targets(sources), MATRIX, gateway, tasks, scheduler, MESSAGES,
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), () -> namesKnown++,
                failures::add);
    }
}
