package dev.snapferry.core.coverage;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How recent a copy elsewhere each cluster needs: rules per engine family, or one for all. A cluster follows the
 * rule of its engine family when there is one, else the rule for all; with neither, no copy is required of it.
 *
 * @param destinationRegion  where copies for DR go, pre-filled in the copy wizard; null when not chosen
 * @param destinationAccount the account copies for DR go to, pre-filled in the copy wizard; null when not chosen
 */
public record DrPolicy(List<Rule> rules, @Nullable RegionRef destinationRegion,
                       @Nullable String destinationAccount) {

    /** The most hours a rule may allow: a year. A copy older than that protects nothing worth the name. */
    public static final int MAX_HOURS = 24 * 366;

    /**
     * One rule.
     *
     * @param family       the engine family it applies to, null for all
     * @param regionHours  the oldest a copy in another region may be, in hours; null when none is required
     * @param accountHours the oldest a copy in another account may be, in hours; null when none is required
     */
    public record Rule(@Nullable EngineFamily family, @Nullable Integer regionHours, @Nullable Integer accountHours) {
        public Rule {
            check(regionHours);
            check(accountHours);
            if (regionHours == null && accountHours == null) {
                throw new IllegalArgumentException("a rule needs a region or an account requirement");
            }
        }

        private static void check(@Nullable Integer hours) {
            if (hours != null && (hours < 1 || hours > MAX_HOURS)) {
                throw new IllegalArgumentException("hours must be 1.." + MAX_HOURS + ": " + hours);
            }
        }
    }

    public DrPolicy(List<Rule> rules) {
        this(rules, null, null);
    }

    public DrPolicy {
        if (destinationAccount != null && !AccountRef.isValidAccountId(destinationAccount)) {
            throw new IllegalArgumentException("an AWS account id has 12 digits: " + destinationAccount);
        }
        rules = List.copyOf(rules);
        Set<@Nullable EngineFamily> seen = new HashSet<>();
        for (Rule rule : rules) {
            if (!seen.add(rule.family())) {
                throw new IllegalArgumentException("two rules for " + (rule.family() == null ? "all engines"
                        : rule.family()));
            }
        }
    }

    /** A copy in another region within a day, for every engine: the default. */
    public static DrPolicy defaults() {
        return new DrPolicy(List.of(new Rule(null, 24, null)));
    }

    public static DrPolicy none() {
        return new DrPolicy(List.of());
    }

    /** The rule a cluster of {@code family} follows, if any. */
    public Optional<Rule> ruleFor(EngineFamily family) {
        Rule all = null;
        for (Rule rule : rules) {
            if (rule.family() == family) {
                return Optional.of(rule);
            }
            if (rule.family() == null) {
                all = rule;
            }
        }
        return Optional.ofNullable(all);
    }

    /**
     * Why hours typed into the policy editor are not acceptable, or empty when they are (blank: no requirement).
     * The problem is a message key with the allowed maximum as its argument.
     */
    public static Optional<String> hoursProblem(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            int hours = Integer.parseInt(t);
            return hours >= 1 && hours <= MAX_HOURS ? Optional.empty() : Optional.of("coverage.policy.hoursRange");
        } catch (NumberFormatException e) {
            return Optional.of("coverage.policy.hoursNumber");
        }
    }

    /** This policy with {@code rule} in place of the rule for its family (or added). */
    public DrPolicy with(Rule rule) {
        List<Rule> next = new ArrayList<>(rules.stream().filter(r -> !Objects.equals(r.family(), rule.family()))
                .toList());
        next.add(rule);
        return new DrPolicy(next, destinationRegion, destinationAccount);
    }

    /** This policy without the rule for {@code family} (null: the rule for all). */
    public DrPolicy without(@Nullable EngineFamily family) {
        return new DrPolicy(rules.stream().filter(r -> !Objects.equals(r.family(), family)).toList(),
                destinationRegion, destinationAccount);
    }

    /** This policy with other copy destinations. */
    public DrPolicy withDestination(@Nullable RegionRef region, @Nullable String account) {
        return new DrPolicy(rules, region, account);
    }
}
