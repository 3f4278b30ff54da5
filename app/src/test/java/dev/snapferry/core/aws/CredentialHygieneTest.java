package dev.snapferry.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Identities;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Runs a full access-layer scenario (static keys, a role with MFA, IAM Identity Center, listing, refusals) and
 * scans everything it logged and every message it produced for secrets: none may appear.
 */
class CredentialHygieneTest {

    @TempDir
    Path home;

    @Test
    void noSecretSessionTokenOrSsoTokenIsEverLoggedOrShown() throws IOException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        List<String> secrets = new ArrayList<>(List.of(DemoAccounts.PRODUCTION_SECRET_KEY,
                DemoAccounts.DR_SECRET_KEY, "sso-token-hygiene", "wrong-secret-value"));
        List<String> produced = new ArrayList<>();
        try (Simulator simulator = Simulator.start(new Simulator.Options(0, SimClock.manual(Instant.now()),
                FaultSettings.none(), new DemoDataset()));
             SdkHttpClient http = ApacheHttpClient.create()) {
            simulator.context().identities().addSsoToken("sso-token-hygiene", Set.of(DemoAccounts.PRODUCTION),
                    Instant.now().plusSeconds(3_600));
            ProfileFiles.writeEveryKind(home, "sso-token-hygiene", "bad", "AKIAUNKNOWNUNKNOWN00",
                    "wrong-secret-value");
            AwsProfiles profiles = AwsProfiles.load(Map.of(), home);
            CredentialProviders providers = new CredentialProviders(profiles,
                    (p, s) -> Optional.of(Identities.MFA_CODE), http, Clock.systemUTC());
            List<AccountSession> sessions = new ArrayList<>();
            for (String profile : List.of("prod", "dr-admin", "sso")) {
                var provider = providers.forProfile(profile, simulator.endpoint());
                if (provider.resolveCredentials() instanceof AwsSessionCredentials session) {
                    secrets.add(session.sessionToken());
                    secrets.add(session.secretAccessKey());
                }
                sessions.add(AccountSession.open(profile, false, new RegionRef("us-east-1"),
                        new AwsClients(provider, simulator.endpoint(), http, 2)));
            }
            simulator.faults().set(new FaultSettings(0, 0, 0, 0, List.of(),
                    Map.of(DemoAccounts.PRODUCTION, List.of("eu-west-1")), Map.of()));
            List<RegionResult> results = new SnapshotLister(new KmsDirectory(), 4).list(sessions,
                    List.of(new RegionRef("us-east-1"), new RegionRef("eu-west-1")), SnapshotLister.Options.DEFAULT,
                    r -> { }).orTimeout(60, TimeUnit.SECONDS).join();
            results.forEach(r -> produced.add(r.toString()));
            try {
                providers.forProfile("bad", simulator.endpoint());
                AccountSession.open("bad", false, new RegionRef("us-east-1"), new AwsClients(
                        providers.forProfile("bad", simulator.endpoint()), simulator.endpoint(), http, 1));
            } catch (AwsCallException e) {
                produced.add(e.getMessage());
                produced.add(e.failure().toString());
            }
            sessions.forEach(AccountSession::close);
        } finally {
            root.detachAppender(captured);
        }
        List<String> logged = captured.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        assertThat(produced).isNotEmpty();
        for (String secret : secrets) {
            assertThat(logged).as("log lines").noneMatch(line -> line.contains(secret));
            assertThat(produced).as("messages").noneMatch(line -> line.contains(secret));
            assertThat(profiles().toString()).doesNotContain(secret);
        }
    }

    private List<AwsProfile> profiles() {
        return AwsProfiles.load(Map.of(), home).all();
    }
}
