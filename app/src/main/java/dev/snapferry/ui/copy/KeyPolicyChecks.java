package dev.snapferry.ui.copy;

import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The plan's key policy checks: each key a plan shares, read once in the background (KMS GetKeyPolicy) and judged
 * for the destination account; changed (PutKeyPolicy, then read again) only when the user confirmed it. A check
 * the plans no longer need is dropped, and its answer with it.
 */
final class KeyPolicyChecks {

    private final CopyGateway gateway;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorPresenter errors;
    private final Runnable changed;
    private final ObservableList<KeyCheck> checks = FXCollections.observableArrayList();
    private boolean closed;

    /** @param changed runs when a check's answer arrives, so that the plan is judged again */
    KeyPolicyChecks(CopyGateway gateway, TaskRunner tasks, Messages messages, Runnable changed) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = new ErrorPresenter(messages);
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    ObservableList<KeyCheck> list() {
        return checks;
    }

    boolean anyUnreadable() {
        return checks.stream().anyMatch(k -> k.access() == KeyCheck.Access.UNREADABLE);
    }

    /** True when every key admits its account, or could not be read and the user accepts the risk. */
    boolean settled(boolean riskAccepted) {
        return checks.stream().allMatch(k -> k.access() == KeyCheck.Access.ADMITS
                || k.access() == KeyCheck.Access.UNREADABLE && riskAccepted);
    }

    /**
     * Keeps the checks of {@code needed} (fresh ones {@code CHECKING}), drops the rest, and returns the reads to
     * start: run them once the caller has judged the plan, since an answer that comes at once judges it again.
     */
    List<Runnable> need(List<KeyCheck> needed) {
        List<KeyCheck> kept = new ArrayList<>();
        List<Runnable> reads = new ArrayList<>();
        for (KeyCheck wanted : needed) {
            KeyCheck known = checks.stream().filter(wanted::sameKey).findFirst().orElse(null);
            if (known != null) {
                kept.add(known);
            } else if (kept.stream().noneMatch(wanted::sameKey)) {
                kept.add(wanted);
                reads.add(() -> read(wanted));
            }
        }
        if (!kept.equals(checks)) {
            checks.setAll(kept);
        }
        return reads;
    }

    /**
     * Lets the destination account use the key, as {@code check} proposes: PutKeyPolicy with the policy read plus
     * the statement, then the policy is read again. Only on the user's confirmation.
     */
    void apply(KeyCheck check) {
        if (check.access() != KeyCheck.Access.MISSING) {
            return;
        }
        String proposed = check.proposed();
        KeyCheck changing = check.with(KeyCheck.Access.CHANGING, check.policy(), "");
        replace(check, changing);
        tasks.run("change the key policy of " + check.keyId(), () -> {
            gateway.putKeyPolicy(check.owner(), check.region(), check.keyId(), proposed);
            return gateway.keyPolicy(check.owner(), check.region(), check.keyId());
        }, after -> answered(changing, changing.judged(after)), error -> answered(changing, check.with(
                KeyCheck.Access.MISSING, check.policy(), messages.get("copy.plan.key.putFailed",
                        errors.describe(error)))));
    }

    void close() {
        closed = true;
    }

    private void read(KeyCheck check) {
        if (closed) {
            return;
        }
        tasks.run("read the key policy of " + check.keyId(), () -> gateway.keyPolicy(check.owner(), check.region(),
                check.keyId()), policy -> answered(check, check.judged(policy)), error -> answered(check,
                check.with(KeyCheck.Access.UNREADABLE, "", messages.get("copy.plan.key.unreadable",
                        errors.describe(error)))));
    }

    /** An answer counts only while the check it answers is still the one shown. */
    private void answered(KeyCheck asked, KeyCheck answer) {
        if (!closed && replace(asked, answer)) {
            changed.run();
        }
    }

    private boolean replace(KeyCheck before, KeyCheck after) {
        int at = checks.indexOf(before);
        if (at < 0) {
            return false;
        }
        checks.set(at, after);
        return true;
    }
}
