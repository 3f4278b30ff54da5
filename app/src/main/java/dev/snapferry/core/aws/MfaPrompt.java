package dev.snapferry.core.aws;

import java.util.Optional;

/**
 * Asks the user for a one-time MFA code when a role profile has {@code mfa_serial}. The UI shows a dialog; the
 * command line has none and answers empty, which Snapferry reports as "an MFA code is needed".
 */
@FunctionalInterface
public interface MfaPrompt {

    MfaPrompt NONE = (profile, serial) -> Optional.empty();

    Optional<String> codeFor(String profile, String mfaSerial);
}
