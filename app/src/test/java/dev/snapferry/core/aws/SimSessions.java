package dev.snapferry.core.aws;

import dev.snapferry.core.model.RegionRef;
import dev.snapferry.sim.DemoAccounts;
import dev.snapferry.sim.Simulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/** Opens accounts on a simulator the way the app does, through {@link AwsClients} and STS. */
final class SimSessions implements AutoCloseable {

    private final Simulator simulator;
    private final SdkHttpClient http = ApacheHttpClient.builder().maxConnections(64).build();

    SimSessions(Simulator simulator) {
        this.simulator = simulator;
    }

    SdkHttpClient http() {
        return http;
    }

    AccountSession production(int maxAttempts) {
        return open("prod", DemoAccounts.PRODUCTION_ACCESS_KEY, DemoAccounts.PRODUCTION_SECRET_KEY, maxAttempts);
    }

    AccountSession disasterRecovery(int maxAttempts) {
        return open("dr", DemoAccounts.DR_ACCESS_KEY, DemoAccounts.DR_SECRET_KEY, maxAttempts);
    }

    AccountSession open(String profile, String key, String secret, int maxAttempts) {
        AwsClients clients = new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)),
                simulator.endpoint(), http, maxAttempts);
        return AccountSession.open(profile, true, new RegionRef("us-east-1"), clients);
    }

    @Override
    public void close() {
        http.close();
    }
}
