package dev.snapferry.ui.testing;

import dev.snapferry.core.aws.AccountSession;
import dev.snapferry.core.aws.AwsClients;
import dev.snapferry.core.aws.OpenSessions;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.SimClock;
import dev.snapferry.sim.Simulator;
import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * The demo's two accounts, production and disaster recovery, open through the real SDK on a simulator of their own
 * with a manual clock: what the tests of copies between accounts start from.
 */
public final class DemoSessions implements AutoCloseable {

    public final SimClock.Manual clock;
    public final Simulator simulator;
    public final OpenSessions sessions = new OpenSessions();
    public final AccountSession production;
    public final AccountSession disasterRecovery;
    private final SdkHttpClient http = ApacheHttpClient.builder().build();

    public DemoSessions() throws Exception {
        this(Instant.now());
    }

    /** @param start the simulator's clock at the start: fixed, for tests that print times */
    public DemoSessions(Instant start) throws Exception {
        clock = SimClock.manual(start);
        simulator = Simulator.start(new Simulator.Options(0, clock, FaultSettings.none(), new DemoDataset()));
        production = open(DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY);
        disasterRecovery = open(DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY);
        sessions.add("prod", List.of(production));
        sessions.add("dr", List.of(disasterRecovery));
    }

    private AccountSession open(String key, String secret) {
        return AccountSession.open("p-" + key, true, new RegionRef("us-east-1"), new AwsClients(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)), simulator.endpoint(),
                http, 3));
    }

    @Override
    public void close() {
        sessions.close();
        http.close();
        simulator.close();
    }
}
