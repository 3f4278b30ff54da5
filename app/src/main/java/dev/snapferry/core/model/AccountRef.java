package dev.snapferry.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An AWS account as the user opened it: its 12-digit id, the profile that gives access to it, and whether it is
 * the embedded simulator's demo account.
 */
public record AccountRef(String accountId, String profileName, boolean demo) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");

    public AccountRef {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(profileName, "profileName");
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("an AWS account id has 12 digits: " + accountId);
        }
    }

    public static boolean isValidAccountId(String id) {
        return id != null && ACCOUNT_ID.matcher(id).matches();
    }
}
