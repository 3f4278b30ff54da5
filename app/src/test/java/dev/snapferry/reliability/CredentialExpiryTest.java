package dev.snapferry.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.aws.AwsProfiles;
import dev.snapferry.core.aws.CredentialProviders;
import dev.snapferry.core.aws.KmsDirectory;
import dev.snapferry.core.aws.ProfileFiles;
import dev.snapferry.core.aws.RegionResult;
import dev.snapferry.core.aws.SnapshotLister;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Identities;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * An IAM Identity Center sign-in that expires in the middle of a session: the listing fails as "sign-in expired"
 * with what to do, and once the user has signed in again ({@code aws sso login} writes a new token) the next
 * listing works, without reopening the profile or restarting the app.
 */
class CredentialExpiryTest {

    private static final RegionRef EAST = new RegionRef("us-east-1");

    @TempDir
    Path home;

    @Test
    void anExpiredSsoSignInFailsWithWhatToDoAndTheNextSignInIsPickedUp() throws Exception {
        SimClock.Manual clock = SimClock.manual(Instant.now());
        try (Simulator simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(),
                new DemoDataset()));
             SdkHttpClient http = ApacheHttpClient.create()) {
            signIn(simulator, clock, "first-sign-in");
            Files.writeString(home.resolve(".aws/config"), ProfileFiles.ssoProfile("sso", "corp"));
            CredentialProviders providers = new CredentialProviders(AwsProfiles.load(Map.of(), home),
                    (p, s) -> Optional.of(Identities.MFA_CODE), http, Clock.systemUTC());
            AccountSession session = AccountSession.open("sso", false, EAST, new AwsClients(
                    providers.forProfile("sso", simulator.endpoint()), simulator.endpoint(), http, 2));
            assertThat(list(session)).isInstanceOf(RegionResult.Loaded.class);

            // A working day later: the token and the role credentials it gave have expired.
            clock.advance(Duration.ofHours(9));
            assertThat(list(session)).isInstanceOfSatisfying(RegionResult.Failed.class, failed ->
                    assertThat(failed.failure()).isInstanceOf(AwsFailure.CredentialsExpired.class));

            // The user runs aws sso login: a new token in the cache.
            signIn(simulator, clock, "second-sign-in");
            assertThat(list(session)).as("the new sign-in is used without reopening the profile")
                    .isInstanceOf(RegionResult.Loaded.class);
            session.close();
        }
    }

    private RegionResult list(AccountSession session) {
        List<RegionResult> results = new SnapshotLister(new KmsDirectory(), 1).list(List.of(session), List.of(EAST),
                SnapshotLister.Options.DEFAULT, r -> { }).orTimeout(60, TimeUnit.SECONDS).join();
        return results.getFirst();
    }

    /** What {@code aws sso login} does: IAM Identity Center issues a token, the CLI caches it. */
    private void signIn(Simulator simulator, SimClock.Manual clock, String token) throws Exception {
        simulator.context().identities().addSsoToken(token, Set.of(DemoAccounts.PRODUCTION),
                clock.now().plus(Duration.ofHours(8)));
        ProfileFiles.ssoSignIn(home, "corp", token, Instant.now().plus(Duration.ofHours(8)));
    }
}
