package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.MfaPrompt;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.AccountChoice;
import dev.snapferry.ui.common.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The account picker's catalog on real profile files: profiles pointing at a simulator through their
 * {@code endpoint_url}, opened and closed while the app runs, and the demo started on demand.
 */
class AccountOpenerTest {

    @TempDir
    Path home;

    private Simulator simulator;
    private SdkHttpClient http;
    private OpenSessions sessions;
    private AccountOpener opener;

    @BeforeEach
    void setUp() throws Exception {
        simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                new DemoDataset()));
        http = ApacheHttpClient.builder().build();
        Files.createDirectories(home.resolve(".aws"));
        String endpoint = simulator.endpoint().toString();
        Files.writeString(home.resolve(".aws/config"), """
                [profile prod]
                region = eu-west-1
                endpoint_url = %1$s
                [profile dr]
                region = us-east-1
                endpoint_url = %1$s
                [profile prod-again]
                endpoint_url = %1$s
                [profile settings-only]
                region = us-east-1
                """.formatted(endpoint));
        Files.writeString(home.resolve(".aws/credentials"), """
                [prod]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                [dr]
                aws_access_key_id = %s
                aws_secret_access_key = %s
                [prod-again]
                aws_access_key_id = %1$s
                aws_secret_access_key = %2$s
                """.formatted(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY,
                DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY));
        sessions = new OpenSessions();
        opener = new AccountOpener(sessions, http, MfaPrompt.NONE, Messages.load(Locale.ROOT), Map::of, home,
                () -> new Simulator.Options(0, SimClock.manual(Instant.now()), FaultSettings.none(),
                        new DemoDataset()));
    }

    @AfterEach
    void tearDown() {
        opener.close();
        http.close();
        simulator.close();
    }

    @Test
    void theChoicesAreTheDemoAndEveryProfileWithCredentials() {
        assertThat(opener.choices()).extracting(AccountChoice::id)
                .containsExactly(AccountCatalog.DEMO, "dr", "prod", "prod-again");
        assertThat(opener.choices()).filteredOn(c -> c.id().equals("prod")).singleElement()
                .extracting(AccountChoice::detail).isEqualTo("access keys");
    }

    @Test
    void aCredentialsFileTheParserRefusesIsNamedAndTheConfigsProfilesStay() throws Exception {
        Files.writeString(home.resolve(".aws/credentials"), "aws_secret_access_key = before-any-section\n");
        assertThat(opener.fileProblems()).singleElement().asString()
                .contains(home.resolve(".aws/credentials").toString(), "line 1")
                .doesNotContain("before-any-section");
        assertThat(opener.choices()).extracting(AccountChoice::id).contains(AccountCatalog.DEMO);
    }

    @Test
    void profilesOpenSideBySideAndClose() {
        opener.open("prod");
        opener.open("dr");
        assertThat(sessions.all()).extracting(AccountSession::accountId)
                .containsExactly(DemoAccounts.PRODUCTION, DemoAccounts.DISASTER_RECOVERY);
        assertThat(sessions.all().getFirst().homeRegion().code()).isEqualTo("eu-west-1");
        assertThat(opener.open()).containsExactlyInAnyOrder("prod", "dr");
        opener.close("prod");
        assertThat(sessions.all()).extracting(AccountSession::accountId)
                .containsExactly(DemoAccounts.DISASTER_RECOVERY);
    }

    @Test
    void anAccountIsOpenOnceEvenThroughTwoProfiles() {
        opener.open("prod");
        assertThatThrownBy(() -> opener.open("prod-again"))
                .isInstanceOf(AccountCatalog.AccountOpenException.class)
                .hasMessage("Account 111122223333 is already open through prod; an account is listed once. "
                        + "Close prod first to use this profile instead.");
        assertThat(opener.open()).containsExactly("prod");
    }

    @Test
    void aMissingProfileOrRefusedKeysSayWhy() throws Exception {
        assertThatThrownBy(() -> opener.open("nope")).hasMessageStartingWith("There is no AWS profile named nope.");
        Files.writeString(home.resolve(".aws/credentials"), """
                [prod]
                aws_access_key_id = AKIAUNKNOWNUNKNOWN00
                aws_secret_access_key = wrong
                """);
        assertThatThrownBy(() -> opener.open("prod")).isInstanceOf(AccountCatalog.AccountOpenException.class)
                .hasMessageStartingWith("Profile prod could not be opened.")
                .hasMessageContaining("InvalidClientTokenId");
        assertThat(sessions.all()).isEmpty();
    }

    @Test
    void theDemoStartsItsSimulatorOnDemandWithBothAccounts() {
        assertThat(opener.demoEndpoint()).isEmpty();
        opener.open(AccountCatalog.DEMO);
        assertThat(sessions.all()).extracting(AccountSession::accountId)
                .containsExactly(DemoAccounts.PRODUCTION, DemoAccounts.DISASTER_RECOVERY);
        assertThat(opener.demoEndpoint()).get().asString().startsWith("http://127.0.0.1:");
        assertThat(opener.demoEndpoint().orElseThrow()).isNotEqualTo(simulator.endpoint().toString());
        // The demo's prod account is the same number as the "prod" profile's: it cannot be open twice.
        assertThatThrownBy(() -> opener.open("prod")).hasMessageContaining("already open");
        opener.close(AccountCatalog.DEMO);
        assertThat(opener.demoEndpoint()).isEmpty();
        opener.open("prod");
        assertThat(opener.open()).containsExactly("prod");
    }
}
