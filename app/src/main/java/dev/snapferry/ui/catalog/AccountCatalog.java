package dev.snapferry.ui.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The accounts the browser can open and close while it runs: every profile of the user's AWS files, and the demo.
 * {@link #open} and {@link #choices} block (they read files and ask AWS who the user is), so the ViewModel calls them
 * off the UI thread.
 */
public interface AccountCatalog {

    /** The id of the demo choice: two simulated accounts on the embedded simulator. */
    String DEMO = "(demo)";

    /** What can be opened, read afresh from the AWS files. */
    List<AccountChoice> choices();

    /** AWS files that could not be read, each with why; their profiles are missing from {@link #choices()}. */
    default List<String> fileProblems() {
        return List.of();
    }

    /** The choices open now. */
    Set<String> open();

    /**
     * Opens {@code choice}, asking for an MFA code when its profile needs one.
     *
     * @throws AccountOpenException with a message for the user when it cannot be opened
     */
    void open(String choice);

    /** Closes {@code choice}; its rows leave the table on the next listing. */
    void close(String choice);

    /** False for a fixed set of accounts: no picker is shown. */
    default boolean changeable() {
        return true;
    }

    /** Where the demo's simulator listens, while the demo is open. */
    Optional<String> demoEndpoint();

    /** Why an account could not be opened, in words for the user. */
    final class AccountOpenException extends RuntimeException {
        public AccountOpenException(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** The accounts given at start and no others: no picker. */
    static AccountCatalog fixed(Set<String> open, @Nullable String demoEndpoint) {
        Set<String> opened = Set.copyOf(open);
        return new AccountCatalog() {
            @Override
            public List<AccountChoice> choices() {
                return List.of();
            }

            @Override
            public boolean changeable() {
                return false;
            }

            @Override
            public Set<String> open() {
                return opened;
            }

            @Override
            public void open(String choice) {
                throw new AccountOpenException(choice + " cannot be opened here", null);
            }

            @Override
            public void close(String choice) {
                throw new IllegalStateException("the accounts of this browser are fixed");
            }

            @Override
            public Optional<String> demoEndpoint() {
                return Optional.ofNullable(demoEndpoint);
            }
        };
    }
}
