package dev.snapferry.ui.copy;

import dev.snapferry.ui.testing.HeldTasks;

import static dev.snapferry.ui.copy.StepFixtures.EAST;
import static dev.snapferry.ui.copy.StepFixtures.MATRIX;
import static dev.snapferry.ui.copy.StepFixtures.MESSAGES;
import static dev.snapferry.ui.copy.StepFixtures.OWN;
import static dev.snapferry.ui.copy.StepFixtures.WEST;
import static dev.snapferry.ui.copy.StepFixtures.key;
import static dev.snapferry.ui.copy.StepFixtures.snapshot;
import static dev.snapferry.ui.copy.StepFixtures.targets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.KmsKeyState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The key step on its own, driven as the wizard drives it, against an in-memory destination: the keys listed, keys
 * that cannot be chosen, a listing that fails, AWS's refusal of a key, and closing.
 */
class KeyStepViewModelTest {

    private final HeldTasks tasks = new HeldTasks();
    private final InMemoryCopyGateway gateway = new InMemoryCopyGateway(OWN, List.of(EAST, WEST));
    private final KmsKey usable = key("usable", WEST, KmsKeyState.ENABLED);
    private final KmsKey disabled = key("disabled", WEST, KmsKeyState.DISABLED);
    private int keysKnown;

    @Test
    void theDestinationsKeysAreListedAndAKeyThatCannotEncryptIsNeverChosen() {
        gateway.add(usable);
        gateway.add(disabled);
        gateway.add(key("elsewhere", EAST, KmsKeyState.ENABLED));
        KeyStepViewModel step = step();
        step.load(OWN, WEST);
        assertThat(step.loadingKeysProperty().get()).isTrue();
        tasks.release();
        assertThat(step.keys()).containsExactly(usable, disabled);
        assertThat(step.loadingKeysProperty().get()).isFalse();
        assertThat(keysKnown).isEqualTo(1);
        step.keyProperty().set(usable);
        step.keyProperty().set(disabled);
        assertThat(step.keyProperty().get()).isEqualTo(usable);
        step.keepOnlyKeysOf(EAST);
        assertThat(step.keyProperty().get()).as("a key of another region cannot encrypt there").isNull();
    }

    @Test
    void aListingThatFailsWithoutAMessageIsExplainedWithoutTheWordNull() {
        gateway.failKeys(new IllegalStateException());
        KeyStepViewModel step = step();
        step.load(OWN, WEST);
        tasks.release();
        step.show(OWN, WEST, List.of(), List.of());
        assertThat(step.kmsWarningProperty().get()).startsWith("The KMS keys of us-west-2 could not be listed")
                .contains("IllegalStateException").doesNotContain("null");
        assertThat(step.validProperty().get()).isTrue();
    }

    @Test
    void aKeyAwsRefusedShowsTheRefusalWhileItStaysChosen() {
        gateway.add(usable);
        gateway.add(key("other", WEST, KmsKeyState.ENABLED));
        KeyStepViewModel step = step();
        step.load(OWN, WEST);
        tasks.release();
        step.keyProperty().set(usable);
        step.refused(usable.arn(), "AWS cannot use this key.");
        step.show(OWN, WEST, List.of(), List.of());
        assertThat(step.kmsProblemProperty().get()).isEqualTo("AWS cannot use this key.");
        assertThat(step.validProperty().get()).isFalse();
        step.keyProperty().set(step.keys().get(1));
        step.show(OWN, WEST, List.of(), List.of());
        assertThat(step.kmsProblemProperty().get()).isEmpty();
    }

    @Test
    void closingCancelsTheListingAndALateAnswerNeverArrives() {
        gateway.add(usable);
        KeyStepViewModel step = step();
        step.load(OWN, WEST);
        step.close();
        assertThat(tasks.all()).singleElement().satisfies(h -> assertThat(h.isCancelled()).isTrue());
        tasks.releaseIgnoringCancel();
        assertThat(step.keys()).isEmpty();
        assertThat(keysKnown).isZero();
    }

    private KeyStepViewModel step() {
        return new KeyStepViewModel(targets(snapshot("orders-2026", Engine.AURORA_POSTGRESQL, true, List.of())),
                MATRIX, gateway, tasks, MESSAGES, () -> keysKnown++);
    }
}
