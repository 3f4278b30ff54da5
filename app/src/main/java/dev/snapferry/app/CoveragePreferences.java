package dev.snapferry.app;

import dev.snapferry.core.coverage.DrPolicy;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.RegionRef;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Coverage tab's settings, kept as JSON next to the preferences ({@code coverage.json} in the config folder)
 * and saved with them: the DR policy and the retention policy's fields. Kept as text and numbers so that a value a
 * later version no longer knows drops that rule, not the file.
 */
public record CoveragePreferences(List<Rule> rules, @Nullable String destinationRegion,
                                  @Nullable String destinationAccount, @Nullable String keepNewest,
                                  @Nullable String keepDays, @Nullable String keepTags) {

    /** One DR rule: the engine family's name, or empty for all engines. */
    public record Rule(@Nullable String family, @Nullable Integer regionHours, @Nullable Integer accountHours) {
    }

    public CoveragePreferences {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static CoveragePreferences defaults() {
        return of(DrPolicy.defaults(), "3", "30", "keep");
    }

    static CoveragePreferences of(DrPolicy policy, String keepNewest, String keepDays, String keepTags) {
        return new CoveragePreferences(policy.rules().stream().map(r -> new Rule(r.family() == null ? ""
                : r.family().name(), r.regionHours(), r.accountHours())).toList(),
                policy.destinationRegion() == null ? null : policy.destinationRegion().code(),
                policy.destinationAccount(), keepNewest, keepDays, keepTags);
    }

    /** The DR policy; a rule or destination a hand-edited file got wrong is left out, the rest kept. */
    DrPolicy policy() {
        List<DrPolicy.Rule> kept = new ArrayList<>();
        for (Rule r : rules) {
            try {
                EngineFamily family = r.family() == null || r.family().isEmpty() ? null
                        : EngineFamily.valueOf(r.family());
                DrPolicy.Rule rule = new DrPolicy.Rule(family, r.regionHours(), r.accountHours());
                if (kept.stream().noneMatch(k -> k.family() == rule.family())) {
                    kept.add(rule);
                }
            } catch (IllegalArgumentException e) {
                // A family this version does not know, or hours out of range: that rule only is dropped.
            }
        }
        RegionRef region = destinationRegion != null && RegionRef.isValidCode(destinationRegion)
                ? new RegionRef(destinationRegion) : null;
        String account = destinationAccount != null
                && dev.snapferry.core.model.AccountRef.isValidAccountId(destinationAccount) ? destinationAccount : null;
        return new DrPolicy(kept, region, account);
    }
}
