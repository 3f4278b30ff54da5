package dev.snapferry.ui.catalog;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How listing one account and region went, for the status bar.
 *
 * @param problem why it failed, for the user: Snapferry's explanation, then AWS's code and message verbatim; for a
 *                partial region, every gap's text, one a line
 * @param gaps    the parts of a partial region that failed, each of which can be listed again alone
 */
public record RegionStatus(AccountRef account, RegionRef region, State state, int count,
                           @Nullable String problem, List<Gap> gaps) {

    public enum State {
        LOADING,
        LOADED,
        /** The RDS family answered but a part did not: its rows stay, and the region counts as failed. */
        PARTIAL,
        FAILED
    }

    /**
     * A part of the region's listing that failed.
     *
     * @param part    which part ({@code ELASTIC_LIST}, {@code ELASTIC_DETAILS}, {@code KMS_ALIASES}), for the retry
     * @param summary what is missing and how AWS answered, for the status bar: "us-east-1: DocumentDB Elastic not
     *                listed — HTTP 500 after 5 attempts"
     * @param reason  Snapferry's explanation, then AWS's code and message verbatim
     */
    public record Gap(String part, String summary, String reason) {
    }

    public RegionStatus {
        gaps = List.copyOf(gaps);
    }

    /** A region loading, loaded or failed as a whole. */
    public RegionStatus(AccountRef account, RegionRef region, State state, int count, @Nullable String problem) {
        this(account, region, state, count, problem, List.of());
    }

    public String key() {
        return account.accountId() + "/" + region.code();
    }
}
