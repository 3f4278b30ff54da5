package dev.snapferry.ui.coverage;

import dev.snapferry.core.coverage.AgeReport;
import dev.snapferry.core.coverage.ClusterCoverage;
import dev.snapferry.core.coverage.Cost;
import dev.snapferry.core.coverage.Quota;
import dev.snapferry.ui.common.Messages;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The Coverage tab's words for statuses, reasons, findings, ages, costs and quotas, from the message bundle. */
public final class CoverageTexts {

    private final Messages messages;

    public CoverageTexts(Messages messages) {
        this.messages = messages;
    }

    public String status(ClusterCoverage.Status status) {
        return switch (status) {
            case COVERED -> messages.get("coverage.status.covered");
            case AT_RISK -> messages.get("coverage.status.atRisk");
            case UNCOVERED -> messages.get("coverage.status.uncovered");
            case NO_POLICY -> messages.get("coverage.status.noPolicy");
        };
    }

    public String existence(ClusterCoverage.Existence existence) {
        return switch (existence) {
            case EXISTS -> "";
            case ORPHANED -> messages.get("coverage.existence.orphaned");
            case UNKNOWN -> messages.get("coverage.existence.unknown");
        };
    }

    public String reasons(ClusterCoverage c) {
        return c.reasons().stream().map(this::reason).collect(Collectors.joining("; "));
    }

    public String reason(ClusterCoverage.Reason reason) {
        return switch (reason) {
            case ClusterCoverage.Reason.Missing m -> messages.get(m.account() ? "coverage.reason.noAccountCopy"
                    : "coverage.reason.noRegionCopy", m.limitHours());
            case ClusterCoverage.Reason.TooOld t -> messages.get(t.account() ? "coverage.reason.accountCopyOld"
                    : "coverage.reason.regionCopyOld", age(t.age()), t.limitHours());
        };
    }

    public String findings(ClusterCoverage c) {
        return c.findings().stream().map(this::finding).collect(Collectors.joining("; "));
    }

    public String finding(ClusterCoverage.Finding finding) {
        return switch (finding) {
            case ClusterCoverage.Finding.CopyTagsOff off -> off.command().isEmpty()
                    ? messages.get("coverage.finding.copyTagsOffNoCommand")
                    : messages.get("coverage.finding.copyTagsOff", off.command());
            case ClusterCoverage.Finding.ShortRetention r -> messages.get("coverage.finding.shortRetention",
                    r.days());
            case ClusterCoverage.Finding.DeprecatedVersion v -> messages.get("coverage.finding.deprecated",
                    v.version());
        };
    }

    /** An age as a DBA reads it: minutes, hours or days. Empty for none. */
    public String age(@Nullable Duration age) {
        if (age == null) {
            return "";
        }
        if (age.toHours() < 1) {
            return messages.get("coverage.age.minutes", age.toMinutes());
        }
        if (age.toDays() < 2) {
            return messages.get("coverage.age.hours", age.toHours());
        }
        return messages.get("coverage.age.days", age.toDays());
    }

    /** "$12.34 / month at most", with the snapshots that could not be priced; "unknown" when none could. */
    public String cost(Cost cost) {
        if (cost.priced() == 0) {
            return cost.unknown() == 0 ? "" : messages.get("coverage.cost.unknown", cost.unknown());
        }
        String dollars = String.format(Locale.ROOT, "%,.2f", cost.dollars());
        return cost.unknown() == 0 ? messages.get("coverage.cost.upTo", dollars, cost.gib())
                : messages.get("coverage.cost.upToSome", dollars, cost.gib(), cost.unknown());
    }

    public String quota(Quota quota) {
        if (!quota.known()) {
            return messages.get("coverage.quota.unknown");
        }
        return messages.get(quota.near() ? "coverage.quota.near" : "coverage.quota.usage",
                String.valueOf(quota.used()), String.valueOf(quota.max()));
    }

    public String band(AgeReport.Band band) {
        return switch (band) {
            case UNDER_1_DAY -> messages.get("coverage.band.day");
            case DAYS_1_TO_30 -> messages.get("coverage.band.month");
            case DAYS_30_TO_90 -> messages.get("coverage.band.quarter");
            case DAYS_90_TO_365 -> messages.get("coverage.band.year");
            case OVER_1_YEAR -> messages.get("coverage.band.older");
        };
    }
}
