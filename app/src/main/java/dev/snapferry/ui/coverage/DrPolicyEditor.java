package dev.snapferry.ui.coverage;

import dev.snapferry.core.coverage.DrPolicy;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.ui.common.Messages;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;

/**
 * Edits the DR policy a rule at a time, like the tag policy: an engine family (or all), the hours a copy in another
 * region and in another account may be old (blank: not required), each field with its problem as it is typed; and
 * the destination the copy wizard is pre-filled with.
 */
public final class DrPolicyEditor {

    private final ObjectProperty<DrPolicy> policy;
    private final Messages messages;
    /** The family edited; null for the rule for all engines. */
    private final ObjectProperty<@Nullable EngineFamily> family = new SimpleObjectProperty<>();
    private final StringProperty regionHours = new SimpleStringProperty("24");
    private final StringProperty accountHours = new SimpleStringProperty("");
    private final StringProperty destinationRegion = new SimpleStringProperty("");
    private final StringProperty destinationAccount = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper regionHoursProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper accountHoursProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper destinationProblem = new ReadOnlyStringWrapper("");

    public DrPolicyEditor(ObjectProperty<DrPolicy> policy, Messages messages) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.messages = Objects.requireNonNull(messages, "messages");
        regionHours.addListener((obs, old, now) -> regionHoursProblem.set(hoursProblem(now)));
        accountHours.addListener((obs, old, now) -> accountHoursProblem.set(hoursProblem(now)));
        family.addListener((obs, old, now) -> load(now));
        load(null);
        DrPolicy p = policy.get();
        destinationRegion.set(p.destinationRegion() == null ? "" : p.destinationRegion().code());
        destinationAccount.set(p.destinationAccount() == null ? "" : p.destinationAccount());
    }

    public ObjectProperty<@Nullable EngineFamily> familyProperty() {
        return family;
    }

    public StringProperty regionHoursProperty() {
        return regionHours;
    }

    public StringProperty accountHoursProperty() {
        return accountHours;
    }

    public StringProperty destinationRegionProperty() {
        return destinationRegion;
    }

    public StringProperty destinationAccountProperty() {
        return destinationAccount;
    }

    public ReadOnlyStringProperty regionHoursProblemProperty() {
        return regionHoursProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountHoursProblemProperty() {
        return accountHoursProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty destinationProblemProperty() {
        return destinationProblem.getReadOnlyProperty();
    }

    /** Puts the rule typed in into the policy; false (with the problem at its field) when a field is wrong. */
    public boolean saveRule() {
        regionHoursProblem.set(hoursProblem(regionHours.get()));
        accountHoursProblem.set(hoursProblem(accountHours.get()));
        if (!regionHoursProblem.get().isEmpty() || !accountHoursProblem.get().isEmpty()) {
            return false;
        }
        Integer region = hours(regionHours.get());
        Integer account = hours(accountHours.get());
        if (region == null && account == null) {
            regionHoursProblem.set(messages.get("coverage.policy.needOne"));
            return false;
        }
        policy.set(policy.get().with(new DrPolicy.Rule(family.get(), region, account)));
        return true;
    }

    /** Removes the rule of the family chosen. */
    public void removeRule() {
        policy.set(policy.get().without(family.get()));
    }

    /** Keeps the destination typed in; false (with the problem) when it is not a region code or an account id. */
    public boolean saveDestination() {
        String region = destinationRegion.get().strip();
        String account = destinationAccount.get().strip();
        if (!region.isEmpty() && !RegionRef.isValidCode(region)) {
            destinationProblem.set(messages.get("coverage.policy.badRegion", region));
            return false;
        }
        if (!account.isEmpty() && !AccountRef.isValidAccountId(account)) {
            destinationProblem.set(messages.get("coverage.policy.badAccount", account));
            return false;
        }
        destinationProblem.set("");
        policy.set(policy.get().withDestination(region.isEmpty() ? null : new RegionRef(region),
                account.isEmpty() ? null : account));
        return true;
    }

    /** One rule as a line: "All engines: another region within 24 h; another account within 48 h". */
    public String describe(DrPolicy.Rule rule) {
        String who = rule.family() == null ? messages.get("coverage.policy.allEngines") : rule.family().name();
        StringBuilder text = new StringBuilder(who).append(": ");
        if (rule.regionHours() != null) {
            text.append(messages.get("coverage.policy.regionWithin", rule.regionHours()));
        }
        if (rule.accountHours() != null) {
            text.append(rule.regionHours() != null ? "; " : "")
                    .append(messages.get("coverage.policy.accountWithin", rule.accountHours()));
        }
        return text.toString();
    }

    private void load(@Nullable EngineFamily f) {
        policy.get().rules().stream().filter(r -> Objects.equals(r.family(), f)).findFirst().ifPresentOrElse(r -> {
            regionHours.set(r.regionHours() == null ? "" : String.valueOf(r.regionHours()));
            accountHours.set(r.accountHours() == null ? "" : String.valueOf(r.accountHours()));
        }, () -> {
            regionHours.set("");
            accountHours.set("");
        });
    }

    private String hoursProblem(@Nullable String text) {
        return DrPolicy.hoursProblem(text == null ? "" : text).map(k -> messages.get(k, DrPolicy.MAX_HOURS))
                .orElse("");
    }

    private static @Nullable Integer hours(String text) {
        String t = text.strip();
        return t.isEmpty() ? null : Integer.valueOf(t);
    }
}
