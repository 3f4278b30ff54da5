package dev.snapferry.ui.catalog;

import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The failed parts of a partial region in the status bar's words: what is missing, how AWS answered (its HTTP
 * status and the attempts), then why, with AWS's code and message; and which gaps remain once a part was listed
 * again.
 */
final class RegionGaps {

    private final Messages messages;
    private final ErrorPresenter errors;

    RegionGaps(Messages messages, ErrorPresenter errors) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Every gap of {@code loaded}, in words. */
    List<RegionStatus.Gap> of(RegionResult.Loaded loaded) {
        return loaded.gaps().stream().map(g -> gap(loaded, g)).toList();
    }

    /**
     * The gaps of a region after {@code part} was listed again: those of the parts it did not redo, then what the
     * new listing found.
     */
    List<RegionStatus.Gap> after(RegionResult.Part part, List<RegionStatus.Gap> before, RegionResult.Loaded again) {
        List<RegionStatus.Gap> fresh = of(again);
        Set<String> replaced = new HashSet<>();
        part.redoes().forEach(p -> replaced.add(p.name()));
        fresh.forEach(g -> replaced.add(g.part()));
        List<RegionStatus.Gap> gaps = new ArrayList<>(before.stream().filter(g -> !replaced.contains(g.part()))
                .toList());
        gaps.addAll(fresh);
        return gaps;
    }

    /** The region's status: loaded when nothing failed, else partial, with every gap's text as its problem. */
    static RegionStatus status(RegionResult.Loaded loaded, int count, List<RegionStatus.Gap> gaps) {
        String problem = gaps.isEmpty() ? null : String.join("\n", gaps.stream()
                .map(g -> g.summary() + ": " + g.reason()).toList());
        return new RegionStatus(loaded.account(), loaded.region(), gaps.isEmpty() ? RegionStatus.State.LOADED
                : RegionStatus.State.PARTIAL, count, problem, gaps);
    }

    private RegionStatus.Gap gap(RegionResult.Loaded loaded, RegionResult.Gap gap) {
        String what = messages.get("browser.region.gap." + gap.part().name(), loaded.account().accountId(),
                loaded.region().code(), gap.snapshots());
        String answer = gap.httpStatus() > 0 ? messages.get("browser.region.gap.http", gap.httpStatus(),
                gap.attempts()) : messages.get("browser.region.gap.noAnswer", gap.attempts());
        return new RegionStatus.Gap(gap.part().name(), what + answer, errors.describe(gap.failure()));
    }
}
