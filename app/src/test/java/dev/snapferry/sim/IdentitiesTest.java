package dev.snapferry.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentitiesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void ssoPortalRefusesARequestWithoutAnAccountAsForbidden() {
        // The token's accounts are an immutable set, whose contains(null) throws: the missing account must be
        // refused before it is looked up.
        Identities identities = new Identities();
        identities.addSsoToken("token", Set.of(DemoAccounts.PRODUCTION), NOW.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> identities.ssoRoleCredentials("token", null, "ReadOnly", NOW))
                .isInstanceOfSatisfying(SimException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("ForbiddenException");
                });
    }
}
