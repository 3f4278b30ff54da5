package dev.snapferry.app;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsCallException;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.AwsProfile;
import dev.snapferry.core.aws.AwsProfiles;
import dev.snapferry.core.aws.CredentialProviders;
import dev.snapferry.core.aws.CredentialsUnavailableException;
import dev.snapferry.core.aws.MfaPrompt;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.aws.ProfileKind;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Simulator;
import dev.snapferry.ui.catalog.AccountCatalog;
import dev.snapferry.ui.catalog.AccountChoice;
import dev.snapferry.ui.common.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Opens and closes the accounts of the browser: a profile of the user's AWS files (read afresh each time, so a
 * profile added or an {@code aws sso login} done while Snapferry runs is picked up), or the demo, whose embedded
 * simulator starts the first time it is opened and keeps running (with its state) until the app stops.
 */
final class AccountOpener implements AccountCatalog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountOpener.class);

    private final OpenSessions sessions;
    private final SdkHttpClient http;
    private final MfaPrompt mfa;
    private final Messages messages;
    private final Supplier<Map<String, String>> environment;
    private final Path home;
    private final Supplier<Simulator.Options> demoOptions;
    private volatile @Nullable Simulator demo;

    AccountOpener(OpenSessions sessions, SdkHttpClient http, MfaPrompt mfa, Messages messages,
                  Supplier<Map<String, String>> environment, Path home, Supplier<Simulator.Options> demoOptions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.http = Objects.requireNonNull(http, "http");
        this.mfa = Objects.requireNonNull(mfa, "mfa");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.home = Objects.requireNonNull(home, "home");
        this.demoOptions = Objects.requireNonNull(demoOptions, "demoOptions");
    }

    @Override
    public List<AccountChoice> choices() {
        List<AccountChoice> choices = new ArrayList<>();
        choices.add(new AccountChoice(DEMO, messages.get("accounts.kind.DEMO")));
        for (AwsProfile profile : AwsProfiles.load(environment.get(), home).all()) {
            if (profile.kind() != ProfileKind.NO_CREDENTIALS) {
                choices.add(new AccountChoice(profile.name(), messages.get("accounts.kind." + profile.kind().name())));
            }
        }
        return choices;
    }

    @Override
    public List<String> fileProblems() {
        return AwsProfiles.load(environment.get(), home).problems();
    }

    @Override
    public Set<String> open() {
        return sessions.choices();
    }

    /** The profile AWS tools would use: {@code AWS_PROFILE}, the environment's keys, or {@code default}. */
    Optional<String> defaultProfile() {
        return AwsProfiles.load(environment.get(), home).defaultProfile().map(AwsProfile::name);
    }

    @Override
    public synchronized void open(String choice) {
        if (sessions.isOpen(choice)) {
            return;
        }
        List<AccountSession> opened = DEMO.equals(choice) ? openDemo() : List.of(openProfile(choice));
        Optional<AccountSession> clash = sessions.add(choice, opened);
        if (clash.isPresent()) {
            opened.forEach(AccountSession::close);
            throw new AccountOpenException(messages.get("accounts.alreadyOpen", clash.get().accountId(),
                    label(sessions.choiceOf(clash.get()))), null);
        }
        LOG.info("Opened {}: accounts {}", choice, opened.stream().map(AccountSession::accountId).toList());
    }

    @Override
    public void close(String choice) {
        if (sessions.remove(choice)) {
            LOG.info("Closed {}", choice);
        }
    }

    @Override
    public Optional<String> demoEndpoint() {
        // Read on the UI thread: never waits for an open() in progress (which may be waiting for an MFA code).
        Simulator simulator = demo;
        return simulator != null && sessions.isOpen(DEMO) ? Optional.of(simulator.endpoint().toString())
                : Optional.empty();
    }

    private String label(String choice) {
        return DEMO.equals(choice) ? messages.get("browser.accounts.demo") : choice;
    }

    private AccountSession openProfile(String name) {
        AwsProfiles profiles = AwsProfiles.load(environment.get(), home);
        AwsProfile profile = profiles.find(name).orElseThrow(() -> new AccountOpenException(
                messages.get("accounts.missing", name), null));
        var endpoint = profile.endpointUrl();
        RegionRef homeRegion = new RegionRef(profile.region().filter(RegionRef::isValidCode).orElse("us-east-1"));
        try {
            var credentials = new CredentialProviders(profiles, mfa, http, Clock.systemUTC())
                    .forProfile(profile.name(), endpoint);
            return AccountSession.open(profile.name(), false, homeRegion,
                    new AwsClients(credentials, endpoint, http, 5));
        } catch (CredentialsUnavailableException e) {
            LOG.warn("Profile {} has no usable credentials: {}", name, e.getMessage());
            throw new AccountOpenException(messages.get("accounts.failed", name, String.valueOf(e.getMessage())), e);
        } catch (AwsCallException e) {
            LOG.warn("Profile {} was refused: {} {}", name, e.failure().awsCode(),
                    e.failure().getClass().getSimpleName());
            String reason = messages.get(e.failure().messageKey());
            throw new AccountOpenException(messages.get("accounts.failed", name, e.failure().awsCode().isEmpty()
                    ? reason : reason + " (" + e.failure().awsCode() + ": " + e.failure().awsMessage() + ")"), e);
        }
    }

    private List<AccountSession> openDemo() {
        Simulator simulator = demo;
        if (simulator == null) {
            try {
                simulator = Simulator.start(demoOptions.get());
            } catch (IOException e) {
                LOG.error("The embedded AWS simulator could not start", e);
                throw new AccountOpenException(messages.get("startup.failed.simulator",
                        String.valueOf(e.getMessage())), e);
            }
            demo = simulator;
            LOG.info("Demo account: embedded AWS simulator at {}", simulator.endpoint());
        }
        List<AccountSession> opened = new ArrayList<>();
        try {
            for (String[] keys : new String[][] {
                {DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY, "demo-production"},
                {DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY, "demo-disaster-recovery"}}) {
                opened.add(AccountSession.open(keys[2], true, new RegionRef("us-east-1"), new AwsClients(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(keys[0], keys[1])),
                        simulator.endpoint(), http, 5)));
            }
        } catch (AwsCallException e) {
            opened.forEach(AccountSession::close);
            throw new AccountOpenException(messages.get("startup.failed.simulator", e.failure().awsMessage()), e);
        }
        return opened;
    }

    @Override
    public synchronized void close() {
        sessions.close();
        if (demo != null) {
            demo.close();
            demo = null;
        }
    }
}
