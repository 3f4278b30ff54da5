package dev.snapferry.core.aws;

/**
 * Snapferry could not obtain credentials for a profile without the user's help: an SSO token missing or expired
 * (run {@code aws sso login}), an MFA code not given, a source profile missing. The message says what to do.
 */
public final class CredentialsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean expired;

    public CredentialsUnavailableException(String message, boolean expired) {
        super(message);
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
