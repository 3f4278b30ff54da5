package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import java.util.List;
import java.util.Optional;

/**
 * Which manual snapshots a clean-up keeps. Besides these rules, the planner never deletes automated snapshots
 * (AWS removes them itself), snapshots other accounts share with this one (not this account's to delete), a
 * snapshot that is not {@code available} (deleting a copy in progress cancels it), nor a cluster's newest copy in
 * another region or account (its DR coverage).
 *
 * @param keepNewest   the newest manual snapshots kept per cluster in each account and region that holds them
 * @param keepDays     snapshots younger than this many days are kept
 * @param keepTagKeys  a snapshot carrying any of these tag keys (compared exactly, as AWS does) is kept
 */
public record RetentionPolicy(int keepNewest, int keepDays, List<String> keepTagKeys) {

    public static final int MAX_KEEP = 10_000;

    public RetentionPolicy {
        if (keepNewest < 0 || keepNewest > MAX_KEEP) {
            throw new IllegalArgumentException("keepNewest must be 0.." + MAX_KEEP + ": " + keepNewest);
        }
        if (keepDays < 0 || keepDays > MAX_KEEP) {
            throw new IllegalArgumentException("keepDays must be 0.." + MAX_KEEP + ": " + keepDays);
        }
        keepTagKeys = keepTagKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
    }

    /** Keep the newest 3 per cluster and place, a month of them, and any tagged {@code keep}. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(3, 30, List.of("keep"));
    }

    boolean tagged(Snapshot s) {
        for (Tag tag : s.tags()) {
            if (keepTagKeys.contains(tag.key())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a count typed into the retention editor is not acceptable (a message key), or empty when it is.
     */
    public static Optional<String> countProblem(String text) {
        String t = text == null ? "" : text.strip();
        try {
            int n = Integer.parseInt(t);
            return n >= 0 && n <= MAX_KEEP ? Optional.empty() : Optional.of("coverage.retention.countRange");
        } catch (NumberFormatException e) {
            return Optional.of("coverage.retention.countNumber");
        }
    }
}
