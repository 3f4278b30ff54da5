package dev.snapferry.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRefTest {

    @Test
    void twelveDigitAccountIdIsAccepted() {
        AccountRef account = new AccountRef("123456789012", "prod", false);
        assertEquals("123456789012", account.accountId());
        assertTrue(AccountRef.isValidAccountId("012345678901"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345678901", "1234567890123", "12345678901a", "1234-5678-9012", " 123456789012",
            "١٢٣٤٥٦٧٨٩٠١٢"})
    void anythingButTwelveAsciiDigitsIsRefused(String id) {
        assertFalse(AccountRef.isValidAccountId(id));
        if (id != null) {
            assertThrows(IllegalArgumentException.class, () -> new AccountRef(id, "prod", false));
        }
    }

    @Test
    void profileNameIsRequired() {
        assertThrows(NullPointerException.class, () -> new AccountRef("123456789012", null, false));
    }
}
