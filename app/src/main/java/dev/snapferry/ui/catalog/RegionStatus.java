package dev.snapferry.ui.catalog;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import org.jspecify.annotations.Nullable;

/**
 * How listing one account and region went, for the status bar.
 *
 * @param problem why it failed, for the user: Snapferry's explanation, then AWS's code and message verbatim
 */
public record RegionStatus(AccountRef account, RegionRef region, State state, int count,
                           @Nullable String problem, int warnings) {

    public enum State {
        LOADING,
        LOADED,
        FAILED
    }

    public String key() {
        return account.accountId() + "/" + region.code();
    }
}
