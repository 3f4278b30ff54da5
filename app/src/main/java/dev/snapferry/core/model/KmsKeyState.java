package dev.snapferry.core.model;

import java.util.Locale;

/** {@code KeyState} of a KMS key. Only an enabled key can encrypt a copy. */
public enum KmsKeyState {
    ENABLED,
    DISABLED,
    PENDING_DELETION,
    PENDING_IMPORT,
    PENDING_REPLICA_DELETION,
    UNAVAILABLE,
    CREATING,
    UPDATING,
    UNKNOWN;

    /** Maps KMS's {@code Enabled}, {@code PendingDeletion}, ... to a state; unknown text gives {@link #UNKNOWN}. */
    public static KmsKeyState fromRaw(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String snake = raw.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        for (KmsKeyState state : values()) {
            if (state.name().equals(snake)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    public boolean isUsable() {
        return this == ENABLED;
    }
}
