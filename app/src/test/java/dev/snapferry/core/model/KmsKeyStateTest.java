package dev.snapferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KmsKeyStateTest {

    @ParameterizedTest
    @CsvSource({
        "Enabled, ENABLED",
        "Disabled, DISABLED",
        "PendingDeletion, PENDING_DELETION",
        "PendingImport, PENDING_IMPORT",
        "PendingReplicaDeletion, PENDING_REPLICA_DELETION",
        "Unavailable, UNAVAILABLE",
        "Creating, CREATING",
        "Updating, UPDATING",
        "PENDING_DELETION, PENDING_DELETION",
        "' Enabled ', ENABLED"
    })
    void kmsKeyStatesAreRead(String raw, KmsKeyState state) {
        assertEquals(state, KmsKeyState.fromRaw(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Deleted", "Pending Deletion", "enabledd"})
    void unknownStateIsUnknown(String raw) {
        assertEquals(KmsKeyState.UNKNOWN, KmsKeyState.fromRaw(raw));
    }

    @ParameterizedTest
    @EnumSource(KmsKeyState.class)
    void onlyAnEnabledKeyIsUsable(KmsKeyState state) {
        if (state == KmsKeyState.ENABLED) {
            assertTrue(state.isUsable());
        } else {
            assertFalse(state.isUsable(), state.name());
        }
    }
}
