package dev.snapferry.ui.copy;

import dev.snapferry.ui.testing.HeldTasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the latest lookup of a kind counts, and a closed one never answers. */
class LatestLookupTest {

    private final HeldTasks tasks = new HeldTasks();
    private final LatestLookup lookup = new LatestLookup(tasks);
    private final List<String> answers = new ArrayList<>();

    @Test
    void aNewLookupCancelsTheOneBeforeAndOnlyItsAnswerCounts() {
        start("first");
        start("second");
        assertThat(tasks.all().getFirst().isCancelled()).isTrue();
        assertThat(tasks.all().get(1).isCancelled()).isFalse();
        // Even delivered, the first answer is dropped: the runner may have been too late to stop it.
        tasks.releaseIgnoringCancel();
        assertThat(answers).containsExactly("second");
    }

    @Test
    void afterForgetNoAnswerOfBeforeCountsButANewLookupDoes() {
        start("before");
        lookup.forget();
        assertThat(tasks.all().getFirst().isCancelled()).isTrue();
        tasks.releaseIgnoringCancel();
        start("after");
        tasks.release();
        assertThat(answers).containsExactly("after");
    }

    @Test
    void closingCancelsTheLookupRunningDropsItsAnswerAndStartsNoOther() {
        start("running");
        lookup.close();
        start("too late");
        assertThat(tasks.all()).hasSize(1).allMatch(HeldTasks.Held::isCancelled);
        tasks.releaseIgnoringCancel();
        assertThat(answers).isEmpty();
    }

    @Test
    void aFailureIsDeliveredLikeAnAnswer() {
        List<Throwable> failures = new ArrayList<>();
        lookup.<String>start("failing", () -> {
            throw new IllegalStateException("no");
        }, answers::add, failures::add);
        tasks.release();
        assertThat(failures).singleElement().satisfies(e -> assertThat(e).hasMessage("no"));
    }

    private void start(String answer) {
        lookup.start(answer, () -> answer, answers::add, e -> answers.add("failed: " + e));
    }
}
